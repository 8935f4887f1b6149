import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { SearchResponse } from '../../api/schemas';

/** The API's shortest query. */
export const MIN_QUERY_LENGTH = 2;

/** Whether a query is long enough to send: the API refuses shorter ones. */
export const isSearchable = (q: string) => q.trim().length >= MIN_QUERY_LENGTH;

/** The results page of a query. */
export const searchPath = (q: string) => `/search?${new URLSearchParams({ q: q.trim() })}`;

/** The records of each kind matching `q` that the caller may see; nothing is asked for a query too short. */
export function useSearch(q: string, limit: number) {
  const term = q.trim();
  return useQuery({
    queryKey: ['search', term, limit],
    queryFn: ({ signal }) => api.get<SearchResponse>('/search', { query: { q: term, limit }, signal }),
    enabled: isSearchable(term),
    // While the next word is looked up, the last suggestions stay rather than flicker away.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The value once it has stayed the same for `ms`: a request per pause in typing, not per key. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
