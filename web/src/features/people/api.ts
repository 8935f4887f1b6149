import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Assignment, Page, Person, PersonDetail, ReadinessItem } from '../../api/schemas';

export const peopleKeys = {
  all: ['people'] as const,
  list: ['people', 'list'] as const,
  search: (q: string) => ['people', 'search', q] as const,
  one: (id: string) => ['people', 'one', id] as const,
  assignments: (id: string) => ['people', 'assignments', id] as const,
};

export function usePeopleList(params: QueryParams) {
  return usePagedList<Person>(peopleKeys.list, '/people', params);
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.one(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/people/${id}`, { signal }),
  });
}

/** People whose name matches, for a picker; nothing is asked until something is typed. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: peopleKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { query: { q, limit: 20 }, signal }),
    select: (page) => page.items,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** A person's assignments, for their page (not for viewers, who see names only). */
export function usePersonAssignments(id: string) {
  return useQuery({
    queryKey: peopleKeys.assignments(id),
    queryFn: ({ signal }) => api.get<{ items: Assignment[] }>(`/people/${id}/assignments`, { signal }),
    select: (data) => data.items,
  });
}

/** Every change answers with the whole person: keep it, and let lists and deployments refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (person: PersonDetail) => {
    queryClient.setQueryData(peopleKeys.one(person.id), person);
    void queryClient.invalidateQueries({ queryKey: peopleKeys.list });
    void queryClient.invalidateQueries({ queryKey: ['deployments'] });
  };
}

export function useCreatePerson() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<PersonDetail>('/people', body), onSuccess: saved });
}

export function useUpdatePerson(person: Pick<PersonDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<PersonDetail>(`/people/${person.id}`, person.version ?? 1, body),
    onSuccess: saved,
  });
}

/** Readiness is part of the person: a change names the person's version it was made from. */
export function useSetReadiness(person: Pick<PersonDetail, 'id' | 'version'>, item: ReadinessItem) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.put<PersonDetail>(`/people/${person.id}/readiness/${item}`, person.version ?? 1, body),
    onSuccess: saved,
  });
}

/** Shows the whole passport number once; never cached, since each reveal is audited. */
export function useRevealPassport(personId: string) {
  return useMutation({ mutationFn: () => api.post<{ passportNumber: string }>(`/people/${personId}/passport-number/reveal`) });
}
