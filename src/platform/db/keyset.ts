import { type SelectQueryBuilder, sql } from 'kysely';
import { invalid } from '../errors.js';
import { platformText } from '../platform.messages.js';

/**
 * Keyset pagination: a page starts after the last row of the one before, by (sort value, id),
 * so reading page 500 costs what reading page 1 does and rows never repeat or go missing when
 * others are inserted meanwhile.
 */

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface SortRequest {
  /** A column reference the caller has already checked against its allowed list. */
  column: string;
  order: 'asc' | 'desc';
}

interface CursorBody {
  c: string;
  o: 'asc' | 'desc';
  v: string | number;
  id: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many the list holds in all, where it counts them (on its first page). */
  total?: number | undefined;
}

function decode(cursor: string, sort: SortRequest): CursorBody {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = {};
  }
  const valid =
    typeof body.id === 'string' && (typeof body.v === 'string' || typeof body.v === 'number');
  if (!valid) {
    throw invalid(platformText('cursorUnknown'), [
      { pointer: '/query/cursor', detail: platformText('cursorUnknownField') },
    ]);
  }
  if (body.c !== sort.column || body.o !== sort.order) {
    throw invalid(platformText('cursorOtherSort'), [
      { pointer: '/query/cursor', detail: platformText('cursorOtherSortField') },
    ]);
  }
  return body as CursorBody;
}

// Kysely's builders are generic over every table, and so is this helper.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>;

export function applyKeyset<Q extends AnySelect>(qb: Q, idColumn: string, sort: SortRequest, page: PageRequest): Q {
  const column = sql.ref(sort.column);
  const id = sql.ref(idColumn);
  let query = qb as AnySelect;
  if (page.cursor) {
    const after = decode(page.cursor, sort);
    const [op, opOrEqual] = sort.order === 'asc' ? [sql`>`, sql`>=`] : [sql`<`, sql`<=`];
    // The same rows as "after v, or at v and after id", said with a bound on the sort column
    // alone first: both engines seek the index to it instead of scanning from the list's start.
    query = query.where(sql<boolean>`(${column} ${opOrEqual} ${after.v} AND (${column} ${op} ${after.v} OR ${id} ${op} ${after.id}))`);
  }
  return query
    .orderBy(column, sort.order)
    .orderBy(id, sort.order)
    .limit(page.limit + 1) as Q;
}

/** How many rows a list's query selects: the same filter, counted by the database (a list's total, a figure). */
export async function countRows(qb: AnySelect): Promise<number> {
  const row = (await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string };
  // PostgreSQL counts in bigint, which its driver may hand over as a string.
  return Number(row.n);
}

/** Cuts the extra row applyKeyset asked for and turns it into the next cursor. */
export function toPage<R, T>(
  rows: R[],
  page: PageRequest,
  sort: SortRequest,
  keyOf: (row: R) => { value: string | number; id: string },
  present: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > page.limit;
  const kept = hasMore ? rows.slice(0, page.limit) : rows;
  const last = kept.at(-1);
  let nextCursor: string | null = null;
  if (hasMore && last !== undefined) {
    const key = keyOf(last);
    const body: CursorBody = { c: sort.column, o: sort.order, v: key.value, id: key.id };
    nextCursor = Buffer.from(JSON.stringify(body)).toString('base64url');
  }
  return { items: kept.map(present), nextCursor };
}

/** Reads every page of a list, for exports; memory holds one page at a time. */
export async function* allPages<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  pageSize = 500,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await read({ limit: pageSize, cursor });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
