import fs from 'node:fs/promises';
import path from 'node:path';
import { buildServices } from '../app.js';
import { systemContext } from '../platform/access.js';
import { invalid } from '../platform/errors.js';
import type { ReportDocument, ReportFormat } from '../modules/reports/reports.service.js';
import { REPORT_FORMATS, reportYearSchema } from '../modules/reports/reports.schemas.js';
import { withRuntime } from './runtime.js';

type Out = (line: string) => void;

function parseYear(text: string): number {
  const parsed = reportYearSchema.safeParse(text);
  if (!parsed.success) throw invalid(`The year "${text}" is not one Cadre reports on.`, [{ pointer: '--year', detail: parsed.error.issues[0]?.message ?? 'is not a year' }]);
  return parsed.data;
}

function parseFormat(text: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(text)) {
    throw invalid(`The format "${text}" is not one the year report comes in.`, [{ pointer: '--format', detail: `must be one of ${REPORT_FORMATS.join(', ')}` }]);
  }
  return text as ReportFormat;
}

async function write(document: ReportDocument, output: string | undefined, out: Out) {
  const file = path.resolve(output ?? document.filename);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, document.body);
  out(`Wrote ${file} (${Buffer.byteLength(document.body)} bytes).`);
}

/** `cadre report year`: the year report, written to a file, with its progress as it goes. */
export async function reportYear(env: Record<string, string | undefined>, options: { year: string; format: string; output?: string | undefined }, out: Out) {
  const year = parseYear(options.year);
  const format = parseFormat(options.format);
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    const document = await services.reports.yearReport(systemContext('cadre report'), year, format, (percent, step) => out(`  ${String(percent).padStart(3)}%  ${step}`));
    await write(document, options.output, out);
  });
}

/** `cadre export iati`: the year's activities as IATI XML, checked against the IATI rules first. */
export async function exportIati(env: Record<string, string | undefined>, options: { year: string; output?: string | undefined }, out: Out) {
  const year = parseYear(options.year);
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    await write(await services.reports.iati(systemContext('cadre export'), year), options.output, out);
  });
}
