import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvStream, neutraliseFormula, type TableColumn, xlsxStream } from './table-export.js';

interface Row {
  name: string;
  count: number;
  note: string | null;
}
const columns: TableColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'count', value: (r) => r.count },
  { header: 'note', value: (r) => r.note },
];
async function* rows(): AsyncGenerator<Row> {
  yield { name: 'Policía Nacional Civil', count: 6, note: null };
  yield { name: '=HYPERLINK("http://x","click")', count: -3, note: '@SUM(A1)' };
}

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

describe('csvStream', () => {
  it('writes a BOM, a header and neutralised cells, leaving numbers as numbers', async () => {
    const text = (await buffer(csvStream(columns, rows()))).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['name,count,note', 'Policía Nacional Civil,6,', `"'=HYPERLINK(""http://x"",""click"")",-3,'@SUM(A1)`, '']);
  });
});

describe('xlsxStream', () => {
  it('writes a workbook whose cells are typed values and never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await buffer(xlsxStream('organizations', columns, rows()));
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('organizations');
    expect(sheet?.rowCount).toBe(3);
    const values = [1, 2, 3].map((n) => (sheet?.getRow(n).values as unknown[]).slice(1));
    expect(values[0]).toEqual(['name', 'count', 'note']);
    expect(values[1]).toEqual(['Policía Nacional Civil', 6]);
    expect(values[2]).toEqual([`'=HYPERLINK("http://x","click")`, -3, "'@SUM(A1)"]);
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('fails the stream when the rows fail, rather than sending half a workbook as whole', async () => {
    async function* failing(): AsyncGenerator<Row> {
      yield { name: 'a', count: 1, note: null };
      throw new Error('database went away');
    }
    await expect(buffer(xlsxStream('x', columns, failing()))).rejects.toThrow('database went away');
  });
});
