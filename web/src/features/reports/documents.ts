import type { TFunction } from 'i18next';
import type { ReportRun } from '../../api/schemas';

/** What a run can produce: the year report in each of its formats, and the IATI file. */
export const RUN_DOCUMENTS = ['year:pdf', 'year:md', 'year:html', 'iati:xml'] as const;
export type RunDocument = (typeof RUN_DOCUMENTS)[number];

export function runRequest(document: string, year: number) {
  const [kind, format] = document.split(':');
  return kind === 'iati' ? { kind: 'iati' as const, year } : { kind: kind as 'year', year, format: format as 'pdf' | 'md' | 'html' };
}

/** "Year report 2010 (PDF)", "IATI XML 2010": what a run made, in words. */
export function describeRun(run: Pick<ReportRun, 'kind' | 'parameters'>, t: TFunction): string {
  const year = String(run.parameters.year ?? '');
  if (run.kind === 'iati') return t('reports.documents.iatiOf', { year });
  const format = String(run.parameters.format ?? 'pdf');
  const known = (['pdf', 'md', 'html'] as const).find((candidate) => candidate === format);
  return t('reports.documents.yearReportOf', { year, format: known ? t(`reports.formats.${known}`) : format });
}
