import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CascadeService } from '../cascade/cascade.service.js';
import { iatiExport } from './iati-export.js';
import { reportRunsPolicy, reportsPolicy } from './reports.policy.js';
import { buildYearReport } from './year-report.js';
import { yearReportMarkdown } from './year-report.markdown.js';
import { yearReportHtml, yearReportPdf } from './year-report.render.js';

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';
export interface ReportDocument {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const ABANDONED_AFTER_MS = 30 * 60 * 1000;
const TYPES: Record<ReportFormat, string> = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf', json: 'application/json' };

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  cascade: Pick<CascadeService, 'program'>;
  iatiReportingRef: string;
}

/** The documents the program office answers with: the year report in each format, and IATI. */
export function createReportsService({ db, clock, audit, cascade, iatiReportingRef }: ReportsDeps) {
  async function yearReport(ctx: RequestContext, year: number, format: ReportFormat, progress?: (percent: number, step: string) => void): Promise<ReportDocument> {
    reportsPolicy.requireAllowed(ctx.actor, 'read');
    const report = await buildYearReport({ db, clock, cascade }, ctx, year, progress);
    progress?.(90, 'laying out the document');
    const body =
      format === 'md' ? yearReportMarkdown(report) : format === 'html' ? await yearReportHtml(report) : format === 'pdf' ? await yearReportPdf(report) : JSON.stringify(report, null, 2);
    return { contentType: TYPES[format], filename: `cadre-year-report-${year}.${format}`, body };
  }

  async function iati(ctx: RequestContext, year: number): Promise<ReportDocument> {
    reportsPolicy.requireAllowed(ctx.actor, 'read');
    const { xml } = await iatiExport({ db, clock, reportingRef: iatiReportingRef }, year);
    return { contentType: 'application/xml; charset=utf-8', filename: `cadre-iati-${year}.xml`, body: xml };
  }

  async function finish(id: string, changes: { status: DB['report_runs']['status']; progress?: number; message?: string | null; document?: ReportDocument }) {
    await db
      .updateTable('report_runs')
      .set({
        status: changes.status,
        ...(changes.progress !== undefined && { progress: changes.progress }),
        ...(changes.message !== undefined && { message: changes.message }),
        ...(changes.document && {
          content_type: changes.document.contentType,
          filename: changes.document.filename,
          result: Buffer.isBuffer(changes.document.body) ? changes.document.body.toString('base64') : changes.document.body,
        }),
        ...((changes.status === 'done' || changes.status === 'failed') && { finished_at: instant(clock) }),
      })
      .where('id', '=', id)
      .execute();
  }

  function viewRun(row: { id: string; kind: string; parameters: string; status: string; progress: number; message: string | null; filename: string | null; created_at: string; finished_at: string | null }) {
    // A run still "running" long after it began was cut off (the server stopped mid-way).
    const interrupted = row.status === 'running' && Date.parse(row.created_at) < clock.now().getTime() - ABANDONED_AFTER_MS;
    return {
      id: row.id,
      kind: row.kind,
      parameters: JSON.parse(row.parameters) as Record<string, unknown>,
      status: interrupted ? 'failed' : (row.status as 'running' | 'done' | 'failed'),
      progress: row.progress,
      message: interrupted ? 'interrupted: the server stopped before the report was done; start it again' : row.message,
      filename: row.filename,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      download: row.status === 'done' ? `/api/reports/runs/${row.id}/download` : null,
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
        await trx
          .insertInto('report_runs')
          .values({ id, kind: input.kind, parameters: JSON.stringify(input), status: 'running', message: 'starting', created_by: ctx.actor.id, created_at: instant(clock), finished_at: null, content_type: null, filename: null, result: null })
          .execute();
        await audit(trx, ctx, { action: 'report.run', entityType: 'report_run', entityId: id, after: input });
      });
      // Progress is written in the order it is reported, and always before the outcome.
      let written: Promise<unknown> = Promise.resolve();
      const progress = (percent: number, step: string) => {
        written = written.then(() => finish(id, { status: 'running', progress: percent, message: step })).catch(() => undefined);
      };
      const work = input.kind === 'iati' ? iati(ctx, input.year) : yearReport(ctx, input.year, input.format, progress);
      void work
        .then(
          async (document) => {
            await written;
            await finish(id, { status: 'done', progress: 100, message: 'done', document });
          },
          async (error: unknown) => {
            await written;
            await finish(id, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
          },
        )
        .catch(() => undefined);
      return viewRun((await db.selectFrom('report_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    },

    async run(ctx: RequestContext, id: string) {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const row = await db.selectFrom('report_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !reportRunsPolicy.can(ctx.actor, 'read', row)) throw notFound('The report run');
      return viewRun(row);
    },

    async runs(ctx: RequestContext) {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const rows = await db.selectFrom('report_runs').selectAll().where('created_by', '=', ctx.actor.id).orderBy('created_at', 'desc').limit(50).execute();
      return rows.map(viewRun);
    },

    async download(ctx: RequestContext, id: string): Promise<ReportDocument> {
      reportsPolicy.requireAllowed(ctx.actor, 'read');
      const row = await db.selectFrom('report_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !reportRunsPolicy.can(ctx.actor, 'read', row) || row.status !== 'done' || row.result === null) throw notFound('The report');
      const isBinary = row.content_type === 'application/pdf';
      return { contentType: row.content_type ?? 'application/octet-stream', filename: row.filename ?? 'report', body: isBinary ? Buffer.from(row.result, 'base64') : row.result };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
