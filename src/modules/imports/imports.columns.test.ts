import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { accountColumns, checkColumnsAccounted, checkLeftOut, leftOutForAudit, withSavedLeftOut } from './imports.columns.js';

const stored = (headers: string[], cells: string[][], mapping: { column: number; field: string }[], leftOut: number[]) => ({
  headers: JSON.stringify(headers),
  preview: JSON.stringify(cells.map((line, i) => ({ row: i + 2, cells: line }))),
  mapping: JSON.stringify(mapping),
  left_out: JSON.stringify(leftOut),
});

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('it was not refused');
}

describe('accounting for columns', () => {
  it('gives each column of the header or of the widest first row a state', () => {
    const columns = accountColumns({
      headers: ['Nombre', 'Notas', '', ''],
      preview: [{ cells: ['Ana', 'x', '', '', 'beyond'] }],
      mapping: [{ column: 0, field: 'givenName' }],
      leftOut: [1, 2],
    });
    expect(columns.map((c) => c.state)).toEqual(['mapped', 'left_out', 'empty', 'empty', 'unconfirmed']);
  });

  it('names the undecided columns, by header or place, a long list shortened', () => {
    const one = refusal(() => checkColumnsAccounted(stored(['A', ''], [['1', '2']], [{ column: 0, field: 'givenName' }], [])));
    expect(one.extra.rule).toBe('import.columns_unconfirmed');
    expect(one.message).toBe('The file has a column Cadre was not told what to do with: “column 2”. Map it to a field, or confirm it is left out.');
    const headers = Array.from({ length: 25 }, (_, i) => `H${i}`);
    const many = refusal(() => checkColumnsAccounted(stored(headers, [], [], [])));
    expect(many.message).toMatch(/“H19” and 5 more\. Map each to a field, or confirm they are left out\.$/);
    expect(() => checkColumnsAccounted(stored(['A', 'B'], [], [{ column: 0, field: 'givenName' }], [1]))).not.toThrow();
  });

  it('records the columns left out by header, not the empty ones', () => {
    expect(leftOutForAudit(stored(['A', 'Notas', '', ''], [['1', '2', 'x', '']], [{ column: 0, field: 'givenName' }], [1, 2, 3]))).toEqual({ leftOut: ['Notas', 'column 3'] });
  });

  it('leaves out what a saved mapping leaves out, even where a header suggests a field', () => {
    const saved = withSavedLeftOut(['Nombre', 'Notas (internas)', 'Otra'], [{ column: 0, field: 'givenName' }, { column: 1, field: 'notes' }], ['notas']);
    expect(saved).toEqual({ mapping: [{ column: 0, field: 'givenName' }], leftOut: [1] });
  });

  it('refuses a column left out and mapped, or past the last one', () => {
    const error = refusal(() => checkLeftOut(3, [{ column: 0, field: 'givenName' }], [0, 5], '/body/leftOut'));
    expect(error.errorsIn('en')).toEqual([
      { pointer: '/body/leftOut/0', detail: 'is mapped to givenName: a column goes to a field or is left out, not both' },
      { pointer: '/body/leftOut/1', detail: 'is past the last column (3)' },
    ]);
    expect(checkLeftOut(3, [], [2, 1, 2], '/body/leftOut')).toEqual([1, 2]);
  });
});
