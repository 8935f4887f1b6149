import { Readable, type Transform } from 'node:stream';
import chardet from 'chardet';
import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError, invalid } from '../../platform/errors.js';
import type { Text } from '../../platform/i18n/messages.js';
import { importsText } from './imports.messages.js';
import { checkDeclared, checkInflated, readCentralDirectory, WORKBOOK_LIMITS, type ZipLimits } from './zip-guard.js';

/**
 * Reading an uploaded file as rows of text, whatever wrote it: CSV in any common encoding and
 * delimiter, or an XLSX workbook. Everything streams: a row at a time leaves here, so a file of
 * any length is read in the same memory. Cells are text, exactly as typed; a cell that looks like
 * a formula stays that text and nothing ever evaluates it.
 */

/** A file that can be read again from any point: the upload kept in the database. */
export interface FileSource {
  readonly size: number;
  stream(start?: number): AsyncIterable<Buffer>;
  read(start: number, length: number): Promise<Buffer>;
}

export type FileFormat = 'csv' | 'xlsx';

export interface ReadSettings {
  format: FileFormat;
  /** CSV: an encoding iconv-lite knows, such as utf-8, utf-16le, windows-1252. */
  encoding: string | null;
  /** CSV: one character. */
  delimiter: string | null;
  /** XLSX: the worksheet's name; the first one when null. */
  sheet: string | null;
}

export interface SheetRow {
  /** The row number a spreadsheet program shows: the header is row 1 in most files. */
  row: number;
  cells: string[];
  /** Cells that hold no usable text (a formula without a saved value, an error value). */
  issues?: { column: number; reason: Text }[];
}

export const MAX_COLUMNS = 16_384;
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const unreadable = (message: Text, detail: Text) => invalid(message, [{ pointer: '/body', detail }]);

async function head(source: FileSource, length: number): Promise<Buffer> {
  return source.read(0, Math.min(length, source.size));
}

function isValidUtf8(bytes: Buffer): boolean {
  // A multi-byte character may be cut at the end of the sample; only what comes before counts.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a text file: its byte-order mark, else valid UTF-8, else what chardet finds (Windows-1252 for Western European text). */
export function detectEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  // UTF-16 without a mark: ASCII text has a zero in every other byte.
  const pairs = Math.min(512, Math.floor(sample.length / 2));
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (sample[2 * i] === 0) evenZeros += 1;
    if (sample[2 * i + 1] === 0) oddZeros += 1;
  }
  if (pairs > 4 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (pairs > 4 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  if (isValidUtf8(sample)) return 'utf-8';
  const guess = (chardet.detect(sample) ?? '').toLowerCase();
  // Latin-1, Latin-9 and Turkish differ from Windows-1252 in a few letters only, and a small sample
  // cannot tell them apart: the Western European code page is by far the likelier (and can be changed).
  if (guess === '' || /^iso-8859-(1|9|15)$/.test(guess) || guess === 'windows-1252' || guess === 'ascii') return 'windows-1252';
  return iconv.encodingExists(guess) ? guess : 'windows-1252';
}

function looksBinary(sample: Buffer, encoding: string): boolean {
  if (encoding.startsWith('utf-16')) return false;
  return sample.subarray(0, 8192).includes(0);
}

/** The delimiter that splits the first lines into the same number of columns (more than one). */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).slice(0, 50);
  if (lines.length > 1) lines.pop();
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.filter((l) => l.trim() !== '').map((line) => countOutsideQuotes(line, delimiter));
    if (counts.length === 0) continue;
    const first = counts[0] as number;
    if (first === 0) continue;
    const agreeing = counts.filter((c) => c === first).length / counts.length;
    const score = agreeing * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}

export interface Sniffed {
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
}

/** Tells a workbook from text, and text's encoding and delimiter; refuses what is neither. */
export async function sniff(source: FileSource): Promise<Sniffed> {
  if (source.size === 0) throw unreadable(importsText('file.empty'), importsText('file.emptyField'));
  const sample = await head(source, SAMPLE_BYTES);
  // A file of fewer than four bytes has no signature to read, and can only be text.
  const signature = sample.length >= 4 ? sample.readUInt32BE(0) : null;
  if (signature === 0x504b0304 || signature === 0x504b0506) return { format: 'xlsx', encoding: null, delimiter: null };
  if (signature === 0xd0cf11e0) throw unreadable(importsText('file.xls'), importsText('file.xlsField'));
  const encoding = detectEncoding(sample);
  if (looksBinary(sample, encoding)) throw unreadable(importsText('file.neither'), importsText('file.neitherField'));
  const text = iconv.decode(sample, encoding);
  return { format: 'csv', encoding, delimiter: detectDelimiter(text) };
}

function describeCsvError(error: unknown): Error {
  const e = error as { code?: string; lines?: number; message?: string };
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return unreadable(importsText('csv.unclosedQuote', { line: e.lines ?? '?' }), importsText('csv.unclosedQuoteField'));
    case 'CSV_MAX_RECORD_SIZE':
      return unreadable(importsText('csv.rowTooLong', { line: e.lines ?? '?', mb: MAX_RECORD_BYTES / 1024 / 1024 }), importsText('csv.rowTooLongField'));
    case 'CSV_INVALID_CLOSING_QUOTE':
      return unreadable(importsText('csv.textAfterQuote', { line: e.lines ?? '?' }), importsText('csv.textAfterQuoteField'));
    default:
      return error instanceof Error && e.code?.startsWith('CSV_') ? unreadable(importsText('csv.invalid', { reason: e.message ?? '' }), importsText('csv.invalidField')) : (error as Error);
  }
}

async function* csvRows(source: FileSource, encoding: string, delimiter: string): AsyncGenerator<SheetRow> {
  if (!iconv.encodingExists(encoding)) throw invalid(importsText('csv.encodingUnknown', { encoding }), [{ pointer: '/body/encoding', detail: importsText('csv.encodingUnknownField') }]);
  const decoded = Readable.from(source.stream(), { highWaterMark: 1 }).pipe(iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform);
  const parser = parseCsv({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  decoded.on('error', (error) => parser.destroy(error));
  decoded.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (record.length > MAX_COLUMNS) throw unreadable(importsText('file.tooManyColumns', { row, count: record.length, max: MAX_COLUMNS }), importsText('file.tooManyColumnsField'));
      yield { row, cells: record };
    }
  } catch (error) {
    throw describeCsvError(error);
  } finally {
    decoded.destroy();
    parser.destroy();
  }
}

function isoDay(date: Date): string {
  const text = date.toISOString();
  return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : text;
}

function cellText(value: ExcelJS.CellValue): { text: string; issue?: Text } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: isoDay(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { text: '', issue: importsText('value.cellError', { error: String(value.error) }) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    // The value the spreadsheet saved is used; the formula itself is never run.
    if (result === undefined || result === null) return { text: '', issue: importsText('value.formulaWithoutValue') };
    return cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return { text: String((value as { text: unknown }).text ?? '') };
  return { text: '' };
}

async function* xlsxRows(source: FileSource, sheet: string | null, sheets: string[], limits: ZipLimits): AsyncGenerator<SheetRow> {
  const entries = await readCentralDirectory(source);
  checkDeclared(entries, limits);
  await checkInflated(source, entries, limits);
  // Loaded with the first workbook: most imports are CSV.
  const { stream } = (await import('exceljs')).default;
  const reader = new stream.xlsx.WorkbookReader(Readable.from(source.stream(), { highWaterMark: 1 }), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      sheets.push(name);
      const isChosen = !found && (sheet === null || name === sheet);
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!isChosen) continue;
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        if (values.length - 1 > MAX_COLUMNS) throw unreadable(importsText('file.tooManyColumns', { row: row.number, count: values.length - 1, max: MAX_COLUMNS }), importsText('file.tooManyColumnsField'));
        const cells: string[] = [];
        const issues: { column: number; reason: Text }[] = [];
        for (let c = 1; c < values.length; c += 1) {
          const { text, issue } = cellText(values[c]);
          cells.push(text);
          if (issue) issues.push({ column: c - 1, reason: issue });
        }
        yield issues.length ? { row: row.number, cells, issues } : { row: row.number, cells };
      }
      if (isChosen) found = true;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(importsText('workbook.unreadable', { reason: error instanceof Error ? error.message : String(error) }), importsText('workbook.unreadableField'));
  }
  if (!found) {
    throw sheet === null
      ? unreadable(importsText('workbook.noSheet'), importsText('workbook.noSheetField'))
      : invalid(importsText('workbook.noSheetNamed', { sheet }), [{ pointer: '/body/sheet', detail: importsText('workbook.sheetNotOneOf', { sheets: sheets.join(', ') }) }]);
  }
}

/** Every row of the file, in order; `sheets` collects a workbook's sheet names as they are met. */
export function readRows(source: FileSource, settings: ReadSettings, sheets: string[] = [], limits: ZipLimits = WORKBOOK_LIMITS): AsyncGenerator<SheetRow> {
  if (settings.format === 'xlsx') return xlsxRows(source, settings.sheet, sheets, limits);
  return csvRows(source, settings.encoding ?? 'utf-8', settings.delimiter ?? ',');
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
