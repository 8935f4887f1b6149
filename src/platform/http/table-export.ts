import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../access.js';
import type { Page } from '../db/keyset.js';
import { type CodeSet, codeLabel, countryName, yesNo } from '../labels.js';

export type TableFormat = 'csv' | 'xlsx';

type Plain = string | number | boolean | null | undefined;

/**
 * How a column's cells are written for people: `date` holds calendar dates (`YYYY-MM-DD`),
 * `instant` ISO timestamps in UTC; the others are written as they come.
 */
export type ColumnType = 'text' | 'number' | 'boolean' | 'date' | 'instant';

/**
 * One column of an export. People read `header` and `label`; scripts ask for `codes=true` and read
 * `key` and `code`, which stay what they have always been (snake_case headers, stored codes), so a
 * script written against an earlier export keeps working.
 */
export interface TableColumn<T> {
  key: string;
  header: string;
  type: ColumnType;
  code: (item: T) => Plain;
  label: (item: T) => Plain;
}

/** A list as a file: `name` names the download, `title` the XLSX sheet. */
export interface ExportTable<T> {
  name: string;
  title: string;
  columns: TableColumn<T>[];
}

/** A code set of labels.ts, or countries named from their ISO codes. */
export type LabelSet = CodeSet | 'country';

function labelOf(set: LabelSet, code: string): string {
  return set === 'country' ? countryName(code) : codeLabel(set, code);
}

/** The column kinds an export declares, for items of type T. */
export function columnsOf<T>() {
  /** A stored value for scripts, put in words for people; an empty value stays empty. */
  const wordedValue = <V extends string | boolean>(key: string, header: string, value: (item: T) => V | null | undefined, words: (v: V) => string): TableColumn<T> => ({
    key,
    header,
    type: 'text',
    code: value,
    label: (item) => {
      const v = value(item);
      return v === null || v === undefined ? v : words(v);
    },
  });
  const plain = (type: ColumnType) => (key: string, header: string, value: (item: T) => Plain): TableColumn<T> => ({ key, header, type, code: value, label: value });
  return {
    text: plain('text'),
    number: (key: string, header: string, value: (item: T) => number | null | undefined) => plain('number')(key, header, value),
    date: (key: string, header: string, value: (item: T) => string | null | undefined) => plain('date')(key, header, value),
    instant: (key: string, header: string, value: (item: T) => string | null | undefined) => plain('instant')(key, header, value),
    boolean: (key: string, header: string, value: (item: T) => boolean | null | undefined): TableColumn<T> => ({ ...wordedValue(key, header, value, yesNo), type: 'boolean' }),
    /** One code of a set: its label for people, the code itself for scripts. */
    code: (key: string, header: string, set: LabelSet, value: (item: T) => string | null | undefined) => wordedValue(key, header, value, (code) => labelOf(set, code)),
    /** Several codes of a set: labels joined by commas for people; codes joined by `separator` for scripts. */
    codes: (key: string, header: string, set: LabelSet, value: (item: T) => readonly string[] | null | undefined, separator = ' '): TableColumn<T> => ({
      key,
      header,
      type: 'text',
      code: (item) => value(item)?.join(separator),
      label: (item) => value(item)?.map((code) => labelOf(set, code)).join(', '),
    }),
    /** A value people read differently from how scripts read it (a language with its levels). */
    worded: (key: string, header: string, code: (item: T) => Plain, label: (item: T) => Plain): TableColumn<T> => ({ key, header, type: 'text', code, label }),
  };
}

/**
 * A text cell that a spreadsheet would run as a formula is prefixed with an apostrophe, so opening
 * an export can never execute what someone typed into a record (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | boolean | Date | null;

function plainCell(value: Plain): Exclude<Cell, Date> {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** `2010-03-04` as midnight UTC: a spreadsheet date has no zone, so none may shift the day. */
function utcDate(value: string): Date | null {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A column's cell as people read it in a CSV, or as scripts read it (codes) in either format. */
function textCell<T>(column: TableColumn<T>, item: T, codes: boolean): Exclude<Cell, Date> {
  if (codes) return plainCell(column.code(item));
  const value = column.label(item);
  // An instant reads as `2010-03-04 14:05:00` (UTC, as the header says): the form spreadsheets
  // parse as a date and time, where the ISO `T…Z` form stays text in most of them.
  if (column.type === 'instant' && typeof value === 'string') return utcDate(value)?.toISOString().slice(0, 19).replace('T', ' ') ?? plainCell(value);
  return plainCell(value);
}

/** A column's cell in an XLSX for people: dates as date cells, so they sort and filter as dates. */
function xlsxCell<T>(column: TableColumn<T>, item: T, codes: boolean): Cell {
  if (!codes && (column.type === 'date' || column.type === 'instant')) {
    const value = column.label(item);
    if (typeof value === 'string') return utcDate(value) ?? plainCell(value);
  }
  return textCell(column, item, codes);
}

const headerOf = <T>(column: TableColumn<T>, codes: boolean) => (codes ? column.key : column.header);

/**
 * CSV in UTF-8 with a BOM and CRLF line ends, so spreadsheet programs read accents right. Dates stay
 * ISO (`YYYY-MM-DD`): the one written form every spreadsheet reads as the same day whatever its
 * locale, where `03/04/2010` is March in one country and April in the next.
 */
export function csvStream<T>(columns: TableColumn<T>[], items: AsyncIterable<T>, options: { codes?: boolean } = {}): Readable {
  const codes = options.codes ?? false;
  const rows = Readable.from(
    (async function* () {
      yield columns.map((c) => headerOf(c, codes));
      for await (const item of items) {
        yield columns.map((c) => {
          const value = textCell(c, item, codes);
          return value === null ? '' : String(value);
        });
      }
    })(),
  );
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  rows.on('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}

/** How many rows are read before the columns are sized: enough to judge, few enough to hold. */
export const ROWS_SIZED = 200;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = { date: 'yyyy-mm-dd', instant: 'yyyy-mm-dd hh:mm' };

function cellWidth(value: Cell, type: ColumnType): number {
  if (value === null) return 0;
  if (value instanceof Date) return NUMBER_FORMATS[type]?.length ?? 10;
  return Math.max(...String(value).split('\n').map((line) => line.length));
}

/** Excel refuses a sheet name longer than 31 characters or with any of `[]:*?/\`. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/**
 * An XLSX workbook written row by row as the items arrive, so a large export holds at most the
 * first rows (to size the columns) in memory. The header row is bold, frozen and filterable; cells
 * keep their types: numbers stay numbers, dates are dates, text is never stored as a formula.
 */
export function xlsxStream<T>(title: string, columns: TableColumn<T>[], items: AsyncIterable<T>, options: { codes?: boolean } = {}): Readable {
  const codes = options.codes ?? false;
  const out = new PassThrough();
  void (async () => {
    // Loaded with the first workbook asked for, not with the server.
    const { stream } = (await import('exceljs')).default;
    const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const iterator = items[Symbol.asyncIterator]();
    const first: Cell[][] = [];
    let next = await iterator.next();
    for (; !next.done && first.length < ROWS_SIZED; next = await iterator.next()) first.push(columns.map((c) => xlsxCell(c, next.value as T, codes)));
    sheet.columns = columns.map((c, i) => {
      const widest = Math.max(headerOf(c, codes).length, ...first.map((row) => cellWidth(row[i] ?? null, codes ? 'text' : c.type)));
      return { key: c.key, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
    });
    const header = sheet.addRow(columns.map((c) => headerOf(c, codes)));
    header.font = { bold: true };
    header.commit();
    const write = (cells: Cell[]) => {
      const row = sheet.addRow(cells);
      cells.forEach((value, i) => {
        const format = value instanceof Date ? NUMBER_FORMATS[columns[i]?.type ?? 'text'] : undefined;
        if (format) row.getCell(i + 1).numFmt = format;
      });
      row.commit();
    };
    for (const cells of first) write(cells);
    for (; !next.done; next = await iterator.next()) write(columns.map((c) => xlsxCell(c, next.value as T, codes)));
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads the first item before anything is sent, so a refusal or a bad filter still answers as a
 * problem with its status rather than as a download cut short.
 */
async function primed<T>(items: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = items[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** Answers every item as a CSV or XLSX download named `<name>.<format>`; `codes` for scripts. */
export async function sendTable<T>(reply: FastifyReply, format: TableFormat, table: ExportTable<T>, items: AsyncIterable<T>, options: { codes?: boolean } = {}) {
  const rows = await primed(items);
  const body = format === 'xlsx' ? xlsxStream(table.title, table.columns, rows, options) : csvStream(table.columns, rows, options);
  return reply
    .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${table.name}.${format}"`)
    .send(body);
}

/** True when a list query asks for a file rather than a page of JSON. */
export function isTableFormat(format: string | undefined): format is TableFormat {
  return format === 'csv' || format === 'xlsx';
}

/** A list that can also be read whole, as every list route's service offers. */
export interface ListSource<Q, T> {
  list(ctx: RequestContext, query: Q): Promise<Page<T>>;
  listAll(ctx: RequestContext, query: Q): AsyncIterable<T>;
}

/** The query of a list that can be exported: the format, and whether scripts want codes. */
export interface ExportQuery {
  format?: string | undefined;
  codes?: boolean | undefined;
}

/** A list route's answer: a page of JSON, or with `format=csv|xlsx` every item as a download. */
export function pageOrTable<Q extends ExportQuery, T>(reply: FastifyReply, ctx: RequestContext, query: Q, table: ExportTable<T>, source: ListSource<Q, T>) {
  if (isTableFormat(query.format)) return sendTable(reply, query.format, table, source.listAll(ctx, query), { codes: query.codes });
  return source.list(ctx, query);
}
