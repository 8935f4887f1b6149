import { createHash } from 'node:crypto';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import type { DB, ImportMappingsTable, ImportProblemsTable, ImportRecordsTable, ImportsTable } from '../../platform/db/schema.js';
import type { FileSource } from './imports.reader.js';
import { insertRows } from '../../platform/db/bulk-insert.js';

/** Raw bytes per stored piece of an upload (kept as base64 text, which both engines store alike). */
export const CHUNK_BYTES = 192 * 1024;

export interface ImportFilter {
  kind?: DB['imports']['kind'] | undefined;
  /** Only imports of this agency (coordinators). */
  organizationId?: string | undefined;
  /** Only imports this user made (instructors); with `organizationId`, either (a coordinator's attendance sheets). */
  createdBy?: string | undefined;
}

export function importsRepository(db: Kysely<DB>) {
  return {
    findById(id: string) {
      return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
    },
    list(filter: ImportFilter, sort: SortRequest, page: PageRequest) {
      let query = db.selectFrom('imports').selectAll();
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      const { organizationId, createdBy } = filter;
      if (organizationId && createdBy) query = query.where((eb) => eb.or([eb('organization_id', '=', organizationId), eb('created_by', '=', createdBy)]));
      else if (organizationId) query = query.where('organization_id', '=', organizationId);
      else if (createdBy) query = query.where('created_by', '=', createdBy);
      return applyKeyset(query, 'id', sort, page).execute();
    },
    insert(row: Insertable<ImportsTable>) {
      return db.insertInto('imports').values(row).execute();
    },
    /**
     * Deletes an import with its file and its problems, when it is still at `version` (if given);
     * false otherwise. The records a commit wrote are not the import's: they stay.
     */
    async remove(id: string, guard: { version?: number } = {}): Promise<boolean> {
      await db.deleteFrom('import_problems').where('import_id', '=', id).execute();
      await db.deleteFrom('import_chunks').where('import_id', '=', id).execute();
      await db.deleteFrom('import_records').where('import_id', '=', id).execute();
      let query = db.deleteFrom('imports').where('id', '=', id);
      if (guard.version !== undefined) query = query.where('version', '=', guard.version);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    /** Updates when the import is still at `version` (and, if given, in one of `statuses`); false otherwise. */
    async update(id: string, changes: Updateable<ImportsTable>, guard: { version?: number; statuses?: readonly DB['imports']['status'][] } = {}): Promise<boolean> {
      let query = db
        .updateTable('imports')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
        .where('id', '=', id);
      if (guard.version !== undefined) query = query.where('version', '=', guard.version);
      if (guard.statuses) query = query.where('status', 'in', guard.statuses);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    lastCommittedWithHash(sha256: string, exceptId: string) {
      return db
        .selectFrom('imports')
        .select(['finished_at'])
        .where('sha256', '=', sha256)
        .where('status', '=', 'committed')
        .where('id', '!=', exceptId)
        .orderBy('finished_at', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    insertChunk(importId: string, seq: number, bytes: Buffer) {
      return db.insertInto('import_chunks').values({ import_id: importId, seq, data: bytes.toString('base64') }).execute();
    },
    deleteChunks(importId: string) {
      return db.deleteFrom('import_chunks').where('import_id', '=', importId).execute();
    },
    replaceProblems: async (importId: string, problems: readonly Omit<Insertable<ImportProblemsTable>, 'import_id' | 'seq'>[]) => {
      await db.deleteFrom('import_problems').where('import_id', '=', importId).execute();
      await insertRows(
        db,
        'import_problems',
        problems.map((p, n) => ({ ...p, import_id: importId, seq: n + 1 })),
      );
    },
    /** Links the import to the records it wrote, in bulk (a roster of 100,000 is 200 statements). */
    async insertRecords(importId: string, recordType: ImportRecordsTable['record_type'] | null, records: ReadonlyMap<string, ImportRecordsTable['change']>) {
      if (!recordType) return;
      const rows = [...records].map(([recordId, change]) => ({ import_id: importId, record_id: recordId, record_type: recordType, change }));
      await insertRows(db, 'import_records', rows);
    },
    problems(importId: string, page: PageRequest) {
      const after = page.cursor ? Number(page.cursor) : 0;
      return db
        .selectFrom('import_problems')
        .selectAll()
        .where('import_id', '=', importId)
        .where('seq', '>', Number.isFinite(after) ? after : 0)
        .orderBy('seq')
        .limit(page.limit + 1)
        .execute();
    },
    findMappingById(id: string) {
      return db.selectFrom('import_mappings').selectAll().where('id', '=', id).executeTakeFirst();
    },
    mappings(kind: DB['import_mappings']['kind'] | undefined, scopes: readonly string[] | null) {
      let query = db.selectFrom('import_mappings').selectAll().orderBy('search_name').orderBy('id');
      if (kind) query = query.where('kind', '=', kind);
      if (scopes) query = query.where('scope', 'in', scopes);
      return query.execute();
    },
    insertMapping(row: Insertable<ImportMappingsTable>) {
      return db.insertInto('import_mappings').values(row).execute();
    },
    async removeMapping(id: string): Promise<boolean> {
      const result = await db.deleteFrom('import_mappings').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

/**
 * Keeps a file as it streams in, in pieces of CHUNK_BYTES, hashed as it comes; past `maxBytes` it
 * stops with `tooLarge()`. The caller removes the import (and so its pieces) when this throws.
 */
export async function storeFile(db: Kysely<DB>, importId: string, body: AsyncIterable<Buffer>, maxBytes: number, tooLarge: () => Error): Promise<{ size: number; sha256: string }> {
  const repo = importsRepository(db);
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending = Buffer.alloc(0);
  for await (const piece of body) {
    size += piece.length;
    if (size > maxBytes) throw tooLarge();
    hash.update(piece);
    pending = Buffer.concat([pending, piece]);
    while (pending.length >= CHUNK_BYTES) {
      await repo.insertChunk(importId, seq++, pending.subarray(0, CHUNK_BYTES));
      pending = pending.subarray(CHUNK_BYTES);
    }
  }
  if (pending.length > 0) await repo.insertChunk(importId, seq, pending);
  return { size, sha256: hash.digest('hex') };
}

/**
 * The uploaded file as stored, read back piece by piece through `db` (inside a transaction, its
 * executor: on SQLite a second reader would wait for the transaction that is reading).
 */
export function storedFile(db: Kysely<DB>, importId: string, size: number): FileSource {
  const piece = (seq: number) =>
    db
      .selectFrom('import_chunks')
      .select('data')
      .where('import_id', '=', importId)
      .where('seq', '=', seq)
      .executeTakeFirst()
      .then((row) => Buffer.from(row?.data ?? '', 'base64'));
  return {
    size,
    async *stream(start = 0) {
      for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < size; seq += 1) {
        const bytes = await piece(seq);
        yield seq * CHUNK_BYTES < start ? bytes.subarray(start - seq * CHUNK_BYTES) : bytes;
      }
    },
    async read(start, length) {
      const end = Math.min(size, start + length);
      const parts: Buffer[] = [];
      for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < end; seq += 1) parts.push(await piece(seq));
      const first = Math.floor(start / CHUNK_BYTES) * CHUNK_BYTES;
      return Buffer.concat(parts).subarray(start - first, end - first);
    },
  };
}
