import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Assignment, Candidate, Deployment, DeploymentDetail, PersonDays } from '../../api/schemas';

export const deploymentKeys = {
  all: ['deployments'] as const,
  list: ['deployments', 'list'] as const,
  one: (id: string) => ['deployments', 'one', id] as const,
  candidates: (id: string, rotationId: string) => ['deployments', 'candidates', id, rotationId] as const,
  timeline: (from: string, to: string) => ['deployments', 'timeline', from, to] as const,
  personDays: (groupBy: string, year: string, filters: PersonDaysFilters = {}) => ['deployments', 'person-days', groupBy, year, filters] as const,
};

export function useDeploymentList(params: QueryParams) {
  return usePagedList<Deployment>(deploymentKeys.list, '/deployments', params);
}

export function useDeployment(id: string) {
  return useQuery({
    queryKey: deploymentKeys.one(id),
    queryFn: ({ signal }) => api.get<DeploymentDetail>(`/deployments/${id}`, { signal }),
  });
}

/** What the candidate finder narrows by; empty strings leave a filter off. */
export interface CandidateFilters {
  isReady: boolean;
  organizationId: string;
  track: string;
  language: string;
  minSpeaking: string;
}

export const NO_FILTERS: CandidateFilters = { isReady: false, organizationId: '', track: '', language: '', minSpeaking: '' };

/** Candidates ranked for one rotation, filtered by the API; asked afresh after each nomination. */
export function useCandidates(id: string, rotationId: string, filters: CandidateFilters = NO_FILTERS) {
  const query = {
    rotationId,
    limit: 50,
    isReady: filters.isReady ? 'true' : undefined,
    organizationId: filters.organizationId || undefined,
    track: filters.track || undefined,
    language: filters.language || undefined,
    minSpeaking: (filters.language && filters.minSpeaking) || undefined,
  };
  return useQuery({
    queryKey: [...deploymentKeys.candidates(id, rotationId), query],
    queryFn: ({ signal }) => api.get<{ items: Candidate[] }>(`/deployments/${id}/candidates`, { query, signal }),
    select: (data) => data.items,
    enabled: Boolean(rotationId),
  });
}

export function useTimeline({ from, to }: { from: string; to: string }, isEnabled: boolean) {
  return useQuery({
    queryKey: deploymentKeys.timeline(from, to),
    queryFn: ({ signal }) => api.get<{ items: Assignment[] }>('/deployments/timeline', { query: { from, to }, signal }),
    select: (data) => data.items,
    enabled: isEnabled,
  });
}

/** A dashboard figure's filters, when the person-days were opened from it. */
export interface PersonDaysFilters {
  track?: string | undefined;
  country?: string | undefined;
  organizationId?: string | undefined;
}

export function usePersonDays(groupBy: string, year: string, filters: PersonDaysFilters = {}) {
  return useQuery({
    queryKey: deploymentKeys.personDays(groupBy, year, filters),
    queryFn: ({ signal }) => api.get<PersonDays>('/deployments/person-days', { query: { groupBy, year, ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A change answering with the whole deployment: keep it, and let lists refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (deployment: DeploymentDetail) => {
    queryClient.setQueryData(deploymentKeys.one(deployment.id), deployment);
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.list });
  };
}

export function useCreateDeployment() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<DeploymentDetail>('/deployments', body), onSuccess: saved });
}

export function useUpdateDeployment(deployment: Pick<DeploymentDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<DeploymentDetail>(`/deployments/${deployment.id}`, deployment.version, body),
    onSuccess: saved,
  });
}

export function useChangeDeploymentStatus(deployment: Pick<DeploymentDetail, 'id' | 'version'>) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: unknown) => api.post<DeploymentDetail>(`/deployments/${deployment.id}/status-changes`, body, { version: deployment.version }),
    onSuccess: saved,
  });
}

export function useAddRotation(deploymentId: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: unknown) => api.post<DeploymentDetail>(`/deployments/${deploymentId}/rotations`, body), onSuccess: saved });
}

/**
 * An assignment's change answers with the assignment alone, but the rotation's counts, the
 * person-days and the candidates change with it: fetch the deployment again.
 */
function useAssignmentSaved(deploymentId: string) {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: ['deployments', 'candidates', deploymentId] });
    void queryClient.invalidateQueries({ queryKey: ['people'] });
    await queryClient.invalidateQueries({ queryKey: deploymentKeys.one(deploymentId) });
  };
}

export function useNominate(deploymentId: string) {
  const saved = useAssignmentSaved(deploymentId);
  return useMutation({ mutationFn: (body: unknown) => api.post<Assignment>(`/deployments/${deploymentId}/assignments`, body), onSuccess: saved });
}

export function useChangeAssignmentStatus(assignment: Pick<Assignment, 'id' | 'deploymentId' | 'version'>) {
  const saved = useAssignmentSaved(assignment.deploymentId);
  return useMutation({
    mutationFn: (body: unknown) =>
      api.post<Assignment>(`/deployments/${assignment.deploymentId}/assignments/${assignment.id}/status-changes`, body, { version: assignment.version }),
    onSuccess: saved,
  });
}

export function useExtendAssignment(assignment: Pick<Assignment, 'id' | 'deploymentId' | 'version'>) {
  const saved = useAssignmentSaved(assignment.deploymentId);
  return useMutation({
    mutationFn: (body: unknown) =>
      api.post<Assignment>(`/deployments/${assignment.deploymentId}/assignments/${assignment.id}/extensions`, body, { version: assignment.version }),
    onSuccess: saved,
  });
}
