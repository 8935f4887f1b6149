import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Organization, Page, Partnership } from '../../api/schemas';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: ['organizations', 'list'] as const,
  options: ['organizations', 'options'] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
  partnership: (id: string) => ['organizations', 'partnership', id] as const,
};

export function useOrganizationList(params: QueryParams) {
  return usePagedList<Organization>(organizationKeys.list, '/organizations', params);
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: organizationKeys.one(id),
    queryFn: ({ signal }) => api.get<Organization>(`/organizations/${id}`, { signal }),
  });
}

/** Organizations for a select, by name; enough for a program's partners. */
export function useOrganizationOptions() {
  return useQuery({
    queryKey: organizationKeys.options,
    queryFn: ({ signal }) => api.get<Page<Organization>>('/organizations', { query: { limit: 200, sort: 'name' }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
    // Pickers show what is cached at once and fetch again on each page: an organization another
    // user added a moment ago (the dashboard loads these first thing) is there to choose.
    refetchOnMount: 'always',
  });
}

/** The partnership with an organization, if there is one (an organization has at most one). */
export function useOrganizationPartnership(organization: Pick<Organization, 'id'> | undefined) {
  return useQuery({
    queryKey: organizationKeys.partnership(organization?.id ?? ''),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Partnership>>('/partnerships', { query: { organizationId: organization?.id, limit: 1 }, signal });
      return page.items[0] ?? null;
    },
    enabled: Boolean(organization),
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (organization: Organization) => {
    queryClient.setQueryData(organizationKeys.one(organization.id), organization);
    void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
    void queryClient.invalidateQueries({ queryKey: organizationKeys.options });
  };
}

export function useCreateOrganization() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Organization>('/organizations', body),
    onSuccess: saved,
  });
}

export function useUpdateOrganization(organization: Pick<Organization, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<Organization>(`/organizations/${organization.id}`, organization.version, body),
    onSuccess: saved,
  });
}

export function useArchiveOrganization(organization: Pick<Organization, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (isArchived: boolean) => api.put<Organization>(`/organizations/${organization.id}/archived`, organization.version, { isArchived }),
    onSuccess: saved,
  });
}
