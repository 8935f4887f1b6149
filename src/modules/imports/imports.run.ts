import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB, ImportRow } from '../../platform/db/schema.js';
import { ruleBroken } from '../../platform/errors.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { CatalogService } from '../training/catalog.service.js';
import type { CertificationsService } from '../training/certifications.service.js';
import type { EnrollmentsService } from '../training/enrollments.service.js';
import { leftOutForAudit } from './imports.columns.js';
import { dataRows, dateOrderOf } from './imports.detect.js';
import { type ColumnMapping, fieldLabel, type ImportKind, KINDS, missingRequired } from './imports.fields.js';
import { organizationsHandler } from './imports.organizations.js';
import { peopleHandler } from './imports.people.js';
import type { FileSource } from './imports.reader.js';
import { importsRepository, storedFile } from './imports.repository.js';
import { type KindHandler, MappedRow, report, type RunState } from './imports.rows.js';
import { certificationsHandler, enrollmentsHandler } from './imports.training.js';
import type { DateEvidence } from './imports.values.js';

/**
 * One run over an imported file: the rules a run needs before it starts, and the pass itself,
 * every row checked (and, in a commit, written) through the domain services in one transaction.
 */

export interface ImportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'createMany' | 'update' | 'matchForImport'>;
  organizations: Pick<OrganizationsService, 'resolve' | 'create' | 'update' | 'requireVisible'>;
  enrollments: Pick<EnrollmentsService, 'rosterForImport' | 'enroll' | 'recordResult'>;
  catalog: Pick<CatalogService, 'listCredentials'>;
  certifications: Pick<CertificationsService, 'issue' | 'ofPerson'>;
}

export type RunAction = 'validate' | 'commit';
export type CommitMode = 'all' | 'valid_only';
export type ProgressListener = (percent: number, rows: number) => void;

/** Rows checked together: one lookup of the people they name. */
const BATCH_ROWS = 500;

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export function mappingOf(row: ImportRow): ColumnMapping[] {
  return parseJson<ColumnMapping[]>(row.mapping, []);
}

export function dateOrder(row: ImportRow) {
  return dateOrderOf(row.kind, mappingOf(row), parseJson<Record<string, DateEvidence>>(row.column_dates, {}), row.date_format);
}


/** Refuses, by a named rule, a run the import is not ready for. */
export function checkReady(row: ImportRow) {
  const kind = row.kind;
  const missing = missingRequired(kind, mappingOf(row));
  if (missing.length > 0) {
    throw ruleBroken(
      'import.mapping_incomplete',
      `No column gives ${missing.map((f) => fieldLabel(kind, f)).join(', ')}: map a column to ${missing.length > 1 ? 'each' : 'it'}, or check that this file holds ${KINDS[kind].label.toLowerCase()}.`,
    );
  }
  const order = dateOrder(row);
  if (order.status === 'needed' || order.status === 'conflict') {
    throw ruleBroken(
      'import.date_format_needed',
      order.status === 'needed'
        ? 'The file’s dates read both ways (03/04/1985 is 3 April or 4 March): say whether it writes day/month/year (DMY) or month/day/year (MDY).'
        : 'Some dates of the file read only day-first and others only month-first: say which order it uses, and the others will be listed as problems.',
    );
  }
  if (kind === 'enrollments' && !row.offering_id) throw ruleBroken('import.offering_needed', 'Choose the offering this attendance sheet is for.');
  if (kind === 'people' && !row.organization_id && !mappingOf(row).some((m) => m.field === 'organization')) {
    throw ruleBroken('import.organization_needed', 'The file has no agency column: choose the agency its people belong to, or map a column to Agency.');
  }
}

/** The pass over a file, with the services that check and write its rows. */
export function createImportPass(deps: ImportsDeps) {
  const { db, clock, audit } = deps;

  function handlerFor(kind: ImportKind, state: RunState, credentials: Awaited<ReturnType<CatalogService['listCredentials']>>): KindHandler {
    switch (kind) {
      case 'people':
        return peopleHandler(deps, state);
      case 'organizations':
        return organizationsHandler(deps, state);
      case 'enrollments':
        return enrollmentsHandler(deps, state);
      case 'certifications':
        return certificationsHandler(deps, state, credentials);
    }
  }

  function counting(source: FileSource, format: string, onBytes: (percent: number) => void): FileSource {
    // A workbook is read twice over: once checked for a bomb, once read.
    const total = source.size * (format === 'xlsx' ? 2 : 1);
    let read = 0;
    return {
      ...source,
      async *stream(start) {
        for await (const piece of source.stream(start)) {
          read += piece.length;
          onBytes(Math.min(99, Math.floor((read / total) * 100)));
          yield piece;
        }
      },
    };
  }

  /**
   * One pass over the file in one transaction: every row checked and, when good, written; then
   * committed, or rolled back (a validation, or problems in an all-or-nothing commit).
   */
  async function execute(ctx: RequestContext, row: ImportRow, action: RunAction, mode: CommitMode, onProgress?: ProgressListener): Promise<void> {
    const kind = row.kind;
    const headers = parseJson<string[]>(row.headers, []);
    const columns = new Map(mappingOf(row).map((m) => [m.field, m.column]));
    const state: RunState = {
      ctx,
      kind,
      headers,
      dateFormat: dateOrder(row).format,
      organizationId: row.organization_id,
      offeringId: row.offering_id,
      problems: [],
      problemCount: 0,
      currentRow: { row: 0, count: 0, fields: new Set() },
      badRows: new Set(),
      summary: { created: 0, updated: 0, unchanged: 0, skipped: 0 },
    };
    const credentials = kind === 'certifications' ? await deps.catalog.listCredentials(ctx) : [];
    let rowCount = 0;
    let percent = 0;
    const trx = await db.startTransaction().execute();
    try {
      const handler = handlerFor(kind, state, credentials);
      const source = counting(storedFile(trx, row.id, row.byte_size), row.format, (p) => (percent = p));
      let batch: MappedRow[] = [];
      const settings = { format: row.format as 'csv' | 'xlsx', encoding: row.encoding, delimiter: row.delimiter, sheet: row.sheet };
      for await (const sheetRow of dataRows(source, settings, row.header_row)) {
        rowCount += 1;
        const mapped = new MappedRow(sheetRow, columns);
        for (const issue of sheetRow.issues ?? []) {
          const field = mappingOf(row).find((m) => m.column === issue.column)?.field;
          if (field) report(state, mapped, field, issue.reason);
        }
        batch.push(mapped);
        if (batch.length >= BATCH_ROWS) {
          await handler.batch(batch, trx);
          batch = [];
          onProgress?.(percent, rowCount);
        }
      }
      await handler.batch(batch, trx);
      await handler.finish(trx);
      state.summary.skipped = state.badRows.size;
      onProgress?.(100, rowCount);
      const hasProblems = state.problemCount > 0;
      const isWritten = action === 'commit' && (!hasProblems || mode === 'valid_only');
      const counts = { row_count: rowCount, valid_count: rowCount - state.badRows.size, problem_count: state.problemCount };
      const now = instant(clock);
      if (isWritten) {
        const txRepo = importsRepository(trx);
        await txRepo.replaceProblems(row.id, state.problems);
        await txRepo.update(row.id, {
          ...counts,
          status: 'committed',
          mode,
          summary: JSON.stringify(state.summary),
          progress: 100,
          message: hasProblems ? `${state.badRows.size} rows with problems were skipped.` : null,
          finished_at: now,
          updated_at: now,
        });
        await txRepo.deleteChunks(row.id);
        await audit(trx, ctx, {
          action: 'import.commit',
          entityType: 'import',
          entityId: row.id,
          after: { kind, filename: row.filename, sha256: row.sha256, rows: rowCount, mode, ...state.summary, problems: state.problemCount, ...leftOutForAudit(row) },
        });
        await trx.commit().execute();
        return;
      }
      await trx.rollback().execute();
      const refused = action === 'commit';
      await db.transaction().execute(async (tx) => {
        const txRepo = importsRepository(tx);
        await txRepo.replaceProblems(row.id, state.problems);
        await txRepo.update(row.id, {
          ...counts,
          status: 'validated',
          summary: null,
          progress: 100,
          message: refused
            ? `Nothing was written: ${state.badRows.size} of ${rowCount} rows have problems. Fix them and upload the file again, or import the valid rows only.`
            : hasProblems
              ? `${state.badRows.size} of ${rowCount} rows have problems.`
              : `All ${rowCount} rows are valid.`,
          finished_at: now,
          updated_at: now,
        });
        await audit(tx, ctx, { action: refused ? 'import.refuse' : 'import.validate', entityType: 'import', entityId: row.id, after: { ...counts, sha256: row.sha256 } });
      });
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      throw error;
    }
  }

  return { execute };
}
