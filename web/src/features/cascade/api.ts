import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { InstructorCascade, ProgramCascade } from '../../api/schemas';

export const cascadeKeys = {
  all: ['cascade'] as const,
  program: (year: number | null) => ['cascade', 'program', year] as const,
  instructor: (id: string, maxNodes: number) => ['cascade', 'instructor', id, maxNodes] as const,
};

/** The program's cascade, for one year or all of them. */
export function useProgramCascade(year: number | null) {
  return useQuery({
    queryKey: cascadeKeys.program(year),
    queryFn: ({ signal }) => api.get<ProgramCascade>('/cascade', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInstructorCascade(id: string, maxNodes: number) {
  return useQuery({
    queryKey: cascadeKeys.instructor(id, maxNodes),
    queryFn: ({ signal }) => api.get<InstructorCascade>(`/cascade/instructors/${id}`, { query: { maxNodes }, signal }),
    placeholderData: keepPreviousData,
  });
}
