import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Import, ImportKind, ImportKindInfo, ImportListItem, ImportMapping, ImportProblem } from '../../api/schemas';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  kinds: ['imports', 'kinds'] as const,
  allMappings: ['imports', 'mappings'] as const,
  mappings: (kind: ImportKind) => ['imports', 'mappings', kind] as const,
  one: (id: string) => ['imports', 'one', id] as const,
  problems: (id: string) => ['imports', 'problems', id] as const,
  rowsLeftOut: (id: string) => ['imports', 'problems', id, 'rows'] as const,
};

/** How often an import that is being checked or written is asked for its progress. */
const POLL_MS = 1000;

export const isWorking = (status: Import['status']) => status === 'validating' || status === 'committing';

export function useImportList(params: QueryParams) {
  return usePagedList<ImportListItem>(importKeys.list, '/imports', params);
}

/** The kinds of import with their fields and what each requires; they change with a release only. */
export function useImportKinds() {
  return useQuery({
    queryKey: importKeys.kinds,
    queryFn: ({ signal }) => api.get<{ items: ImportKindInfo[] }>('/imports/kinds', { signal }),
    select: (answer) => answer.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useImportMappings(kind: ImportKind) {
  return useQuery({
    queryKey: importKeys.mappings(kind),
    queryFn: ({ signal }) => api.get<{ items: ImportMapping[] }>('/imports/mappings', { query: { kind }, signal }),
    select: (answer) => answer.items,
  });
}

/** Every saved mapping the user may use, of every kind. */
export function useAllImportMappings() {
  return useQuery({
    queryKey: importKeys.allMappings,
    queryFn: ({ signal }) => api.get<{ items: ImportMapping[] }>('/imports/mappings', { signal }),
    select: (answer) => answer.items,
  });
}

/** One import, asked every second while it is being checked or written; lists refresh when it ends. */
export function useImport(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.one(id),
    queryFn: async ({ signal }) => {
      const view = await api.get<Import>(`/imports/${id}`, { signal });
      if (!isWorking(view.status)) {
        void queryClient.invalidateQueries({ queryKey: importKeys.list });
        void queryClient.invalidateQueries({ queryKey: importKeys.problems(id) });
      }
      return view;
    },
    refetchInterval: (query) => (query.state.data && isWorking(query.state.data.status) ? POLL_MS : false),
  });
}

export function useImportProblems(id: string, enabled: boolean) {
  return usePagedList<ImportProblem>(importKeys.problems(id), `/imports/${id}/problems`, { limit: 100 }, { enabled });
}

/** Problems read to name the rows a partial import leaves out (a page at most): enough for the first rows shown. */
const PROBLEMS_FOR_ROWS = 200;

/** The rows the last check found problems in, in file order, each with its problems (the first ones). */
export function useRowsLeftOut(id: string) {
  return useQuery({
    queryKey: importKeys.rowsLeftOut(id),
    queryFn: ({ signal }) => api.get<{ items: ImportProblem[] }>(`/imports/${id}/problems`, { query: { limit: PROBLEMS_FOR_ROWS }, signal }),
    select: (answer) => {
      const rows = new Map<number, ImportProblem[]>();
      for (const problem of answer.items) rows.set(problem.row, [...(rows.get(problem.row) ?? []), problem]);
      return [...rows].map(([row, problems]) => ({ row, problems }));
    },
  });
}

/** Whatever answers with the whole import: keep it, so the page shows it at once. */
function useKeep() {
  const queryClient = useQueryClient();
  return (view: Import) => {
    queryClient.setQueryData(importKeys.one(view.id), view);
    void queryClient.invalidateQueries({ queryKey: importKeys.list });
  };
}

export interface UploadRequest {
  file: File;
  kind: ImportKind;
  organizationId?: string;
  offeringId?: string;
  mappingId?: string;
}

/** The types the API takes a file as; anything else (a .txt, an unknown type) goes as plain bytes. */
const UPLOAD_TYPES = ['text/csv', 'text/tab-separated-values', 'application/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

export function useUploadImport() {
  const keep = useKeep();
  return useMutation({
    mutationFn: ({ file, ...query }: UploadRequest) => {
      const body = UPLOAD_TYPES.includes(file.type) ? file : file.slice(0, file.size, 'application/octet-stream');
      return api.upload<Import>('/imports', body, { ...query, filename: file.name });
    },
    onSuccess: keep,
  });
}

export function useUpdateImport(view: Pick<Import, 'id' | 'version'>) {
  const keep = useKeep();
  return useMutation({ mutationFn: (body: unknown) => api.patch<Import>(`/imports/${view.id}`, view.version, body), onSuccess: keep });
}

export type ImportStep = { action: 'validate' } | { action: 'commit'; mode: 'all' } | { action: 'commit'; mode: 'valid_only'; leaveOutRows: number };

export function useStartImport(id: string) {
  const keep = useKeep();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: ImportStep) => (action === 'validate' ? api.post<Import>(`/imports/${id}/validate`) : api.post<Import>(`/imports/${id}/commit`, body)),
    onSuccess: (view) => {
      keep(view);
      void queryClient.invalidateQueries({ queryKey: importKeys.problems(id) });
    },
  });
}

export function useSaveMapping(kind: ImportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; columns: Record<string, string>; leftOut: string[]; dateFormat: Import['dateFormat'] }) => api.post<ImportMapping>('/imports/mappings', { kind, ...body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importKeys.allMappings }),
  });
}

/** Deletes an import (not its records); the list forgets it. */
export function useDeleteImport(view: Pick<Import, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<null>(`/imports/${view.id}`, view.version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: importKeys.one(view.id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/imports/mappings/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: importKeys.allMappings }),
  });
}
