import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Course, CourseDetail, Page } from '../../api/schemas';

export const courseKeys = {
  all: ['courses'] as const,
  list: ['courses', 'list'] as const,
  options: ['courses', 'options'] as const,
  one: (id: string) => ['courses', 'one', id] as const,
};

export function useCourseList(params: QueryParams) {
  return usePagedList<Course>(courseKeys.list, '/courses', params);
}

/** Courses for a select, by code; a catalogue is a few dozen courses. */
export function useCourseOptions() {
  return useQuery({
    queryKey: courseKeys.options,
    queryFn: ({ signal }) => api.get<Page<Course>>('/courses', { query: { limit: 200 }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: courseKeys.one(id),
    queryFn: ({ signal }) => api.get<CourseDetail>(`/courses/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (course: CourseDetail) => {
    queryClient.setQueryData(courseKeys.one(course.id), course);
    void queryClient.invalidateQueries({ queryKey: courseKeys.list });
    void queryClient.invalidateQueries({ queryKey: courseKeys.options });
  };
}

export function useCreateCourse() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<CourseDetail>('/courses', body), onSuccess: saved });
}

export function useUpdateCourse(course: Pick<CourseDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<CourseDetail>(`/courses/${course.id}`, course.version, body),
    onSuccess: saved,
  });
}
