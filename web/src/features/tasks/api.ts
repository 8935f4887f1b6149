import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Task } from '../../api/schemas';

export const taskKeys = {
  all: ['tasks'] as const,
  list: ['tasks', 'list'] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
};

export function useTaskList(params: QueryParams) {
  return usePagedList<Task>(taskKeys.list, '/tasks', params);
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.one(id), queryFn: ({ signal }) => api.get<Task>(`/tasks/${id}`, { signal }) });
}

/**
 * Every change to a follow-up: an edit, marking it done (on the day it was done), reopening it.
 * The answer is kept; the lists it shows in (follow-ups, its meeting, its partnership, the
 * dashboard's overdue figure) refetch.
 */
export function useUpdateTask(task: Pick<Task, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Task>(`/tasks/${task.id}`, task.version, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(taskKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: taskKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['engagements', 'one'] });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
