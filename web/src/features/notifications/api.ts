import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Notification, NotificationSettings, Page } from '../../api/schemas';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
  settings: ['notification-settings'] as const,
};

type NotificationPage = Page<Notification> & { unread: number };

/** How many are unread, for the header; asked again every few minutes while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { query: { limit: 1 }, signal }),
    select: (page) => page.unread,
    refetchInterval: 5 * 60_000,
  });
}

export function useNotificationList() {
  return usePagedList<Notification>(notificationKeys.list, '/notifications', { limit: 25 });
}

function useMarked() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const marked = useMarked();
  return useMutation({ mutationFn: (id: string) => api.post<{ unread: number }>(`/notifications/${id}/read`), onSuccess: marked });
}

export function useMarkAllRead() {
  const marked = useMarked();
  return useMutation({ mutationFn: () => api.post<{ unread: number }>('/notifications/read'), onSuccess: marked });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: ({ signal }) => api.get<NotificationSettings>('/notifications/settings', { signal }) });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: { isDigestOn: boolean; version: number }) => api.put<NotificationSettings>('/notifications/settings', version, body),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
}
