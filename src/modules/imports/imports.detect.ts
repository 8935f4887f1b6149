import { invalid } from '../../platform/errors.js';
import { type ColumnMapping, type ImportKind, KINDS, suggestMapping } from './imports.fields.js';
import { importsText } from './imports.messages.js';
import { type FileFormat, type FileSource, isBlankRow, readRows, type SheetRow, sniff } from './imports.reader.js';
import { addEvidence, type DateEvidence, detectDateFormat, type DateFormat, noEvidence } from './imports.values.js';
import { sheetNames } from './zip-guard.js';

/**
 * What a file is and how it reads: format, encoding, delimiter, sheets, where its header is,
 * the first rows, how its columns map, and what its dates say about their order. Only the first
 * rows are read; the whole file is read when it is validated.
 */

export interface Detection {
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  sheets: string[];
  headerRow: number;
  headers: string[];
  preview: { row: number; cells: string[] }[];
  /** By column index: how its sampled cells read as dates. */
  columnDates: Record<string, DateEvidence>;
  mapping: ColumnMapping[];
}

export interface ReadChoices {
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheet?: string | undefined;
  headerRow?: number | undefined;
}

const PREVIEW_ROWS = 10;
/** Rows sampled for the order of dates. */
const SAMPLE_ROWS = 2000;
/** How far down a header may be, after blank rows and a title. */
const HEADER_SEARCH_ROWS = 50;

export async function detectFile(source: FileSource, kind: ImportKind, choices: ReadChoices, saved?: Readonly<Record<string, string>>): Promise<Detection> {
  const sniffed = await sniff(source);
  const sheets = sniffed.format === 'xlsx' ? await sheetNames(source) : [];
  if (choices.sheet !== undefined && sniffed.format === 'xlsx' && !sheets.includes(choices.sheet)) {
    throw invalid(importsText('workbook.noSheetNamed', { sheet: choices.sheet }), [{ pointer: '/body/sheet', detail: importsText('workbook.sheetNotOneOf', { sheets: sheets.join(', ') }) }]);
  }
  const settings = {
    format: sniffed.format,
    encoding: sniffed.format === 'csv' ? (choices.encoding ?? sniffed.encoding) : null,
    delimiter: sniffed.format === 'csv' ? (choices.delimiter ?? sniffed.delimiter) : null,
    sheet: sniffed.format === 'xlsx' ? (choices.sheet ?? sheets[0] ?? null) : null,
  };
  let header: SheetRow | undefined;
  const preview: { row: number; cells: string[] }[] = [];
  const columnDates: Record<string, DateEvidence> = {};
  let sampled = 0;
  for await (const row of readRows(source, settings)) {
    if (!header) {
      if (choices.headerRow !== undefined ? row.row === choices.headerRow : !isBlankRow(row.cells)) header = row;
      else if (row.row >= (choices.headerRow ?? HEADER_SEARCH_ROWS)) break;
      continue;
    }
    if (isBlankRow(row.cells)) continue;
    if (preview.length < PREVIEW_ROWS) preview.push({ row: row.row, cells: row.cells });
    row.cells.forEach((cell, column) => {
      if (cell.trim() === '' || !/\d/.test(cell)) return;
      addEvidence((columnDates[column] ??= noEvidence()), cell);
    });
    sampled += 1;
    if (sampled >= SAMPLE_ROWS) break;
  }
  if (!header) {
    throw invalid(
      choices.headerRow ? importsText('header.rowEmpty', { row: choices.headerRow }) : importsText('header.none'),
      [{ pointer: choices.headerRow ? '/body/headerRow' : '/body', detail: importsText('header.noneField') }],
    );
  }
  const headers = header.cells.map((cell) => cell.trim());
  return { ...settings, sheets, headerRow: header.row, headers, preview, columnDates, mapping: suggestMapping(kind, headers, saved) };
}

/** The order of the file's dates, from the columns mapped to date fields. */
export function dateOrderOf(kind: ImportKind, mapping: readonly ColumnMapping[], columnDates: Readonly<Record<string, DateEvidence>>, chosen: DateFormat | null) {
  const dateFields = new Set(KINDS[kind].fields.filter((f) => f.isDate).map((f) => f.key));
  const evidence = noEvidence();
  for (const { column, field } of mapping) {
    const seen = columnDates[String(column)];
    if (!dateFields.has(field) || !seen) continue;
    evidence.dmy += seen.dmy;
    evidence.mdy += seen.mdy;
    evidence.either += seen.either;
    evidence.exact += seen.exact;
  }
  const detected = detectDateFormat(evidence);
  if (chosen) return { format: chosen, status: 'chosen' as const };
  return detected;
}

/** The rows after the header, blank ones left out. */
export async function* dataRows(source: FileSource, settings: { format: FileFormat; encoding: string | null; delimiter: string | null; sheet: string | null }, headerRow: number) {
  for await (const row of readRows(source, settings)) {
    if (row.row <= headerRow || isBlankRow(row.cells)) continue;
    yield row;
  }
}
