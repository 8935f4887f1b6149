import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { encode, keep, LATIN_NAMES, rosterText, workbook, WORLD_NAMES, zipArchive } from '../../../test/fixtures/imports/files.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { CSV, importFile, problemsOf, settled, upload, XLSX } from '../../../test/imports.js';

/**
 * Every file a partner might send: each gives a correct import or a clear problem, never a 500,
 * a hang or a half-written roster.
 */

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system)).id;
});
afterAll(() => t.close());

async function namesOf(organizationId: string): Promise<string[]> {
  const items = (await officer.get(`/api/people?organizationId=${organizationId}&limit=200`)).json().items as { givenName: string; familyName: string }[];
  return items.map((p) => `${p.givenName} ${p.familyName}`).sort();
}

async function peopleCount(): Promise<number> {
  const row = await t.testDb.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A refused upload: a problem document naming what is wrong, and nothing written. */
async function expectRefused(name: string, bytes: Buffer, contentType: string, detail: RegExp) {
  const before = await peopleCount();
  const response = await upload(t, officer, { kind: 'people', filename: name, organizationId: agencyId }, bytes, contentType);
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.json().detail).toMatch(detail);
  expect(await peopleCount()).toBe(before);
}

describe('encodings and line ends', () => {
  const cases = [
    ['utf-8', '\n', WORLD_NAMES],
    ['utf-8-bom', '\r\n', WORLD_NAMES],
    ['utf-16le', '\r\n', WORLD_NAMES],
    ['utf-16be', '\n', WORLD_NAMES],
    ['windows-1252', '\r\n', LATIN_NAMES],
  ] as const;
  for (const [encoding, eol, names] of cases) {
    it(`reads ${encoding} with ${eol === '\n' ? 'LF' : 'CRLF'}, every name unchanged`, async () => {
      const organizationId = (await buildOrganization(t.services, t.system)).id;
      const bytes = keep(`roster-${encoding}.csv`, encode(rosterText(names, eol, encoding), encoding));
      const view = await importFile(t, officer, { kind: 'people', filename: `roster-${encoding}.csv`, organizationId }, bytes);
      expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding, summary: { created: names.length } });
      expect(await namesOf(organizationId)).toEqual(names.map(([g, f]) => `${g} ${f}`).sort());
    });
  }
});

describe('awkward cells', () => {
  it('keeps quoted values with new lines and formula-looking text as typed, and skips empty trailing rows', async () => {
    const organizationId = (await buildOrganization(t.services, t.system)).id;
    const text = [
      'Given name;Family name;Notes;Rank',
      'Ana;Souza;"First line\nsecond line; with a delimiter";=HYPERLINK("http://evil.example","click")',
      'Rui;"Pereira ""Rui"" da Silva";+1 555 0100;@SUM(A1:A2)',
      ';;;',
      ';;;',
      '',
      '',
    ].join('\r\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'awkward.csv', organizationId }, keep('awkward.csv', Buffer.from(text)));
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', rowCount: 2, summary: { created: 2 } });
    const people = (await officer.get(`/api/people?organizationId=${organizationId}`)).json().items as { id: string }[];
    const details = await Promise.all(people.map(async (p) => (await officer.get(`/api/people/${p.id}`)).json()));
    const ana = details.find((p) => p.givenName === 'Ana');
    expect(ana).toMatchObject({ notes: 'First line\nsecond line; with a delimiter', rankTitle: '=HYPERLINK("http://evil.example","click")' });
    expect(details.find((p) => p.givenName === 'Rui')).toMatchObject({ familyName: 'Pereira "Rui" da Silva', notes: '+1 555 0100', rankTitle: '@SUM(A1:A2)' });
  });

  it('reads a row of 10,000 columns', async () => {
    const organizationId = (await buildOrganization(t.services, t.system)).id;
    const extra = Array.from({ length: 9_998 }, (_, i) => `Column ${i + 3}`);
    const text = [['Given name', 'Family name', ...extra].join(','), ['Wide', 'Row', ...extra.map((_, i) => String(i))].join(',')].join('\n');
    // Every one of the 9,998 columns no field takes is confirmed as left out, in one change.
    const leftOut = extra.map((_, i) => i + 2);
    const view = await importFile(t, officer, { kind: 'people', filename: 'wide.csv', organizationId }, keep('wide.csv', Buffer.from(text)), { patch: { leftOut } });
    expect(view).toMatchObject({ status: 'committed', summary: { created: 1 }, unconfirmedColumns: [] });
    expect((view.headers as string[]).length).toBe(10_000);
  });

  it('checks a 50 MB file in full', async () => {
    const notes = 'x'.repeat(3_900);
    const rows = ['Given name,Family name,Email,Notes'];
    let size = rows[0]!.length;
    for (let i = 0; size < 50 * 1024 * 1024; i += 1) {
      const line = `Big,Person ${i},big.${i}@example.test,${notes}`;
      rows.push(line);
      size += line.length + 1;
    }
    const bytes = keep('fifty-megabytes.csv', Buffer.from(rows.join('\n')));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'fifty-megabytes.csv', organizationId: agencyId }, bytes);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const id = uploaded.json().id as string;
    expect((await officer.post(`/api/imports/${id}/validate`)).statusCode).toBe(202);
    expect(await settled(officer, id)).toMatchObject({ status: 'validated', rowCount: rows.length - 1, problemCount: 0, message: `All ${rows.length - 1} rows are valid.` });
    // Fifty megabytes uploaded, stored and read through: the long journeys' time.
  }, 120_000);
});

describe('workbooks', () => {
  it('imports an XLSX with real dates, a formula’s saved value and formula-looking text', async () => {
    const organizationId = (await buildOrganization(t.services, t.system)).id;
    const bytes = keep(
      'roster.xlsx',
      await workbook([
        ['Prénom', 'Nom', 'Date de naissance', 'Titre'],
        ['Wilnès', 'Saint-Fleur', new Date(Date.UTC(1984, 2, 25)), '=1+1'],
        ['Nadège', { formula: 'UPPER("jean")', result: 'JEAN' }, new Date(Date.UTC(1990, 11, 1)), 'Inspectrice'],
        [],
      ]),
    );
    const view = await importFile(t, officer, { kind: 'people', filename: 'roster.xlsx', organizationId }, bytes, { contentType: XLSX });
    expect(view, JSON.stringify(view)).toMatchObject({ status: 'committed', format: 'xlsx', sheets: ['Roster'], summary: { created: 2 } });
    expect(await namesOf(organizationId)).toEqual(['Nadège JEAN', 'Wilnès Saint-Fleur']);
  });

  it('refuses a truncated workbook', async () => {
    const whole = await workbook([['Given name', 'Family name'], ['A', 'B']]);
    await expectRefused('truncated.xlsx', keep('truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2))), XLSX, /incomplete|cut short/);
  });

  it('refuses a ZIP bomb disguised as a workbook, whether it declares its size or lies about it', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const honest = zipArchive([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    await expectRefused('bomb.xlsx', keep('bomb.xlsx', honest), XLSX, /ZIP bomb/);
    const liar = zipArchive([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1000 },
    ]);
    await expectRefused('liar.xlsx', keep('liar.xlsx', liar), XLSX, /ZIP bomb/);
  });

  it('refuses a file that is neither CSV nor a workbook', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200)]);
    await expectRefused('photo.csv', keep('photo.png', png), CSV, /neither CSV text nor an XLSX workbook/);
    await expectRefused('zip.xlsx', keep('plain.zip', zipArchive([{ name: 'readme.txt', data: Buffer.from('hello') }])), XLSX, /not an Excel workbook/);
  });

  it('reports a wrong kind of data row by row when the headers happen to fit', async () => {
    const before = await peopleCount();
    const text = ['Given name,Family name,Date of birth,Email', 'Port-au-Prince,HT,not a date,not an email'].join('\n');
    const view = await importFile(t, officer, { kind: 'people', filename: 'cities.csv', organizationId: agencyId }, keep('cities.csv', Buffer.from(text)));
    expect(view.status).toBe('validated');
    expect((await problemsOf(officer, view.id as string)).map((p) => p.columnName)).toEqual(['Date of birth', 'Email']);
    expect(await peopleCount()).toBe(before);
  });
});
