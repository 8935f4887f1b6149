import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Task } from '../../api/schemas';

export const taskKeys = { all: ['tasks'] as const, list: ['tasks', 'list'] as const };

export function useTaskList(params: QueryParams) {
  return usePagedList<Task>(taskKeys.list, '/tasks', params);
}

export function useMarkDone(task: Pick<Task, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.patch<Task>(`/tasks/${task.id}`, task.version, { status: 'done' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['engagements', 'one'] });
    },
  });
}
