import type { AfterCommit } from '../../platform/after-commit.js';
import { instant } from '../../platform/clock.js';
import { type Page, type PageRequest, toPage } from '../../platform/db/keyset.js';
import type { ImportRow } from '../../platform/db/schema.js';
import { AppError, conflict, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { ABANDONED_AFTER_MS, createWork, type Work, type WorkRunRow } from '../../platform/work/work.js';
import { localize } from '../../platform/i18n/messages.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import { type ImportsContext as RequestContext, importsText, readerLocale, storedWords, wordsIn } from './imports.messages.js';
import { checkColumnsAccounted, checkLeftOut, columnCount, withSavedLeftOut } from './imports.columns.js';
import { type Detection, detectFile, type ReadChoices } from './imports.detect.js';
import { fieldLabel, type ImportKind, KINDS, suggestMapping } from './imports.fields.js';
import { detectionColumns, toImportView, toListItem } from './imports.mapper.js';
import { importsRepository, storedFile, storeFile } from './imports.repository.js';
import { checkMapping, checkRowsLeftOut } from './imports.rules.js';
import {
  type ImportListItem,
  type ImportProblem,
  type ImportView,
  MAX_UPLOAD_BYTES,
  type UpdateImportInput,
  type UploadInput,
} from './imports.schemas.js';
import { createSavedMappings } from './imports.mappings.js';
import { checkReady, type CommitMode, createImportPass, type ImportsDeps, mappingOf, parseJson, type ProgressListener, type RunAction, RunStopped } from './imports.run.js';
import {
  attendanceImportsPolicy,
  boundAgencyOf,
  canImport,
  canSeeImport,
  importFilterFor,
  requireAnyImporter,
  requireImporter,
} from './imports.policy.js';

const RUNNING: readonly ImportRow['status'][] = ['validating', 'committing'];

export const tooLarge = () => new AppError('payload_too_large', importsText('file.tooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }));

/**
 * Bulk imports: a file is uploaded and kept, detected, mapped and validated (every row checked
 * by the same services that write one record at a time, in a transaction that is then rolled
 * back), and committed all or nothing (or its valid rows only) in one transaction, audited as
 * one import with its row count and the file's SHA-256. Runs go on in the background with their
 * progress readable; the CLI awaits the same runs.
 */
export type { CommitMode, ImportsDeps, RunAction } from './imports.run.js';

/** What a commit of the valid rows only states: how many rows it leaves out. */
export interface CommitRequest {
  mode: CommitMode;
  leaveOutRows?: number | undefined;
}

export function createImportsService(deps: ImportsDeps & { afterCommit: AfterCommit; work?: Work; onRunFinished?: (importId: string) => Promise<void> }) {
  const { db, clock, audit } = deps;
  const work = deps.work ?? createWork({ db, clock });
  const repo = importsRepository(db);
  const pass = createImportPass(deps);
  const savedMappings = createSavedMappings(deps);

  async function visibleRow(ctx: RequestContext, id: string): Promise<ImportRow> {
    requireAnyImporter(ctx.actor);
    const row = await repo.findById(id);
    if (!row || !canSeeImport(ctx.actor, row)) throw notFound('import');
    return row;
  }

  /** The work run of an import that is running: its progress, read by whichever process shows it. */
  async function runOf(row: ImportRow): Promise<WorkRunRow | undefined> {
    return RUNNING.includes(row.status) ? (await work.latestOf([row.id])).get(row.id) : undefined;
  }

  /** A running import whose run stopped saying it is alive (its server stopped). */
  function isAbandoned(row: ImportRow, run: WorkRunRow | undefined): boolean {
    if (!RUNNING.includes(row.status)) return false;
    if (run && (run.status === 'queued' || run.status === 'running')) return work.isAbandoned(run);
    // A run that succeeded wrote the import before it ended, so the row read a moment earlier is
    // merely stale; one that failed and left the import running was cut off before saying so.
    if (run) return run.status === 'failed';
    // With no run (one begun before runs were kept) the import's own last change is all there is.
    return Date.parse(row.updated_at) < clock.now().getTime() - ABANDONED_AFTER_MS;
  }

  async function toView(ctx: RequestContext, row: ImportRow, known?: WorkRunRow): Promise<ImportView> {
    const run = known ?? (await runOf(row));
    const abandoned = isAbandoned(row, run);
    const same = RUNNING.includes(row.status) ? undefined : await repo.lastCommittedWithHash(row.sha256, row.id);
    const allowedActions: ImportView['allowedActions'] = canImport(ctx.actor, row.kind) ? ['delete'] : [];
    return toImportView(row, { running: abandoned ? undefined : run, abandoned, sameFileImportedAt: same?.finished_at ?? null, allowedActions, locale: readerLocale(ctx) });
  }

  /** The agency of the import: a coordinator's own; staff's as given. */
  async function organizationFor(ctx: RequestContext, kind: ImportKind, given: string | null | undefined): Promise<string | null> {
    const ownAgency = boundAgencyOf(ctx.actor);
    if (ownAgency !== null) {
      if (given && given !== ownAgency) throw notFound('organization');
      return kind === 'people' ? ownAgency : null;
    }
    if (!given) return null;
    await deps.organizations.requireVisible(ctx, given);
    return given;
  }

  /** The offering of an attendance sheet: one the actor sees, and, for an instructor, one they teach. */
  async function offeringFor(ctx: RequestContext, kind: ImportKind, given: string | null | undefined): Promise<string | null> {
    if (kind !== 'enrollments') {
      if (given) throw invalid(importsText('offering.onlyAttendance'), [{ pointer: '/query/offeringId', detail: importsText('offering.notForKind', { kind: importsText(`kind.${kind}`) }) }]);
      return null;
    }
    if (!given) return null;
    const { isRecorder } = await db.transaction().execute((trx) => deps.enrollments.rosterForImport(ctx, given, trx));
    if (!attendanceImportsPolicy.can(ctx.actor, 'create', { isRecorder })) throw forbidden(importsText('offering.ownOnly'));
    return given;
  }

  /** What stops the runs started in the background when the server closes. */
  const stopping = new AbortController();

  /** Results of an earlier run no longer hold once the settings change. */
  const freshResults = { status: 'uploaded', valid_count: null, problem_count: null, summary: null, mode: null, progress: 0, message: null, finished_at: null } as const;

  /** Claims the import for a run (only one at a time), runs it, and records how it ended. */
  async function run(ctx: RequestContext, id: string, action: RunAction, request: CommitRequest, onProgress?: ProgressListener): Promise<ImportView> {
    const { row, run: started } = await claim(ctx, id, action, request);
    return finishRun(ctx, row, started, action, request, onProgress);
  }

  /**
   * Claims the import (only one run at a time, across processes) and a work run for it that
   * this process then owns.
   */
  async function claim(ctx: RequestContext, id: string, action: RunAction, request: CommitRequest): Promise<{ row: ImportRow; run: WorkRunRow }> {
    const { mode } = request;
    const row = await visibleRow(ctx, id);
    requireImporter(ctx.actor, row.kind);
    if (row.status === 'committed') throw conflict(importsText('import.committed'));
    checkReady(row);
    checkColumnsAccounted(row);
    if (action === 'commit') checkRowsLeftOut(row, request);
    const status: ImportRow['status'] = action === 'commit' ? 'committing' : 'validating';
    const now = instant(clock);
    const changes = { status, mode: action === 'commit' ? mode : null, progress: 0, message: 'starting', started_at: now, updated_at: now };
    const previous = await runOf(row);
    const abandoned = isAbandoned(row, previous);
    const statuses = abandoned ? RUNNING : (['uploaded', 'validated', 'failed'] as const);
    if (!(await repo.update(id, changes, { statuses, version: row.version }))) throw conflict(importsText(row.status === 'committing' ? 'import.beingCommitted' : 'import.beingValidated'));
    if (abandoned && previous && (previous.status === 'queued' || previous.status === 'running')) await work.fail(previous.id, 'cut off: its server stopped', { anyOwner: true });
    const runId = await work.enqueue({ kind: `import.${action}`, subjectId: id, message: 'starting' });
    await work.claim(runId);
    const claimed = { ...row, ...changes, version: row.version + 1 };
    return { row: claimed, run: (await work.find(runId)) as WorkRunRow };
  }

  /** Its runner hears the run finished; a notice that cannot be kept never fails the import. */
  async function tellFinished(id: string): Promise<void> {
    await deps.onRunFinished?.(id).catch(() => undefined);
  }

  async function finishRun(ctx: RequestContext, row: ImportRow, started: WorkRunRow, action: RunAction, request: CommitRequest, onProgress?: ProgressListener, stop?: AbortSignal): Promise<ImportView> {
    try {
      await work.perform(
        started.id,
        (progress) => {
          let said = { percent: -1, stage: '' };
          return pass.execute(ctx, row, action, request, (percent, rows, stage) => {
            // Any process sees it at once, but while the rows are written in one transaction: on
            // SQLite, what is said as the writing begins stands until it ends. Said once a percent,
            // not once a batch: each is a write of its own, and a roster is hundreds of batches.
            if (percent < 100 && (percent !== said.percent || stage !== said.stage)) {
              said = { percent, stage };
              void progress(percent, stage === 'writing' ? `writing ${rows} checked rows` : `${rows} rows ${stage === 'checking' ? 'checked' : 'imported'}`);
            }
            onProgress?.(percent, rows, stage);
          }, stop);
        },
        () => ({ message: 'done' }),
      );
    } catch (error) {
      const isStopped = error instanceof RunStopped;
      const words = isStopped
        ? importsText('run.cutOff')
        : !(error instanceof AppError)
          ? importsText('run.unexpected')
          : action === 'commit'
            ? importsText('run.nothingWritten', { reason: error.text })
            : error.text;
      const now = instant(clock);
      await db.transaction().execute(async (trx) => {
        await importsRepository(trx).update(row.id, { status: 'failed', message: storedWords(words), progress: 0, finished_at: now, updated_at: now });
        await audit(trx, ctx, { action: 'import.fail', entityType: 'import', entityId: row.id, after: { message: localize(words, 'en') } });
      });
      await tellFinished(row.id);
      if (!(error instanceof AppError) && !isStopped) throw error;
      return toView(ctx, (await repo.findById(row.id)) as ImportRow);
    }
    await tellFinished(row.id);
    return toView(ctx, (await repo.findById(row.id)) as ImportRow);
  }

  return {
    kinds(locale: Locale = DEFAULT_LOCALE) {
      return Object.values(KINDS).map((k) => ({
        kind: k.kind,
        label: importsText('kindLabel', { what: importsText(`kindHolds.${k.kind}`) }).in(locale),
        fields: k.fields.map((f) => ({ key: f.key, label: localize(fieldLabel(k.kind, f.key), locale), description: f.description, isDate: f.isDate === true })),
        requires: k.requires.map((r) => [...r]),
      }));
    },

    /**
     * Keeps an uploaded file (streamed into the database in pieces, hashed as it comes) and
     * detects how it reads. A file that cannot be read is refused and nothing of it kept.
     */
    async upload(ctx: RequestContext, input: UploadInput, body: AsyncIterable<Buffer>, declaredBytes?: number): Promise<ImportView> {
      requireImporter(ctx.actor, input.kind);
      if (declaredBytes !== undefined && declaredBytes > MAX_UPLOAD_BYTES) throw tooLarge();
      const organizationId = await organizationFor(ctx, input.kind, input.organizationId);
      const offeringId = await offeringFor(ctx, input.kind, input.offeringId);
      const saved = await savedMappings.usable(ctx, input.mappingId, input.kind, '/query/mappingId');
      const id = newId();
      const now = instant(clock);
      await repo.insert({
        id,
        kind: input.kind,
        status: 'uploaded',
        filename: input.filename,
        format: 'csv',
        byte_size: 0,
        sha256: '',
        date_format: saved?.dateFormat ?? null,
        organization_id: organizationId,
        offering_id: offeringId,
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      });
      try {
        const { size, sha256 } = await storeFile(db, id, body, MAX_UPLOAD_BYTES, tooLarge);
        if (size === 0) throw invalid(importsText('file.empty'), [{ pointer: '/body', detail: importsText('file.emptyField') }]);
        const detection = await detectFile(storedFile(db, id, size), input.kind, {}, saved?.columns);
        const columns = withSavedLeftOut(detection.headers, detection.mapping, saved?.leftOut ?? []);
        await db.transaction().execute(async (trx) => {
          await importsRepository(trx).update(id, {
            ...detectionColumns(detection),
            mapping: JSON.stringify(columns.mapping),
            left_out: JSON.stringify(columns.leftOut),
            byte_size: size,
            sha256,
          });
          await audit(trx, ctx, { action: 'import.upload', entityType: 'import', entityId: id, after: { kind: input.kind, filename: input.filename, bytes: size, format: detection.format } });
        });
      } catch (error) {
        await repo.remove(id);
        throw error;
      }
      return toView(ctx, (await repo.findById(id)) as ImportRow);
    },

    async list(ctx: RequestContext, query: PageRequest & { kind?: ImportKind | undefined }): Promise<Page<ImportListItem>> {
      requireAnyImporter(ctx.actor);
      const sort = { column: 'id', order: 'desc' as const };
      const rows = await repo.list({ kind: query.kind, ...importFilterFor(ctx.actor) }, sort, query);
      const page = toPage(rows, query, sort, (row) => ({ value: row.id, id: row.id }), (row) => row);
      return { items: await Promise.all(page.items.map(async (row) => toListItem(await toView(ctx, row)))), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string): Promise<ImportView> {
      return toView(ctx, await visibleRow(ctx, id));
    },

    /** Changes how the file is read or mapped; earlier results are dropped. */
    async update(ctx: RequestContext, id: string, version: number, input: UpdateImportInput): Promise<ImportView> {
      const row = await visibleRow(ctx, id);
      const kind = row.kind;
      requireImporter(ctx.actor, kind);
      if (row.status === 'committed') throw conflict(importsText('import.committed'));
      if (RUNNING.includes(row.status) && !isAbandoned(row, await runOf(row))) throw conflict(importsText('import.running'));
      if (row.version !== version) throw staleVersion('import', row.version);
      const changes: Record<string, unknown> = { ...freshResults, updated_at: instant(clock) };
      const saved = await savedMappings.usable(ctx, input.mappingId, kind, '/body/mappingId');
      const choices: ReadChoices = { encoding: input.encoding, delimiter: input.delimiter, sheet: input.sheet, headerRow: input.headerRow };
      let file = { headers: parseJson<string[]>(row.headers, []), preview: parseJson<Detection['preview']>(row.preview, []) };
      let mapping = mappingOf(row);
      let leftOut = parseJson<number[]>(row.left_out, []);
      if (Object.values(choices).some((v) => v !== undefined)) {
        // Read again, the file's columns may be others: what was confirmed of the old ones does not carry over.
        const previous: ReadChoices = { encoding: row.encoding ?? undefined, delimiter: row.delimiter ?? undefined, sheet: row.sheet ?? undefined };
        const detection = await detectFile(storedFile(db, id, row.byte_size), kind, { ...previous, ...Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== undefined)) }, saved?.columns);
        Object.assign(changes, detectionColumns(detection));
        file = detection;
        mapping = detection.mapping;
        leftOut = [];
      } else if (saved) {
        mapping = suggestMapping(kind, file.headers, saved.columns);
      }
      if (saved) ({ mapping, leftOut } = withSavedLeftOut(file.headers, mapping, saved.leftOut));
      if (saved?.dateFormat) changes.date_format = saved.dateFormat;
      const count = columnCount(file);
      if (input.mapping) {
        mapping = checkMapping(kind, count, input.mapping);
        const mapped = new Set(mapping.map((m) => m.column));
        leftOut = leftOut.filter((column) => !mapped.has(column));
      }
      if (input.leftOut) leftOut = checkLeftOut(count, mapping, input.leftOut, '/body/leftOut');
      changes.mapping = JSON.stringify(mapping);
      changes.left_out = JSON.stringify(leftOut);
      if (input.dateFormat !== undefined) changes.date_format = input.dateFormat;
      if (input.organizationId !== undefined) changes.organization_id = await organizationFor(ctx, kind, input.organizationId);
      if (input.offeringId !== undefined) changes.offering_id = await offeringFor(ctx, kind, input.offeringId);
      await db.transaction().execute(async (trx) => {
        const txRepo = importsRepository(trx);
        if (!(await txRepo.update(id, changes, { version }))) throw staleVersion('import', row.version);
        await txRepo.replaceProblems(id, []);
        await audit(trx, ctx, { action: 'import.update', entityType: 'import', entityId: id, after: { ...input } });
      });
      return toView(ctx, (await repo.findById(id)) as ImportRow);
    },

    /** Starts a run in the background; its progress is read with `get`. */
    async start(ctx: RequestContext, id: string, action: RunAction, request: CommitRequest = { mode: 'all' }): Promise<ImportView> {
      const { row, run: started } = await claim(ctx, id, action, request);
      // Work after the claim's commit that the request does not wait for: the server's close waits for it.
      deps.afterCommit.run(() => finishRun(ctx, row, started, action, request, undefined, stopping.signal));
      return toView(ctx, row, started);
    },

    /**
     * Stops the runs started in the background, each at its next batch (rolled back, its import
     * marked cut off, to be run again): a closing server does, then waits for them with the rest
     * of its work after commits, before its database closes under them.
     */
    stop(): void {
      stopping.abort();
    },

    /** A run, awaited (the CLI), with its progress as it goes. */
    run,

    /**
     * Deletes an import that is not running, with its file and its problems. What a commit wrote
     * is not the import's: the people, organizations and results it created stay. The audit
     * keeps that the import existed: its file's name, kind, SHA-256, status and counts.
     */
    async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
      const row = await visibleRow(ctx, id);
      requireImporter(ctx.actor, row.kind);
      if (RUNNING.includes(row.status) && !isAbandoned(row, await runOf(row))) throw conflict(importsText('import.runningDelete'));
      if (row.version !== version) throw staleVersion('import', row.version);
      await db.transaction().execute(async (trx) => {
        if (!(await importsRepository(trx).remove(id, { version }))) throw staleVersion('import', row.version);
        await audit(trx, ctx, {
          action: 'import.delete',
          entityType: 'import',
          entityId: id,
          before: {
            filename: row.filename,
            kind: row.kind,
            sha256: row.sha256,
            status: row.status,
            rows: row.row_count,
            valid: row.valid_count,
            problems: row.problem_count,
            summary: parseJson(row.summary, null),
          },
        });
      });
    },

    async problems(ctx: RequestContext, id: string, page: PageRequest): Promise<Page<ImportProblem>> {
      await visibleRow(ctx, id);
      const rows = await repo.problems(id, page);
      const items = rows.slice(0, page.limit);
      const locale = readerLocale(ctx);
      return {
        items: items.map((p) => ({
          row: p.row_number,
          column: p.column_index,
          columnName: wordsIn(p.column_name, locale),
          field: wordsIn(p.field, locale),
          value: p.value,
          reason: wordsIn(p.reason, locale),
        })),
        nextCursor: rows.length > page.limit ? String(items.at(-1)?.seq) : null,
      };
    },

    async *allProblems(ctx: RequestContext, id: string): AsyncGenerator<ImportProblem> {
      let cursor: string | undefined;
      do {
        const page = await this.problems(ctx, id, { limit: 1000, cursor });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    mappings: savedMappings.list,
    createMapping: savedMappings.create,
    deleteMapping: savedMappings.remove,
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
