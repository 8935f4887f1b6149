import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './csv.js';

describe('neutraliseFormula', () => {
  it('defuses what a spreadsheet would run', () => {
    for (const value of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1']) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const value of ['New York Police Department', 'a=b', '1-2', '']) expect(neutraliseFormula(value)).toBe(value);
  });
});
