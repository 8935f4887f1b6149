import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/** The kinds of record the search index holds in this version (`SearchKind`). */
const KINDS = ['organization', 'person', 'course', 'offering', 'certification', 'deployment'];

/**
 * PostgreSQL: the search's GIN indexes, one per kind of record. A search asks one kind at a time;
 * with one index over every kind, a word common in one kind ("instructor": most certifications,
 * many offerings) made every other kind's search read all its matches to find none of its own.
 * Each partial index holds only its kind's words. SQLite's FTS5 table is not changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!portable(db).isPostgres) return;
  for (const kind of KINDS) {
    for (const column of ['names', 'terms']) {
      await sql`CREATE INDEX ${sql.id(`search_entries_${column}_${kind}`)} ON search_entries USING gin (to_tsvector('simple', ${sql.ref(column)})) WHERE kind = ${sql.lit(kind)}`.execute(db);
    }
  }
  await sql`DROP INDEX search_entries_names`.execute(db);
  await sql`DROP INDEX search_entries_terms`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!portable(db).isPostgres) return;
  await sql`CREATE INDEX search_entries_names ON search_entries USING gin (to_tsvector('simple', names))`.execute(db);
  await sql`CREATE INDEX search_entries_terms ON search_entries USING gin (to_tsvector('simple', terms))`.execute(db);
  for (const kind of KINDS) {
    for (const column of ['names', 'terms']) await sql`DROP INDEX ${sql.id(`search_entries_${column}_${kind}`)}`.execute(db);
  }
}
