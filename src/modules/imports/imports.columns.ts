import type { ImportRow } from '../../platform/db/schema.js';
import { invalid, ruleBroken } from '../../platform/errors.js';
import type { Localizable } from '../../platform/i18n/messages.js';
import { type ColumnMapping, headerKey } from './imports.fields.js';
import { importsText } from './imports.messages.js';

/**
 * Every column of an imported file is accounted for: it goes to a field, or someone confirmed it
 * is left out. Suggestions from headers never confirm a column on their own; a column with no
 * header and nothing in the first rows needs no word. A run is refused while any other column is
 * undecided, so nothing a partner sent is dropped without someone choosing to drop it.
 */

/** Where a column goes: to a field, left out (confirmed), nowhere because it is empty, or not yet decided. */
export type ColumnState = 'mapped' | 'left_out' | 'empty' | 'unconfirmed';

export interface ColumnAccount {
  column: number;
  header: string;
  field: string | null;
  state: ColumnState;
}

export interface ColumnSource {
  headers: readonly string[];
  preview: readonly { cells: readonly string[] }[];
  mapping: readonly ColumnMapping[];
  leftOut: readonly number[];
}

/** Unconfirmed columns named in one refusal; the rest are counted. */
const NAMED_COLUMNS = 20;

/** The file's columns: as many as its header row or its widest first row, whichever is wider. */
export function columnCount(source: Pick<ColumnSource, 'headers' | 'preview'>): number {
  return Math.max(source.headers.length, ...source.preview.map((line) => line.cells.length));
}

/** A column as a person reads it: its header, or its place when it has none. */
export function columnName(header: string, column: number): string {
  return header.trim() === '' ? `column ${column + 1}` : header;
}

/** Every column of the file, with where it goes. */
export function accountColumns(source: ColumnSource): ColumnAccount[] {
  const fields = new Map(source.mapping.map((m) => [m.column, m.field]));
  const leftOut = new Set(source.leftOut);
  return Array.from({ length: columnCount(source) }, (_, column) => {
    const header = source.headers[column] ?? '';
    const field = fields.get(column) ?? null;
    const isEmpty = header.trim() === '' && source.preview.every((line) => (line.cells[column] ?? '').trim() === '');
    const state: ColumnState = field !== null ? 'mapped' : isEmpty ? 'empty' : leftOut.has(column) ? 'left_out' : 'unconfirmed';
    return { column, header, field, state };
  });
}

const json = <T>(text: string): T => JSON.parse(text) as T;

/** The columns of a stored import. */
export function columnsOfImport(row: Pick<ImportRow, 'headers' | 'preview' | 'mapping' | 'left_out'>): ColumnAccount[] {
  return accountColumns({ headers: json(row.headers), preview: json(row.preview), mapping: json(row.mapping), leftOut: json(row.left_out) });
}

/** “Talla de uniforme”, “Grupo sanguíneo” and 3 more. */
function quoted(columns: readonly ColumnAccount[]): Localizable {
  const named = columns.slice(0, NAMED_COLUMNS).map((c) => `“${columnName(c.header, c.column)}”`);
  const more = columns.length - named.length;
  return more > 0 ? importsText('check.columnsMore', { columns: named.join(', '), count: more }) : named.join(', ');
}

/** Refuses a run while a column with a header or data is neither mapped nor confirmed as left out. */
export function checkColumnsAccounted(row: Pick<ImportRow, 'headers' | 'preview' | 'mapping' | 'left_out'>): void {
  const undecided = columnsOfImport(row).filter((c) => c.state === 'unconfirmed');
  if (undecided.length === 0) return;
  throw ruleBroken('import.columns_unconfirmed', importsText('check.columnsUnconfirmed', { columns: quoted(undecided), count: undecided.length }));
}

/** The columns a commit leaves out, by header, for its audit event. */
export function leftOutForAudit(row: Pick<ImportRow, 'headers' | 'preview' | 'mapping' | 'left_out'>): { leftOut: string[] } {
  return { leftOut: columnsOfImport(row).filter((c) => c.state === 'left_out').map((c) => columnName(c.header, c.column)) };
}

/**
 * A saved mapping's word on the columns it leaves out (by header): they are left out, even where
 * a header would have suggested a field.
 */
export function withSavedLeftOut(headers: readonly string[], mapping: readonly ColumnMapping[], savedLeftOut: readonly string[]): { mapping: ColumnMapping[]; leftOut: number[] } {
  const keys = new Set(savedLeftOut.map(headerKey));
  const isLeftOut = (column: number) => (headers[column] ?? '').trim() !== '' && keys.has(headerKey(headers[column] ?? ''));
  return { mapping: mapping.filter((m) => !isLeftOut(m.column)), leftOut: headers.flatMap((_, column) => (isLeftOut(column) ? [column] : [])) };
}

/**
 * The columns confirmed as left out, as asked: each one a column of the file that no field takes.
 * `pointer` names the request's list.
 */
export function checkLeftOut(count: number, mapping: readonly ColumnMapping[], leftOut: readonly number[], pointer: string): number[] {
  const fields = new Map(mapping.map((m) => [m.column, m.field]));
  const problems = leftOut.flatMap((column, i) => {
    if (column >= count) return [{ pointer: `${pointer}/${i}`, detail: importsText('mapping.pastLastColumn', { count }) }];
    const field = fields.get(column);
    return field ? [{ pointer: `${pointer}/${i}`, detail: importsText('mapping.mappedToField', { field }) }] : [];
  });
  if (problems.length > 0) throw invalid(importsText('mapping.leftOutNotFit'), problems);
  return [...new Set(leftOut)].sort((a, b) => a - b);
}
