import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type App, contextOf } from '../../platform/http/context.js';
import { idSchema } from '../../platform/schemas.js';
import type { DashboardService } from './dashboard.service.js';
import {
  dashboardQuerySchema,
  dashboardSchema,
  iatiQuerySchema,
  reportRunSchema,
  startRunSchema,
  yearReportParamsSchema,
  yearReportQuerySchema,
  yearsSchema,
} from './reports.schemas.js';
import type { ReportDocument, ReportsService } from './reports.service.js';

const idParams = z.object({ id: idSchema });
const documentResponse = z.string().describe('The document, in the format asked for.');

/** Documents meant to be kept (PDF, Markdown, XML) download; HTML and JSON open in place. */
function sendDocument(reply: FastifyReply, document: ReportDocument) {
  const inline = document.contentType.startsWith('text/html') || document.contentType.startsWith('application/json');
  return reply
    .type(document.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${document.filename}"`)
    .send(document.body);
}

export function reportsRoutes(deps: { dashboard: DashboardService; reports: ReportsService }) {
  const { dashboard, reports } = deps;
  return (app: App) => {
    app.get(
      '/reports/dashboard',
      {
        schema: {
          tags: ['reports'],
          summary: 'The program’s figures for a year, filtered by track, country and partner, each with a link to its records',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema },
        },
      },
      async (request) => dashboard.dashboard(contextOf(request), request.query),
    );
    app.get(
      '/reports/years',
      { schema: { tags: ['reports'], summary: 'The years that have activity to report', response: { 200: yearsSchema } } },
      async (request) => ({ years: await dashboard.years(contextOf(request)) }),
    );
    app.get(
      '/reports/year/:year',
      {
        schema: {
          tags: ['reports'],
          summary: 'The year report: partners, meetings, deployments, training, the cascade, countries assisted, and plans for the next year',
          params: yearReportParamsSchema,
          querystring: yearReportQuerySchema,
          produces: ['text/html', 'application/pdf', 'text/markdown', 'application/json'],
          response: { 200: documentResponse },
        },
      },
      async (request, reply) => sendDocument(reply, await reports.yearReport(contextOf(request), request.params.year, request.query.format)),
    );
    app.get(
      '/reports/iati',
      {
        schema: {
          tags: ['reports'],
          summary: 'The year’s activities as IATI Activity Standard 2.03 XML, checked against the IATI rules before it is sent',
          querystring: iatiQuerySchema,
          produces: ['application/xml'],
          response: { 200: documentResponse },
        },
      },
      async (request, reply) => sendDocument(reply, await reports.iati(contextOf(request), request.query.year)),
    );
    app.post(
      '/reports/runs',
      {
        schema: {
          tags: ['reports'],
          summary: 'Start a report in the background; follow its progress and download it when done',
          body: startRunSchema,
          response: { 202: reportRunSchema },
        },
      },
      async (request, reply) => {
        const run = await reports.startRun(contextOf(request), request.body);
        return reply.status(202).header('location', `/api/reports/runs/${run.id}`).send(run);
      },
    );
    app.get(
      '/reports/runs',
      { schema: { tags: ['reports'], summary: 'My latest report runs, newest first', response: { 200: z.object({ items: z.array(reportRunSchema) }) } } },
      async (request) => ({ items: await reports.runs(contextOf(request)) }),
    );
    app.get(
      '/reports/runs/:id',
      { schema: { tags: ['reports'], summary: 'A report run: its status and progress', params: idParams, response: { 200: reportRunSchema } } },
      async (request) => reports.run(contextOf(request), request.params.id),
    );
    app.get(
      '/reports/runs/:id/download',
      { schema: { tags: ['reports'], summary: 'The document a finished run produced', params: idParams, response: { 200: documentResponse } } },
      async (request, reply) => sendDocument(reply, await reports.download(contextOf(request), request.params.id)),
    );
  };
}
