import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../access.js';
import type { Page } from '../db/keyset.js';

export type TableFormat = 'csv' | 'xlsx';

export interface TableColumn<T> {
  header: string;
  value: (item: T) => string | number | boolean | null | undefined;
}

/**
 * A text cell that a spreadsheet would run as a formula is prefixed with an apostrophe, so opening
 * an export can never execute what someone typed into a record (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

async function* tableRows<T>(columns: TableColumn<T>[], items: AsyncIterable<T>) {
  for await (const item of items) yield columns.map((c) => cell(c.value(item)));
}

/** CSV in UTF-8 with a BOM and CRLF line ends, so spreadsheet programs read accents right. */
export function csvStream<T>(columns: TableColumn<T>[], items: AsyncIterable<T>): Readable {
  const rows = Readable.from(
    (async function* () {
      yield columns.map((c) => c.header);
      for await (const row of tableRows(columns, items)) yield row.map((v) => (v === null ? '' : String(v)));
    })(),
  );
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  rows.on('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}

/**
 * An XLSX workbook written row by row as the items arrive, so a large export holds one page in
 * memory. Cells keep their types: numbers stay numbers, text is never stored as a formula.
 */
export function xlsxStream<T>(sheetName: string, columns: TableColumn<T>[], items: AsyncIterable<T>): Readable {
  const out = new PassThrough();
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, Math.min(40, c.header.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of tableRows(columns, items)) sheet.addRow(row).commit();
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

/** Answers every item as a CSV or XLSX download named `<name>.<format>`. */
export async function sendTable<T>(reply: FastifyReply, format: TableFormat, name: string, columns: TableColumn<T>[], items: AsyncIterable<T>) {
  const rows = await primed(items);
  const body = format === 'xlsx' ? xlsxStream(name, columns, rows) : csvStream(columns, rows);
  return reply
    .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
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

/** A list route's answer: a page of JSON, or with `format=csv|xlsx` every item as a download. */
export function pageOrTable<Q extends { format?: string | undefined }, T>(
  reply: FastifyReply,
  ctx: RequestContext,
  query: Q,
  table: { name: string; columns: TableColumn<T>[] },
  source: ListSource<Q, T>,
) {
  if (isTableFormat(query.format)) return sendTable(reply, query.format, table.name, table.columns, source.listAll(ctx, query));
  return source.list(ctx, query);
}
