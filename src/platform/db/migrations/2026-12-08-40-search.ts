import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * The search index: one row per searchable record (`kind`, `record_id`), its display title and
 * detail, and its words folded (no accents, lower case, split at punctuation) by the application:
 * `names` for anyone who may read the record, `terms` adding what only its detailed readers see
 * (a person's email). SQLite searches it through an FTS5 table over the rows (external content,
 * kept in step by triggers on `search_entries`, keyed by `seq`, an INTEGER PRIMARY KEY so VACUUM
 * keeps the link); PostgreSQL through GIN indexes on `to_tsvector('simple', …)`, which needs no
 * extension. The existing records are indexed here, with the text built as the application builds it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema
    .createTable('search_entries')
    // SQLite: the FTS5 rowid. PostgreSQL: numbered too, so both engines hold the same columns; unused there.
    .addColumn('seq', t.isPostgres ? sql`bigserial` : 'integer', (c) => (t.isPostgres ? c.notNull() : c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((table) => (t.isPostgres ? table.addPrimaryKeyConstraint('search_entries_pk', ['kind', 'record_id']) : table))
    .execute();
  // A record's entry from its own table's row (a coordinator's search starts from their agency's people).
  await db.schema.createIndex('search_entries_record_id').on('search_entries').column('record_id').execute();
  if (t.isPostgres) {
    await sql`CREATE INDEX search_entries_names ON search_entries USING gin (to_tsvector('simple', names))`.execute(db);
    await sql`CREATE INDEX search_entries_terms ON search_entries USING gin (to_tsvector('simple', terms))`.execute(db);
  } else {
    await sql`CREATE UNIQUE INDEX search_entries_record ON search_entries (kind, record_id)`.execute(db);
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(names, terms, content='search_entries', content_rowid='seq', tokenize='unicode61')`.execute(db);
    await sql`CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN
      INSERT INTO search_fts (rowid, names, terms) VALUES (new.seq, new.names, new.terms); END`.execute(db);
    await sql`CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN
      INSERT INTO search_fts (search_fts, rowid, names, terms) VALUES ('delete', old.seq, old.names, old.terms); END`.execute(db);
    await sql`CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN
      INSERT INTO search_fts (search_fts, rowid, names, terms) VALUES ('delete', old.seq, old.names, old.terms);
      INSERT INTO search_fts (rowid, names, terms) VALUES (new.seq, new.names, new.terms); END`.execute(db);
  }
  await backfill(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!portable(db).isPostgres) await sql`DROP TABLE search_fts`.execute(db);
  await db.schema.dropTable('search_entries').execute();
}

/** The words of a text as the index holds them; this migration's own copy, as it stood when written. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

interface SourceRow {
  record_id: string;
  title: string;
  detail: string | null;
  names: string;
  private: string;
  archived: number;
}

/** Each kind's rows as the index took them in December 2026. */
const SOURCES: Record<string, ReturnType<typeof sql<SourceRow>>> = {
  organization: sql<SourceRow>`SELECT id AS record_id, name AS title, acronym AS detail,
      name || ' ' || COALESCE(acronym, '') || ' ' || COALESCE(city, '') AS names, '' AS private,
      CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END AS archived FROM organizations`,
  person: sql<SourceRow>`SELECT id AS record_id, given_name || ' ' || family_name AS title, CAST(NULL AS text) AS detail,
      given_name || ' ' || family_name AS names, COALESCE(email, '') AS private,
      CASE WHEN status = 'active' THEN 0 ELSE 1 END AS archived FROM people`,
  course: sql<SourceRow>`SELECT c.id AS record_id, v.title AS title, c.code AS detail, c.code || ' ' || v.title AS names, '' AS private,
      CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END AS archived
      FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.number = c.current_version`,
  offering: sql<SourceRow>`SELECT o.id AS record_id, v.title AS title,
      c.code || ' · ' || COALESCE(o.city || ', ', '') || o.country || ' · ' || CAST(o.start_on AS text) AS detail,
      v.title || ' ' || c.code || ' ' || COALESCE(o.city, '') AS names, '' AS private,
      CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END AS archived
      FROM offerings o JOIN courses c ON c.id = o.course_id JOIN course_versions v ON v.id = o.course_version_id`,
  certification: sql<SourceRow>`SELECT ce.id AS record_id, cr.name AS title,
      p.given_name || ' ' || p.family_name || ' · ' || CAST(ce.issued_on AS text) AS detail,
      cr.name || ' ' || p.given_name || ' ' || p.family_name || ' ' || ce.id AS names, '' AS private,
      CASE WHEN ce.revoked_at IS NULL THEN 0 ELSE 1 END AS archived
      FROM certifications ce JOIN people p ON p.id = ce.person_id JOIN credentials cr ON cr.id = ce.credential_id`,
  deployment: sql<SourceRow>`SELECT d.id AS record_id, d.title AS title,
      d.host_country || ' · ' || CAST(d.start_on AS text) || ' – ' || CAST(d.end_on AS text) AS detail,
      d.title || ' ' || COALESCE(h.name, '') || ' ' || COALESCE(h.acronym, '') AS names, '' AS private,
      CASE WHEN d.status = 'cancelled' THEN 1 ELSE 0 END AS archived
      FROM deployments d LEFT JOIN organizations h ON h.id = d.host_organization_id`,
};

async function backfill(db: Kysely<unknown>): Promise<void> {
  for (const [kind, source] of Object.entries(SOURCES)) {
    const { rows } = await source.execute(db);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((row) => {
        const names = folded(row.names);
        return sql`(${kind}, ${row.record_id}, ${row.title}, ${row.detail}, ${names}, ${`${names} ${folded(row.private)}`.trim()}, ${Number(row.archived)})`;
      });
      await sql`INSERT INTO search_entries (kind, record_id, title, detail, names, terms, archived) VALUES ${sql.join(values)}`.execute(db);
    }
  }
}
