import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/schemas';
import { formatCount } from './format';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** What an empty table says instead. */
  empty: string;
  isCaptionHidden?: boolean;
  /** Rows the whole list holds, where only some are shown: read out as the table's row count. */
  rowCount?: number;
}

/** A USWDS table that stacks into labelled cards on a phone. */
export function DataTable<T>({ caption, columns, rows, rowKey, empty, isCaptionHidden, rowCount }: DataTableProps<T>) {
  if (rows.length === 0) return <p className="text-base-dark">{empty}</p>;
  return (
    // With a row count (the header row included), each row says where it stands in the whole list.
    <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0" aria-rowcount={rowCount === undefined ? undefined : rowCount + 1}>
      <caption className={isCaptionHidden ? 'usa-sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row)} aria-rowindex={rowCount === undefined ? undefined : index + 2}>
            {columns.map((column, index) =>
              index === 0 ? (
                <th key={column.key} scope="row" data-label={column.header}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface PagedTableProps<T> extends Omit<DataTableProps<T>, 'rows'> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** Fetch the next page as the footer scrolls into view (a long roster); the button stays for keyboards and screen readers. */
  loadsOnScroll?: boolean;
}

/** Calls `load` when the element comes within a screen of the viewport. */
function useNearViewport(load: () => unknown, isOn: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!isOn || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void load();
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isOn, load]);
  return ref;
}

/** A list endpoint's pages as one table, with "Load more" while the API has a next cursor. */
export function PagedTable<T>({ query, loadsOnScroll = false, ...table }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const canLoadMore = query.hasNextPage && !query.isFetchingNextPage && !query.isError;
  const footer = useNearViewport(query.fetchNextPage, loadsOnScroll && canLoadMore);
  if (query.isPending) return <Loading />;
  // A failed "Load more" keeps the rows already shown; only a failed first page has none.
  if (!query.data) return <ProblemAlert error={query.error} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  return (
    <div className="paged-table">
      <DataTable rows={rows} {...table} />
      {rows.length > 0 && (
        <div className="paged-table__footer" ref={footer}>
          <p className="margin-y-1 text-base-dark" role="status">
            {t('table.showing', { count: rows.length, formatted: formatCount(rows.length) })}
            {query.hasNextPage ? ` ${t('table.moreAvailable')}` : ''}
          </p>
          {query.hasNextPage && (
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
            </button>
          )}
        </div>
      )}
      {query.isError && <ProblemAlert error={query.error} />}
    </div>
  );
}
