import type { ControlledTransaction, Kysely } from 'kysely';
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
import { type ColumnMapping, fieldLabel, type ImportKind, maskedPreview, missingRequired } from './imports.fields.js';
import { importsText, listText, storedWords } from './imports.messages.js';
import { organizationsHandler } from './imports.organizations.js';
import { peopleHandler } from './imports.people.js';
import type { FileSource } from './imports.reader.js';
import { importsRepository, storedFile } from './imports.repository.js';
import { keepStatisticsCurrent } from '../../platform/db/statistics.js';
import { freshRunState, type KindHandler, letOthersIn, MappedRow, report, type RunState } from './imports.rows.js';
import { certificationsHandler, enrollmentsHandler } from './imports.training.js';
import type { DateEvidence } from './imports.values.js';

/**
 * One run over an imported file: the rules a run needs before it starts, and the pass itself,
 * every row checked (and, in a commit, written) through the domain services in one transaction.
 */

export interface ImportsDeps {
  db: Kysely<DB>;
  /** Where the engine needs one (SQLite), a connection of its own for the writing of a long file. */
  separateConnection?: (() => { db: Kysely<DB>; close(): Promise<void> }) | undefined;
  clock: Clock;
  audit: AuditRecorder;
  people: Pick<PeopleService, 'createMany' | 'update' | 'matchForImport' | 'recordReadinessMany' | 'lockIdentities'>;
  organizations: Pick<OrganizationsService, 'resolve' | 'create' | 'update' | 'requireVisible'>;
  enrollments: Pick<EnrollmentsService, 'rosterForImport' | 'enroll' | 'recordResult'>;
  catalog: Pick<CatalogService, 'listCredentials'>;
  certifications: Pick<CertificationsService, 'issue' | 'ofPerson'>;
}

export type RunAction = 'validate' | 'commit';
export type CommitMode = 'all' | 'valid_only';
/** How far a run is: reading and checking, writing what was checked, or both at once (a kind checked by writing). */
export type RunStage = 'checking' | 'writing' | 'importing';
export type ProgressListener = (percent: number, rows: number, stage: RunStage) => void;

/** The kinds whose records an import links to (an attendance sheet opens its offering). */
const RECORD_TYPES: Record<ImportKind, 'person' | 'organization' | null> = { people: 'person', organizations: 'organization', enrollments: null, certifications: null };

/** Rows checked together: one lookup of the people they name. */
const BATCH_ROWS = 500;

/** A run stopped between two batches because its server is closing: rolled back, nothing of it written. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor() {
    super('The import was stopped: its server is closing.');
  }
}

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
      importsText('check.mappingIncomplete', { fields: listText(missing.map((f) => fieldLabel(kind, f))), holds: importsText(`kindHolds.${kind}`), count: missing.length }),
    );
  }
  const order = dateOrder(row);
  if (order.status === 'needed' || order.status === 'conflict') {
    throw ruleBroken(
      'import.date_format_needed',
      importsText(order.status === 'needed' ? 'check.dateOrderNeeded' : 'check.dateOrderConflict'),
    );
  }
  if (kind === 'enrollments' && !row.offering_id) throw ruleBroken('import.offering_needed', importsText('check.offeringNeeded'));
  if (kind === 'people' && !row.organization_id && !mappingOf(row).some((m) => m.field === 'organization')) {
    throw ruleBroken('import.organization_needed', importsText('check.organizationNeeded'));
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

  /** Reads the file's rows through the mapping, a batch at a time; the number of rows read. */
  async function eachBatch(
    executor: Kysely<DB>,
    row: ImportRow,
    state: RunState,
    onBatch: (rows: MappedRow[]) => Promise<void>,
    onRead: (percent: number, rows: number) => void,
    stopIfAsked: () => void,
  ): Promise<number> {
    const mapping = mappingOf(row);
    let rowCount = 0;
    let percent = 0;
    const source = counting(storedFile(executor, row.id, row.byte_size), row.format, (p) => (percent = p));
    const settings = { format: row.format as 'csv' | 'xlsx', encoding: row.encoding, delimiter: row.delimiter, sheet: row.sheet };
    let batch: MappedRow[] = [];
    for await (const sheetRow of dataRows(source, settings, row.header_row)) {
      rowCount += 1;
      const mapped = new MappedRow(sheetRow, state.columns);
      for (const issue of sheetRow.issues ?? []) {
        const field = mapping.find((m) => m.column === issue.column)?.field;
        if (field) report(state, mapped, field, issue.reason);
      }
      batch.push(mapped);
      if (batch.length >= BATCH_ROWS) {
        await onBatch(batch);
        batch = [];
        onRead(percent, rowCount);
        await letOthersIn();
        stopIfAsked();
      }
    }
    await onBatch(batch);
    return rowCount;
  }

  /**
   * One pass over the file. A kind checked by writing runs in one transaction from the first
   * row; a kind checked by reading is read and checked outside any transaction (on SQLite, other
   * users read and write meanwhile) and written, when it is to be, in one short transaction.
   * Either way the import is all or nothing: committed whole, or with its valid rows only when
   * so asked, or rolled back and its problems kept. Once `stop` is aborted, the run ends at its
   * next batch with `RunStopped`, rolled back.
   */
  async function execute(
    ctx: RequestContext,
    row: ImportRow,
    action: RunAction,
    request: { mode: CommitMode; leaveOutRows?: number | undefined },
    onProgress?: ProgressListener,
    stop?: AbortSignal,
  ): Promise<void> {
    const { mode, leaveOutRows: confirmedLeftOut } = request;
    const stopIfAsked = () => {
      if (stop?.aborted) throw new RunStopped();
    };
    /** Whether more rows have problems than the user confirmed leaving out. */
    const leavesOutMore = () => confirmedLeftOut !== undefined && state.badRows.size > confirmedLeftOut;
    const kind = row.kind;
    const state = freshRunState({
      ctx,
      kind,
      isWriting: action === 'commit',
      headers: parseJson<string[]>(row.headers, []),
      columns: new Map(mappingOf(row).map((m) => [m.field, m.column])),
      dateFormat: dateOrder(row).format,
      organizationId: row.organization_id,
      offeringId: row.offering_id,
    });
    const credentials = kind === 'certifications' ? await deps.catalog.listCredentials(ctx) : [];
    const handler = handlerFor(kind, state, credentials);
    // Reading is most of a planned run's work; its writing, the rest.
    const readShare = handler.checks === 'by-reading' && action === 'commit' ? 0.8 : 1;
    let rowCount = 0;
    let trx: ControlledTransaction<DB> | undefined;
    let separate: { db: Kysely<DB>; close(): Promise<void> } | undefined;
    try {
      if (handler.checks === 'by-writing') {
        const writing = await db.startTransaction().execute();
        trx = writing;
        rowCount = await eachBatch(
          writing,
          row,
          state,
          async (batch) => {
            await handler.batch(batch, writing);
            await keepStatisticsCurrent(writing);
          },
          (p, n) => onProgress?.(p, n, action === 'commit' ? 'importing' : 'checking'),
          stopIfAsked,
        );
        await handler.finish(writing);
      } else {
        rowCount = await eachBatch(db, row, state, (batch) => handler.check(batch, db), (p, n) => onProgress?.(Math.floor(p * readShare), n, 'checking'), stopIfAsked);
        if (action === 'commit' && (state.problemCount === 0 || (mode === 'valid_only' && !leavesOutMore()))) {
          onProgress?.(Math.floor(100 * readShare), rowCount - state.badRows.size, 'writing');
          // On SQLite the writing goes on a connection of its own: the main one goes on reading.
          separate = deps.separateConnection?.();
          const writing = await (separate?.db ?? db).startTransaction().execute();
          trx = writing;
          // Told after each batch written: where a closing server stops it.
          await handler.write(writing, (done, total) => {
            onProgress?.(Math.min(99, Math.floor(100 * readShare + (100 * (1 - readShare) * done) / Math.max(total, 1))), done, 'writing');
            stopIfAsked();
          });
        }
      }
      state.summary.skipped = state.badRows.size;
      // Found in the order the checks ran (a row's cells, then who it names); listed by row.
      state.problems.sort((a, b) => a.row_number - b.row_number);
      onProgress?.(100, rowCount, action === 'commit' ? 'importing' : 'checking');
      const hasProblems = state.problemCount > 0;
      const counts = { row_count: rowCount, valid_count: rowCount - state.badRows.size, problem_count: state.problemCount };
      const now = instant(clock);
      // Rows left out are only those the user confirmed: a row that went bad since (a person
      // changed meanwhile, an email taken) stops the import, to be looked at again.
      const isMoreLeftOut = mode === 'valid_only' && leavesOutMore();
      if (trx && action === 'commit' && (!hasProblems || mode === 'valid_only') && !isMoreLeftOut) {
        const txRepo = importsRepository(trx);
        await txRepo.replaceProblems(row.id, state.problems);
        await txRepo.insertRecords(row.id, RECORD_TYPES[kind], state.records);
        await txRepo.update(row.id, {
          ...counts,
          status: 'committed',
          mode,
          summary: JSON.stringify(state.summary),
          progress: 100,
          message: hasProblems ? storedWords(importsText('run.skipped', { count: state.badRows.size })) : null,
          finished_at: now,
          updated_at: now,
        });
        await txRepo.deleteChunks(row.id);
        // The file is gone once imported; what is kept of its first rows keeps no secret in clear.
        await txRepo.update(row.id, { preview: JSON.stringify(maskedPreview(kind, mappingOf(row), parseJson<{ row: number; cells: string[] }[]>(row.preview, []))) });
        await audit(trx, ctx, {
          action: 'import.commit',
          entityType: 'import',
          entityId: row.id,
          after: { kind, filename: row.filename, sha256: row.sha256, rows: rowCount, mode, ...state.summary, problems: state.problemCount, ...leftOutForAudit(row) },
        });
        await trx.commit().execute();
        return;
      }
      await trx?.rollback().execute();
      trx = undefined;
      const refused = action === 'commit';
      await db.transaction().execute(async (tx) => {
        const txRepo = importsRepository(tx);
        await txRepo.replaceProblems(row.id, state.problems);
        await txRepo.update(row.id, {
          ...counts,
          status: 'validated',
          summary: null,
          progress: 100,
          message: storedWords(
            isMoreLeftOut
              ? importsText('run.moreLeftOut', { confirmed: importsText('rows', { count: confirmedLeftOut }), found: importsText('rows', { count: state.badRows.size }) })
              : refused
                ? importsText('run.refused', { count: state.badRows.size, total: rowCount })
                : hasProblems
                  ? importsText('run.someBad', { count: state.badRows.size, total: rowCount })
                  : importsText('run.allValid', { count: rowCount }),
          ),
          finished_at: now,
          updated_at: now,
        });
        await audit(tx, ctx, { action: refused ? 'import.refuse' : 'import.validate', entityType: 'import', entityId: row.id, after: { ...counts, sha256: row.sha256 } });
      });
    } catch (error) {
      await trx?.rollback().execute().catch(() => undefined);
      throw error;
    } finally {
      await separate?.close();
    }
  }

  return { execute };
}
