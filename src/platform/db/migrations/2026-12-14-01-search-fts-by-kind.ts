import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/** The kinds of record the search index holds in this version (`SearchKind`). */
const KINDS = ['organization', 'person', 'course', 'offering', 'certification', 'deployment'];

const table = (kind: string) => sql.table(`search_fts_${kind}`);
const rows = (kind: string) => sql.table(`search_fts_${kind}_rows`);

/**
 * SQLite: one FTS5 table per kind of record, as PostgreSQL has one GIN index per kind since
 * 2026-12-13-03. A search asks one kind at a time; through one table over every kind, a word
 * common in one kind ("instructor": most certifications) had each other kind read all its
 * matches, some 30,000, to keep none. Each table is external content over a view of the rows of
 * its kind (`search_fts_<kind>_rows`, by `seq`), so FTS5's own rebuild and integrity check read
 * that kind alone; three triggers on `search_entries` keep them in step, each of whose
 * statements touches only the table of the row's kind. PostgreSQL is not changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (portable(db).isPostgres) return;
  for (const trigger of ['insert', 'delete', 'update']) await sql`DROP TRIGGER ${sql.id(`search_entries_fts_${trigger}`)}`.execute(db);
  await sql`DROP TABLE search_fts`.execute(db);
  for (const kind of KINDS) {
    await sql`CREATE VIEW ${rows(kind)} AS SELECT seq, names, terms FROM search_entries WHERE kind = ${sql.lit(kind)}`.execute(db);
    await sql`CREATE VIRTUAL TABLE ${table(kind)} USING fts5(names, terms, content=${sql.lit(`search_fts_${kind}_rows`)}, content_rowid='seq', tokenize='unicode61')`.execute(db);
    await sql`INSERT INTO ${table(kind)} (${table(kind)}) VALUES ('rebuild')`.execute(db);
  }
  // The old words leave before the new come, so an update within one kind's table is in order.
  const removeOld = KINDS.map(
    (kind) => sql`INSERT INTO ${table(kind)} (${table(kind)}, rowid, names, terms) SELECT 'delete', old.seq, old.names, old.terms WHERE old.kind = ${sql.lit(kind)};`,
  );
  const addNew = KINDS.map((kind) => sql`INSERT INTO ${table(kind)} (rowid, names, terms) SELECT new.seq, new.names, new.terms WHERE new.kind = ${sql.lit(kind)};`);
  await sql`CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN ${sql.join(addNew, sql` `)} END`.execute(db);
  await sql`CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN ${sql.join(removeOld, sql` `)} END`.execute(db);
  await sql`CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN ${sql.join([...removeOld, ...addNew], sql` `)} END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (portable(db).isPostgres) return;
  for (const trigger of ['insert', 'delete', 'update']) await sql`DROP TRIGGER ${sql.id(`search_entries_fts_${trigger}`)}`.execute(db);
  for (const kind of KINDS) {
    await sql`DROP TABLE ${table(kind)}`.execute(db);
    await sql`DROP VIEW ${rows(kind)}`.execute(db);
  }
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(names, terms, content='search_entries', content_rowid='seq', tokenize='unicode61')`.execute(db);
  await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(db);
  await sql`CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts (rowid, names, terms) VALUES (new.seq, new.names, new.terms); END`.execute(db);
  await sql`CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, names, terms) VALUES ('delete', old.seq, old.names, old.terms); END`.execute(db);
  await sql`CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, names, terms) VALUES ('delete', old.seq, old.names, old.terms);
    INSERT INTO search_fts (rowid, names, terms) VALUES (new.seq, new.names, new.terms); END`.execute(db);
}
