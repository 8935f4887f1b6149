import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export interface CsvColumn<T> {
  header: string;
  value: (item: T) => string | number | boolean | null | undefined;
}

/**
 * A cell that a spreadsheet would run as a formula is prefixed with an apostrophe, so opening
 * an export can never execute what someone typed into a record (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

/** Streams every item as CSV (UTF-8 with a BOM, so spreadsheet programs read accents right). */
export function sendCsv<T>(reply: FastifyReply, filename: string, columns: CsvColumn<T>[], items: AsyncIterable<T>) {
  const rows = Readable.from(
    (async function* () {
      yield columns.map((c) => c.header);
      for await (const item of items) yield columns.map((c) => cell(c.value(item)));
    })(),
  );
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  rows.on('error', (error) => csv.destroy(error));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(rows.pipe(csv));
}
