import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { InstructorCascade, ProgramCascade } from '../../api/schemas';

export const cascadeKeys = {
  all: ['cascade'] as const,
  program: (year: number | null, filters: CascadeFilters = {}) => ['cascade', 'program', year, filters] as const,
  instructor: (id: string, maxNodes: number) => ['cascade', 'instructor', id, maxNodes] as const,
};

/** Which trainings the cascade counts besides the year: a dashboard figure's track, country and partner. */
export interface CascadeFilters {
  track?: string | undefined;
  country?: string | undefined;
  organizationId?: string | undefined;
}

/** The program's cascade, for one year or all of them. */
export function useProgramCascade(year: number | null, filters: CascadeFilters = {}) {
  return useQuery({
    queryKey: cascadeKeys.program(year, filters),
    queryFn: ({ signal }) => api.get<ProgramCascade>('/cascade', { query: { year, ...filters }, signal }),
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
