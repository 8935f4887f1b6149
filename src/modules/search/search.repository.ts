import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';
import { inScope } from '../../platform/db/scope.js';
import type { DB, SearchEntriesTable, SearchKind } from '../../platform/db/schema.js';
import type { Scope } from '../../platform/policy.js';
import { deploymentsInScope } from '../deployments/deployments.repository.js';
import { offeringsInScope } from '../training/offerings.repository.js';
import { ftsQuery, relevance, tsQuery, type WordMatch } from './search.text.js';
import { insertRows } from '../../platform/db/bulk-insert.js';

/** A record as the index takes it in: its display text and, still unfolded, the words to find it by. */
export interface SearchSource {
  record_id: string;
  title: string;
  detail: string | null;
  names: string;
  private: string;
  archived: number;
}

/** A record as the index stores it. */
export type SearchEntry = Omit<Selectable<SearchEntriesTable>, 'seq'>;

/** Which records to read the sources of: by their own ids, or by the record they take words from. */
export type SourceKey =
  | { kind: SearchKind; ids: readonly string[] }
  | { kind: 'certification'; personIds: readonly string[] }
  | { kind: 'certification'; credentialIds: readonly string[] }
  | { kind: 'offering'; courseIds: readonly string[] }
  | { kind: 'deployment'; hostIds: readonly string[] };

const text = (expression: ReturnType<typeof sql>) => sql<string>`${expression}`;
const flag = (condition: ReturnType<typeof sql>) => sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** A search of one kind: the words as prefixes, whether the caller may find records by their private words too. */
export interface KindQuery {
  kind: SearchKind;
  prefixes: readonly string[];
  scope: Scope;
  withPrivateWords: boolean;
  limit: number;
}

/** How many matches of one kind, in each pass, are ranked at most (see `find`). */
export const CANDIDATES = 300;

type ScopedQuery = SelectQueryBuilder<DB & { e: SearchEntriesTable }, 'e', { context: string | null }>;

export interface SearchHit {
  record_id: string;
  title: string;
  detail: string | null;
  context: string | null;
  archived: number;
  score: number;
}

export function searchRepository(db: Kysely<DB>) {
  const onPostgres = isPostgres(db);

  /**
   * The sources of one kind of record, read across the owning modules' tables (read only). The
   * migration `2026-12-08-40-search` indexed the records that were there with the same text.
   */
  function sources(key: SourceKey): Promise<SearchSource[]> {
    const ids = 'ids' in key ? key.ids : 'personIds' in key ? key.personIds : 'credentialIds' in key ? key.credentialIds : 'courseIds' in key ? key.courseIds : key.hostIds;
    if (ids.length === 0) return Promise.resolve([]);
    switch (key.kind) {
      case 'organization':
        return db
          .selectFrom('organizations as o')
          .select(['o.id as record_id', 'o.name as title', 'o.acronym as detail'])
          .select([text(sql`o.name || ' ' || COALESCE(o.acronym, '') || ' ' || COALESCE(o.city, '')`).as('names'), sql<string>`''`.as('private'), flag(sql`o.archived_at IS NOT NULL`).as('archived')])
          .where('o.id', 'in', ids)
          .execute();
      case 'person':
        return db
          .selectFrom('people as p')
          .select('p.id as record_id')
          .select([
            text(sql`p.given_name || ' ' || p.family_name`).as('title'),
            sql<null>`CAST(NULL AS text)`.as('detail'),
            text(sql`p.given_name || ' ' || p.family_name`).as('names'),
            text(sql`COALESCE(p.email, '')`).as('private'),
            flag(sql`p.status <> 'active'`).as('archived'),
          ])
          .where('p.id', 'in', ids)
          .execute();
      case 'course':
        return db
          .selectFrom('courses as c')
          .innerJoin('course_versions as v', (join) => join.onRef('v.course_id', '=', 'c.id').onRef('v.number', '=', 'c.current_version'))
          .select(['c.id as record_id', 'v.title as title', 'c.code as detail'])
          .select([text(sql`c.code || ' ' || v.title`).as('names'), sql<string>`''`.as('private'), flag(sql`c.archived_at IS NOT NULL`).as('archived')])
          .where('c.id', 'in', ids)
          .execute();
      case 'offering':
        return db
          .selectFrom('offerings as o')
          .innerJoin('courses as c', 'c.id', 'o.course_id')
          .innerJoin('course_versions as v', 'v.id', 'o.course_version_id')
          .select(['o.id as record_id', 'v.title as title'])
          .select([
            text(sql`c.code || ' · ' || COALESCE(o.city || ', ', '') || o.country || ' · ' || CAST(o.start_on AS text)`).as('detail'),
            text(sql`v.title || ' ' || c.code || ' ' || COALESCE(o.city, '')`).as('names'),
            sql<string>`''`.as('private'),
            flag(sql`o.status = 'cancelled'`).as('archived'),
          ])
          .where('courseIds' in key ? 'o.course_id' : 'o.id', 'in', ids)
          .execute();
      case 'certification':
        return db
          .selectFrom('certifications as ce')
          .innerJoin('people as p', 'p.id', 'ce.person_id')
          .innerJoin('credentials as cr', 'cr.id', 'ce.credential_id')
          .select(['ce.id as record_id', 'cr.name as title'])
          .select([
            text(sql`p.given_name || ' ' || p.family_name || ' · ' || CAST(ce.issued_on AS text)`).as('detail'),
            text(sql`cr.name || ' ' || p.given_name || ' ' || p.family_name || ' ' || ce.id`).as('names'),
            sql<string>`''`.as('private'),
            flag(sql`ce.revoked_at IS NOT NULL`).as('archived'),
          ])
          .where('personIds' in key ? 'ce.person_id' : 'credentialIds' in key ? 'ce.credential_id' : 'ce.id', 'in', ids)
          .execute();
      case 'deployment':
        return db
          .selectFrom('deployments as d')
          .leftJoin('organizations as h', 'h.id', 'd.host_organization_id')
          .select(['d.id as record_id', 'd.title as title'])
          .select([
            text(sql`d.host_country || ' · ' || CAST(d.start_on AS text) || ' – ' || CAST(d.end_on AS text)`).as('detail'),
            text(sql`d.title || ' ' || COALESCE(h.name, '') || ' ' || COALESCE(h.acronym, '')`).as('names'),
            sql<string>`''`.as('private'),
            flag(sql`d.status = 'cancelled'`).as('archived'),
          ])
          .where('hostIds' in key ? 'd.host_organization_id' : 'd.id', 'in', ids)
          .execute();
    }
  }

  /** Where one kind's rows are read with the caller's scope: the owning list's own `where`. */
  function scoped(kind: SearchKind, scope: Scope, from: Kysely<DB> = db): ScopedQuery {
    // On SQLite, `+` keeps the planner off the (kind, record_id) index, so the query is driven by
    // the full-text matches (`seq IN …`, found once) rather than by a walk over every entry of the kind.
    const base = from.selectFrom('search_entries as e').where(onPostgres ? sql<boolean>`e.kind = ${kind}` : sql<boolean>`+e.kind = ${kind}`);
    // Each kind joins its own table; what follows reads only the entry and `context`.
    const as = (query: unknown) => query as ScopedQuery;
    switch (kind) {
      case 'organization':
        return as(
          base.innerJoin('organizations', 'organizations.id', 'e.record_id').where(inScope(scope, { organization: 'organizations.id' })).select(sql<null>`NULL`.as('context')),
        );
      case 'person':
        return as(
          base
            .innerJoin('people', 'people.id', 'e.record_id')
            .innerJoin('organizations', 'organizations.id', 'people.organization_id')
            .where(inScope(scope, { organization: 'people.organization_id', person: 'people.id' }))
            .select('organizations.name as context'),
        );
      case 'course':
        return as(
          base.innerJoin('courses', 'courses.id', 'e.record_id').where(inScope(scope, {})).select(sql<null>`NULL`.as('context')),
        );
      case 'offering':
        return as(
          base
            .innerJoin('offerings', 'offerings.id', 'e.record_id')
            .where((eb) => offeringsInScope(scope)(eb as unknown as ExpressionBuilder<DB, 'offerings'>))
            .select(sql<null>`NULL`.as('context')),
        );
      case 'certification':
        return as(
          base
            .innerJoin('certifications', 'certifications.id', 'e.record_id')
            .innerJoin('people', 'people.id', 'certifications.person_id')
            .where(inScope(scope, { organization: 'people.organization_id', person: 'certifications.person_id' }))
            .select(sql<null>`NULL`.as('context')),
        );
      case 'deployment':
        return as(
          base
            .innerJoin('deployments', 'deployments.id', 'e.record_id')
            .where((eb) => deploymentsInScope(scope)(eb as unknown as ExpressionBuilder<DB, 'deployments'>) as Expression<SqlBool>)
            .select(sql<null>`NULL`.as('context')),
        );
    }
  }

  return {
    sources,

    /** Writes the entries, replacing what the index held for those records. */
    async put(entries: readonly SearchEntry[]): Promise<void> {
      await insertRows(db, 'search_entries', entries, { conflict: ['kind', 'record_id'], update: ['title', 'detail', 'names', 'terms', 'archived'] });
    },

    /**
     * The best matches of one kind the caller may read: the engine's index finds the words
     * (FTS5, or a GIN index on `to_tsvector`) and the owning list's scope filters in the same
     * query. The matches are found once as a set (never a full-text lookup per row), first with
     * every word whole, then, when those are too few, as the starts of words; at most
     * `CANDIDATES` of each are ranked (`relevance`, the same on both engines), so a word common
     * to ten thousand people costs what a rare one does. Records no longer in use (archived,
     * cancelled, revoked) come after those in use.
     */
    async find(query: KindQuery): Promise<SearchHit[]> {
      const column = query.withPrivateWords ? 'terms' : 'names';
      const matches = (match: WordMatch) => {
        if (onPostgres) {
          // The matches as a set, found once through the GIN index. Left inside the query, a word
          // common in other kinds ("instructor" in offerings) had the planner walk every entry of
          // this kind in key order, recomputing each one's words, hoping for 300 matches soon.
          const withMatches = db.with(
            (cte) => cte('m').materialized(),
            (qb) =>
              qb
                .selectFrom('search_entries as me')
                .select('me.record_id')
                .where('me.kind', '=', query.kind)
                .where(sql<boolean>`to_tsvector('simple', ${sql.ref(`me.${column}`)}) @@ to_tsquery('simple', ${tsQuery(query.prefixes, match)})`),
          ) as unknown as Kysely<DB>;
          // A caller who may read every record ranks the first CANDIDATES matches, so no more are read
          // ("instructor" names most certifications): the limit is on reading the set, not inside it,
          // where it would bring that walk back. A scoped caller's matches are kept to their scope first.
          const found = query.scope.kind === 'all' ? sql`(SELECT record_id FROM m LIMIT ${CANDIDATES})` : sql`(SELECT record_id FROM m)`;
          return scoped(query.kind, query.scope, withMatches)
            .select(['e.record_id', 'e.title', 'e.detail', 'e.archived', `e.${column} as words`])
            .where(sql<boolean>`e.record_id IN ${found}`)
            .limit(CANDIDATES)
            .execute();
        }
        // The matches as a set, found once in the kind's own FTS5 table: left inside the query,
        // SQLite would ask FTS5 again for each row it joins. As on PostgreSQL, a caller who may
        // read every record reads no more than the matches it ranks.
        const fts = sql.table(`search_fts_${query.kind}`);
        const limit = query.scope.kind === 'all' ? sql` LIMIT ${CANDIDATES}` : sql``;
        const withMatches = db.with(
          (cte) => cte('m').materialized(),
          () => sql<{ seq: number }>`(SELECT rowid AS seq FROM ${fts} WHERE ${fts} MATCH ${ftsQuery(column, query.prefixes, match)}${limit})`,
        ) as unknown as Kysely<DB>;
        return scoped(query.kind, query.scope, withMatches)
          .select(['e.record_id', 'e.title', 'e.detail', 'e.archived', `e.${column} as words`])
          .where(sql<boolean>`e.seq IN (SELECT seq FROM m)`)
          .limit(CANDIDATES)
          .execute();
      };
      const found = await matches('whole');
      if (found.length <= query.limit) {
        const seen = new Set(found.map((row) => row.record_id));
        found.push(...(await matches('prefix')).filter((row) => !seen.has(row.record_id)));
      }
      return found
        .map(({ words, ...row }) => ({ ...row, archived: Number(row.archived), score: relevance(words, query.prefixes) }))
        .sort((a, b) => a.archived - b.archived || b.score - a.score || a.title.localeCompare(b.title))
        .slice(0, query.limit);
    },
  };
}
