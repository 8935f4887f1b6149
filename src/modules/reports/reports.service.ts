import type { Kysely, Selectable } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB, ReportRunsTable } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { createWork, type Work, type WorkRunRow } from '../../platform/work/work.js';
import type { CascadeService } from '../cascade/cascade.service.js';
import { reportRunsRepository } from './report-runs.repository.js';
import { iatiExport } from './iati-export.js';
import { reportRunsPolicy, reportsPolicy } from './reports.policy.js';
import { buildYearReport, type YearReport } from './year-report.js';
import { yearReportMarkdown } from './year-report.markdown.js';
import { yearReportHtml } from './year-report.html.js';

type ReportRunsRow = Selectable<ReportRunsTable>;

/** The PDF writer and its libraries are loaded for the first PDF a server makes, not with the server. */
async function pdfOf(report: YearReport): Promise<Buffer> {
  return (await import('./year-report.pdf.js')).yearReportPdf(report);
}

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';
export interface ReportDocument {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const TYPES: Record<ReportFormat, string> = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf', json: 'application/json' };

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  cascade: Pick<CascadeService, 'program'>;
  iatiReportingRef: string;
  /** Where runs keep their state; one of its own over `db` when not given. */
  work?: Work;
  /** Told when a run has finished, done or failed (its asker's notice). */
  onRunFinished?: (runId: string) => Promise<void>;
}

/** The documents the program office answers with: the year report in each format, and IATI. */
export function createReportsService({ db, clock, audit, cascade, iatiReportingRef, work = createWork({ db, clock }), onRunFinished }: ReportsDeps) {
  async function yearReport(ctx: RequestContext, year: number, format: ReportFormat, progress?: (percent: number, step: string) => void): Promise<ReportDocument> {
    reportsPolicy.requireAllowed(ctx.actor, 'read');
    const report = await buildYearReport({ db, clock, cascade }, ctx, year, progress);
    progress?.(90, 'laying out the document');
    const body =
      format === 'md' ? yearReportMarkdown(report) : format === 'html' ? yearReportHtml(report) : format === 'pdf' ? await pdfOf(report) : JSON.stringify(report, null, 2);
    return { contentType: TYPES[format], filename: `cadre-year-report-${year}.${format}`, body };
  }

  async function iati(ctx: RequestContext, year: number): Promise<ReportDocument> {
    reportsPolicy.requireAllowed(ctx.actor, 'read');
    const { xml } = await iatiExport({ db, clock, reportingRef: iatiReportingRef }, year);
    return { contentType: 'application/xml; charset=utf-8', filename: `cadre-iati-${year}.xml`, body: xml };
  }

  const runsRepo = reportRunsRepository(db);

  function viewRun(row: ReportRunsRow, run: WorkRunRow | undefined) {
    // A run that stopped saying it is alive was cut off (its server stopped mid-way).
    const interrupted = run !== undefined && work.isAbandoned(run);
    const status = interrupted || run?.status === 'failed' ? 'failed' : run?.status === 'succeeded' ? 'done' : run ? 'running' : (row.status as 'running' | 'done' | 'failed');
    return {
      id: row.id,
      kind: row.kind,
      parameters: JSON.parse(row.parameters) as Record<string, unknown>,
      status,
      progress: run?.progress ?? row.progress,
      message: interrupted ? 'interrupted: the server stopped before the report was done; start it again' : run ? run.message : row.message,
      filename: row.filename,
      createdAt: row.created_at,
      finishedAt: run ? run.finished_at : row.finished_at,
      download: status === 'done' ? `/api/reports/runs/${row.id}/download` : null,
    };
  }

  return {
    yearReport,
    iati,

    /**
     * Starts a long report in the background and answers at once; its progress and, when done,
     * its document are kept with the run.
     */
    async startRun(ctx: RequestContext, input: { kind: 'year' | 'iati'; year: number; format: ReportFormat }) {
      reportRunsPolicy.requireAllowed(ctx.actor, 'create');
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await reportRunsRepository(trx).insert({ id, kind: input.kind, parameters: JSON.stringify(input), created_by: ctx.actor.id, created_at: instant(clock) });
        await work.enqueue({ id, kind: 'report', subjectId: id, message: 'starting' }, trx);
        await audit(trx, ctx, { action: 'report.run', entityType: 'report_run', entityId: id, after: input });
      });
      if (await work.claim(id)) {
        void work
          .perform(
            id,
            async (progress) => {
              const document = input.kind === 'iati' ? await iati(ctx, input.year) : await yearReport(ctx, input.year, input.format, (percent, step) => void progress(percent, step));
              // The document is kept before the run says it is done, so a done run always has one.
              await runsRepo.finish(id, {
                status: 'done',
                progress: 100,
                message: 'done',
                finished_at: instant(clock),
                content_type: document.contentType,
                filename: document.filename,
                result: Buffer.isBuffer(document.body) ? document.body.toString('base64') : document.body,
              });
            },
            () => ({ message: 'done' }),
          )
          .catch((error: unknown) => runsRepo.finish(id, { status: 'failed', message: error instanceof Error ? error.message : String(error), finished_at: instant(clock) }))
          // A notice that cannot be kept never fails the run.
          .then(() => onRunFinished?.(id))
          .catch(() => undefined);
      }
      const row = await runsRepo.find(id);
      return viewRun(row as ReportRunsRow, await work.find(id));
    },

    async run(ctx: RequestContext, id: string) {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const row = await runsRepo.find(id);
      if (!row || !reportRunsPolicy.can(ctx.actor, 'read', row)) throw notFound('reportRun');
      return viewRun(row, await work.find(id));
    },

    async runs(ctx: RequestContext) {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const rows = await runsRepo.ofUser(ctx.actor.id, 50);
      const runs = await work.latestOf(rows.map((r) => r.id));
      return rows.map((row) => viewRun(row, runs.get(row.id)));
    },

    async download(ctx: RequestContext, id: string): Promise<ReportDocument> {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const row = await runsRepo.find(id);
      if (!row || !reportRunsPolicy.can(ctx.actor, 'read', row) || row.status !== 'done' || row.result === null) throw notFound('report');
      const isBinary = row.content_type === 'application/pdf';
      return { contentType: row.content_type ?? 'application/octet-stream', filename: row.filename ?? 'report', body: isBinary ? Buffer.from(row.result, 'base64') : row.result };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
