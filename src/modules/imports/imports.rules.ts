import { invalid, ruleBroken } from '../../platform/errors.js';
import type { ImportRow } from '../../platform/db/schema.js';
import { type ColumnMapping, type ImportKind, KINDS } from './imports.fields.js';
import type { CommitRequest } from './imports.service.js';

/** What a change of an import's settings, or the start of a run, must meet. */

/** The mapping a user sends, checked against the file: each column once, each field once. */
export function checkMapping(kind: ImportKind, count: number, mapping: readonly { column: number; field: string | null }[]): ColumnMapping[] {
  const fields = new Set(KINDS[kind].fields.map((f) => f.key));
  const problems = mapping.flatMap((m, i) => {
    if (m.column >= count) return [{ pointer: `/body/mapping/${i}/column`, detail: `is past the last column (${count})` }];
    if (m.field !== null && !fields.has(m.field)) return [{ pointer: `/body/mapping/${i}/field`, detail: `is not one of ${[...fields].join(', ')}` }];
    return [];
  });
  const used = new Map<string, number>();
  mapping.forEach((m, i) => {
    if (m.field === null) return;
    if (used.has(m.field)) problems.push({ pointer: `/body/mapping/${i}/field`, detail: `is already the field of column ${(used.get(m.field) as number) + 1}` });
    used.set(m.field, m.column);
  });
  if (problems.length > 0) throw invalid('The mapping does not fit the file.', problems);
  return mapping.filter((m): m is ColumnMapping => m.field !== null).sort((a, b) => a.column - b.column);
}

/**
 * Importing the valid rows only leaves rows out: the caller says how many, and it must be what
 * the last check of these same settings found (any change of settings drops that check), so rows
 * are left out only by someone who saw which.
 */
export function checkRowsLeftOut(row: ImportRow, request: CommitRequest): void {
  const { mode, leaveOutRows } = request;
  if (mode !== 'valid_only') {
    if (leaveOutRows) throw invalid('Rows are left out only when the valid rows only are imported.', [{ pointer: '/body/leaveOutRows', detail: 'is for mode valid_only' }]);
    return;
  }
  if (row.valid_count === null) {
    throw ruleBroken('import.check_needed', 'Check every row first: the valid rows only are imported once you have seen which rows are left out, and why.');
  }
  const found = row.row_count - row.valid_count;
  const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  if (leaveOutRows === undefined) {
    throw invalid(`Say how many rows the import leaves out: the last check found problems in ${rows(found)}.`, [
      { pointer: '/body/leaveOutRows', detail: `is required with mode valid_only: the number of rows left out (${found})` },
    ]);
  }
  if (leaveOutRows !== found) {
    throw ruleBroken(
      'import.rows_left_out_differ',
      `You asked to leave out ${rows(leaveOutRows)}, but the last check of this import found problems in ${rows(found)}: look at the problems again, then import the valid rows only.`,
    );
  }
}

