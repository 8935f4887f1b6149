import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type QueryParams } from './client';
import type { Page } from './schemas';

/** A keyset-paginated list read page by page ("Load more"); params are part of the cache key. */
export function usePagedList<T>(key: QueryKey, path: string, params: QueryParams, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
  });
}
