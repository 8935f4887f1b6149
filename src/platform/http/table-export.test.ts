import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnsOf, csvStream, neutraliseFormula, ROWS_SIZED, xlsxStream } from './table-export.js';

interface Row {
  name: string;
  kind: string;
  countries: string[];
  count: number;
  funded: boolean;
  startOn: string | null;
  recordedAt: string;
  note: string | null;
}
const column = columnsOf<Row>();
const columns = [
  column.text('name', 'Name', (r) => r.name),
  column.code('kind', 'Kind', 'organizationKind', (r) => r.kind),
  column.codes('countries', 'Countries', 'country', (r) => r.countries),
  column.number('count', 'Count', (r) => r.count),
  column.boolean('funded', 'Funded', (r) => r.funded),
  column.date('start_on', 'Starts', (r) => r.startOn),
  column.instant('recorded_at', 'Recorded (UTC)', (r) => r.recordedAt),
  column.text('note', 'Note', (r) => r.note),
];
const ROWS: Row[] = [
  { name: 'Policía Nacional Civil', kind: 'foreign_police', countries: ['SV', 'HT'], count: 6, funded: true, startOn: '2010-03-04', recordedAt: '2010-01-31T23:30:00.000Z', note: null },
  { name: '=HYPERLINK("http://x","click")', kind: 'municipal_police', countries: [], count: -3, funded: false, startOn: null, recordedAt: '2010-02-01T00:00:00.000Z', note: '@SUM(A1)' },
];
async function* rows(list: Row[] = ROWS): AsyncGenerator<Row> {
  yield* list;
}

async function readXlsx(stream: NodeJS.ReadableStream) {
  const workbook = new ExcelJS.Workbook();
  const bytes = await buffer(stream);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

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

describe('columnsOf', () => {
  it('labels codes for people and keeps the codes for scripts', () => {
    const [, kind, countries, , funded] = columns;
    const row = ROWS[0] as Row;
    expect([kind?.label(row), kind?.code(row)]).toEqual(['Foreign police service', 'foreign_police']);
    expect([countries?.label(row), countries?.code(row)]).toEqual(['El Salvador, Haiti', 'SV HT']);
    expect([funded?.label(row), funded?.code(row)]).toEqual(['Yes', true]);
    expect(funded?.label(ROWS[1] as Row)).toBe('No');
  });
});

describe('csvStream', () => {
  it('writes people’s headers and labels, ISO dates and UTC times, and neutralised cells', async () => {
    const text = (await buffer(csvStream(columns, rows()))).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Name,Kind,Countries,Count,Funded,Starts,Recorded (UTC),Note',
      'Policía Nacional Civil,Foreign police service,"El Salvador, Haiti",6,Yes,2010-03-04,2010-01-31 23:30:00,',
      `"'=HYPERLINK(""http://x"",""click"")",Municipal police department,,-3,No,,2010-02-01 00:00:00,'@SUM(A1)`,
      '',
    ]);
  });

  it('writes keys and stored codes for scripts', async () => {
    const text = (await buffer(csvStream(columns, rows(), { codes: true }))).toString('utf8');
    expect(text.slice(1).split('\r\n').slice(0, 2)).toEqual([
      'name,kind,countries,count,funded,start_on,recorded_at,note',
      'Policía Nacional Civil,foreign_police,SV HT,6,true,2010-03-04,2010-01-31T23:30:00.000Z,',
    ]);
  });
});

describe('xlsxStream', () => {
  it('writes a sheet named for the list, with a bold, frozen, filterable header and typed cells', async () => {
    const workbook = await readXlsx(xlsxStream('Partner organizations', columns, rows()));
    const sheet = workbook.getWorksheet('Partner organizations') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(3);
    expect(rowValues(sheet, 1)).toEqual(['Name', 'Kind', 'Countries', 'Count', 'Funded', 'Starts', 'Recorded (UTC)', 'Note']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H1');
    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toBe('Foreign police service');
    expect(first.getCell(4).value).toBe(6);
    expect(first.getCell(5).value).toBe('Yes');
    // A calendar date is that day at midnight UTC, formatted as a date: sorting and filtering work.
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2010, 2, 4)));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(7).value).toEqual(new Date('2010-01-31T23:30:00.000Z'));
    expect(first.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rowValues(sheet, 3)).toEqual([`'=HYPERLINK("http://x","click")`, 'Municipal police department', undefined, -3, 'No', undefined, new Date('2010-02-01T00:00:00.000Z'), "'@SUM(A1)"]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('sizes each column to the widest of its header and first rows, within bounds', async () => {
    const long = { ...(ROWS[0] as Row), note: 'x'.repeat(500) };
    const late = { ...(ROWS[0] as Row), name: 'y'.repeat(50) };
    const list = [...ROWS, long, ...Array.from({ length: ROWS_SIZED }, () => ROWS[0] as Row), late];
    const sheet = (await readXlsx(xlsxStream('people', columns, rows(list)))).getWorksheet('people') as ExcelJS.Worksheet;
    const widths = sheet.columns.map((c) => c.width);
    // Name: its first rows' widest ("Policía Nacional Civil" and the neutralised formula), not the late row.
    expect(widths[0]).toBe(`'=HYPERLINK("http://x","click")`.length + 2);
    expect(widths[1]).toBe('Municipal police department'.length + 2);
    expect(widths[3]).toBe('Count'.length + 2);
    expect(widths[5]).toBe('yyyy-mm-dd'.length + 2);
    expect(widths[7]).toBe(60);
    expect(sheet.rowCount).toBe(list.length + 1);
  });

  it('writes keys and codes for scripts', async () => {
    const sheet = (await readXlsx(xlsxStream('people', columns, rows(), { codes: true }))).getWorksheet('people') as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual(['name', 'kind', 'countries', 'count', 'funded', 'start_on', 'recorded_at', 'note']);
    expect(rowValues(sheet, 2).slice(1, 7)).toEqual(['foreign_police', 'SV HT', 6, true, '2010-03-04', '2010-01-31T23:30:00.000Z']);
  });

  it('fails the stream when the rows fail, rather than sending half a workbook as whole', async () => {
    async function* failing(): AsyncGenerator<Row> {
      yield ROWS[0] as Row;
      throw new Error('database went away');
    }
    await expect(buffer(xlsxStream('x', columns, failing()))).rejects.toThrow('database went away');
  });
});
