import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../api/client';
import type { Dashboard, ReportRun } from '../../api/schemas';

export const reportKeys = {
  all: ['reports'] as const,
  years: ['reports', 'years'] as const,
  dashboard: (filters: QueryParams) => ['reports', 'dashboard', filters] as const,
  runs: ['reports', 'runs'] as const,
  run: (id: string) => ['reports', 'runs', id] as const,
};

/** How often a running report is asked for its progress. */
const POLL_MS = 1000;

/** Years with activity to report, newest first. */
export function useReportYears() {
  return useQuery({
    queryKey: reportKeys.years,
    queryFn: ({ signal }) => api.get<{ years: number[] }>('/reports/years', { signal }),
    select: (answer) => answer.years,
    staleTime: 5 * 60_000,
  });
}

/**
 * The year that a page opens on: this year when it has activity, else the latest past year that
 * had some (a program that ended, or the 2010 demo), else the first listed (only future plans).
 */
export function defaultReportYear(years: readonly number[] | undefined, thisYear = new Date().getFullYear()): number {
  if (!years || years.length === 0 || years.includes(thisYear)) return thisYear;
  return years.find((year) => year <= thisYear) ?? years[0] ?? thisYear;
}

/** The figures for the filters; the previous figures stay on screen while new ones load. */
export function useDashboard(filters: QueryParams, options: { enabled: boolean }) {
  return useQuery({
    queryKey: reportKeys.dashboard(filters),
    queryFn: ({ signal }) => api.get<Dashboard>('/reports/dashboard', { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
    // A refused filter stays refused: asking again would only delay showing why.
    retry: false,
  });
}

/** The signed-in user's latest runs; asked again while one of them is still running. */
export function useReportRuns() {
  return useQuery({
    queryKey: reportKeys.runs,
    queryFn: ({ signal }) => api.get<{ items: ReportRun[] }>('/reports/runs', { signal }),
    select: (answer) => answer.items,
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === 'running') ? POLL_MS : false),
  });
}

/** One run, polled until it is done or has failed; the list is refreshed when it ends. */
export function useReportRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: reportKeys.run(id ?? ''),
    queryFn: async ({ signal }) => {
      const run = await api.get<ReportRun>(`/reports/runs/${id}`, { signal });
      if (run.status !== 'running') void queryClient.invalidateQueries({ queryKey: reportKeys.runs, exact: true });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

export function useStartReportRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<ReportRun>('/reports/runs', body),
    onSuccess: (run) => {
      queryClient.setQueryData(reportKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: reportKeys.runs, exact: true });
    },
  });
}
