import { invalid, ruleBroken } from '../../platform/errors.js';
import { importsText } from './imports.messages.js';
import type { ImportRow } from '../../platform/db/schema.js';
import { type ColumnMapping, type ImportKind, KINDS } from './imports.fields.js';
import type { CommitRequest } from './imports.service.js';

/** What a change of an import's settings, or the start of a run, must meet. */

/** The mapping a user sends, checked against the file: each column once, each field once. */
export function checkMapping(kind: ImportKind, count: number, mapping: readonly { column: number; field: string | null }[]): ColumnMapping[] {
  const fields = new Set(KINDS[kind].fields.map((f) => f.key));
  const problems = mapping.flatMap((m, i) => {
    if (m.column >= count) return [{ pointer: `/body/mapping/${i}/column`, detail: importsText('mapping.pastLastColumn', { count }) }];
    if (m.field !== null && !fields.has(m.field)) return [{ pointer: `/body/mapping/${i}/field`, detail: importsText('mapping.notOneOf', { fields: [...fields].join(', ') }) }];
    return [];
  });
  const used = new Map<string, number>();
  mapping.forEach((m, i) => {
    if (m.field === null) return;
    if (used.has(m.field)) problems.push({ pointer: `/body/mapping/${i}/field`, detail: importsText('mapping.fieldTaken', { column: (used.get(m.field) as number) + 1 }) });
    used.set(m.field, m.column);
  });
  if (problems.length > 0) throw invalid(importsText('mapping.notFit'), problems);
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
    if (leaveOutRows) throw invalid(importsText('leaveOut.onlyValidOnly'), [{ pointer: '/body/leaveOutRows', detail: importsText('leaveOut.forValidOnly') }]);
    return;
  }
  if (row.valid_count === null) {
    throw ruleBroken('import.check_needed', importsText('leaveOut.checkFirst'));
  }
  const found = row.row_count - row.valid_count;
  const rows = (count: number) => importsText('rows', { count });
  if (leaveOutRows === undefined) {
    throw invalid(importsText('leaveOut.say', { rows: rows(found) }), [
      { pointer: '/body/leaveOutRows', detail: importsText('leaveOut.sayField', { count: found }) },
    ]);
  }
  if (leaveOutRows !== found) {
    throw ruleBroken(
      'import.rows_left_out_differ',
      importsText('leaveOut.differ', { asked: rows(leaveOutRows), found: rows(found) }),
    );
  }
}

