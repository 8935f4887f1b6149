import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { importFile, problemsOf, settled, upload, XLSX } from '../../../test/imports.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;
let agencyName: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
  const agency = await buildOrganization(t.services, t.system, { name: 'Policía Nacional Civil', acronym: 'PNC', kind: 'foreign_police', country: 'SV' });
  agencyId = agency.id;
  agencyName = agency.name;
});
afterAll(() => t.close());

const roster = [
  'Nombre;Apellido;Correo electrónico;Fecha de nacimiento;Sexo;Idiomas;Cargo',
  'José;Hernández Pérez;jose.hernandez@pnc.example;25/03/1985;M;Español 3/3, English 1+;Sargento',
  'María;Ñúñez;maria.nunez@pnc.example;03/04/1990;F;es:3;Agente',
  'Jean-Baptiste;Désir;;12/11/1979;masculino;Kreyòl 5, fr 3;Inspecteur',
].join('\r\n');

describe('importing a roster', () => {
  it('detects the file, maps the Spanish headers and the day-first dates, and imports every row', async () => {
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'plantilla.csv', organizationId: agencyId }, roster);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = uploaded.json();
    expect(view).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 1, dateFormat: 'DMY', dateFormatStatus: 'detected', missingFields: [] });
    expect(view.mapping.map((m: { field: string | null }) => m.field)).toEqual(['givenName', 'familyName', 'email', 'dateOfBirth', 'sex', 'languages', 'rankTitle']);
    expect(view.preview).toHaveLength(3);

    const committed = await importFile(t, officer, { kind: 'people', filename: 'plantilla.csv', organizationId: agencyId }, roster);
    expect(committed, JSON.stringify(committed)).toMatchObject({ status: 'committed', rowCount: 3, problemCount: 0, summary: { created: 3, updated: 0, unchanged: 0, skipped: 0 } });
    const people = (await officer.get(`/api/people?organizationId=${agencyId}&limit=50`)).json().items as { givenName: string; familyName: string }[];
    expect(people.map((p) => `${p.givenName} ${p.familyName}`).sort()).toEqual(['Jean-Baptiste Désir', 'José Hernández Pérez', 'María Ñúñez']);

    const again = await importFile(t, officer, { kind: 'people', filename: 'plantilla.csv', organizationId: agencyId }, roster);
    expect(again).toMatchObject({ status: 'committed', summary: { created: 0, updated: 0, unchanged: 3 } });
    expect(again.sameFileImportedAt).not.toBeNull();
  });

  it('reports every bad row by row, column and reason, and writes nothing', async () => {
    const file = ['Given name,Family name,Email,Date of birth', 'Ana,Silva,ana@example.test,1990-02-30', ',Souza,bad-email,1991-01-01', 'Ana,Silva,ana@example.test,1990-01-01'].join('\n');
    const before = (await officer.get(`/api/people?organizationId=${agencyId}&limit=200`)).json().items.length;
    const view = await importFile(t, officer, { kind: 'people', filename: 'bad.csv', organizationId: agencyId }, file);
    expect(view.status).toBe('validated');
    expect(view.message).toMatch(/Nothing was written/);
    const problems = await problemsOf(officer, view.id as string);
    expect(problems.map((p) => [p.row, p.columnName])).toEqual([
      [2, 'Date of birth'],
      [3, 'Given name'],
      [3, 'Email'],
      [4, 'Email'],
    ]);
    expect(problems[3]?.reason).toMatch(/row 2/);
    expect((await officer.get(`/api/people?organizationId=${agencyId}&limit=200`)).json().items.length).toBe(before);
    const csv = await officer.get(`/api/imports/${view.id}/problems?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual(['Row,Column,Column header,Field,Value,Problem', '2,4,Date of birth,Date of birth,1990-02-30,is not a date (write it as 1985-04-03)']);
    const codes = await officer.get(`/api/imports/${view.id}/problems?format=csv&codes=true`);
    expect(codes.body.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual(['row,column,column_name,field,value,reason', '2,4,Date of birth,Date of birth,1990-02-30,is not a date (write it as 1985-04-03)']);
  });

  it('updates the matched records from an updated file, and imports only the valid rows when asked', async () => {
    const first = ['Email,Given name,Family name,Rank', 'u1@example.test,Rosa,Lima,Agent', 'u2@example.test,Paulo,Costa,Agent'].join('\n');
    await importFile(t, officer, { kind: 'people', filename: 'u.csv', organizationId: agencyId }, first);
    const second = ['Email,Given name,Family name,Rank', 'u1@example.test,Rosa,Lima,Sergeant', 'u2@example.test,Paulo,Costa,Agent', 'u3@example.test,,Nobody,Agent', 'u4@example.test,Inês,Araújo,Agent'].join('\n');
    const all = await importFile(t, officer, { kind: 'people', filename: 'u2.csv', organizationId: agencyId }, second);
    expect(all).toMatchObject({ status: 'validated', validCount: 3, problemCount: 1 });
    const some = await importFile(t, officer, { kind: 'people', filename: 'u2.csv', organizationId: agencyId }, second, { mode: 'valid_only' });
    expect(some).toMatchObject({ status: 'committed', mode: 'valid_only', summary: { created: 1, updated: 1, unchanged: 1, skipped: 1 } });
    const rosa = (await officer.get(`/api/people?organizationId=${agencyId}&q=rosa`)).json().items[0];
    expect(rosa.rankTitle).toBe('Sergeant');
    const audit = (await t.services.auditLog.list(t.system, { entityType: 'import', entityId: some.id as string, limit: 10, order: 'desc' } as never)) as { items: { action: string; after: Record<string, unknown> }[] };
    const commit = audit.items.find((e) => e.action === 'import.commit');
    expect(commit?.after).toMatchObject({ rows: 4, sha256: some.sha256, created: 1, updated: 1 });
  });

  it('asks for the order of dates that read both ways, and takes it when told', async () => {
    const file = ['Given name,Family name,Date of birth', 'Luc,Joseph,03/04/1980', 'Marie,Paul,05/06/1981'].join('\n');
    const uploaded = (await upload(t, officer, { kind: 'people', filename: 'd.csv', organizationId: agencyId }, file)).json();
    expect(uploaded).toMatchObject({ dateFormat: null, dateFormatStatus: 'needed' });
    const refused = await officer.post(`/api/imports/${uploaded.id}/validate`);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ rule: 'import.date_format_needed' });
    const patched = await officer.patch(`/api/imports/${uploaded.id}`, { dateFormat: 'MDY' }, uploaded.version);
    expect(patched.json()).toMatchObject({ dateFormat: 'MDY', dateFormatStatus: 'chosen' });
    await officer.post(`/api/imports/${uploaded.id}/commit`);
    const settledView = await settled(officer, uploaded.id);
    expect(settledView, JSON.stringify([settledView, await problemsOf(officer, uploaded.id)])).toMatchObject({ status: 'committed', summary: { created: 2 } });
    const luc = (await officer.get(`/api/people?organizationId=${agencyId}&q=luc%20joseph`)).json().items[0];
    expect((await officer.get(`/api/people/${luc.id}`)).json().dateOfBirth).toBe('1980-03-04');
  });

  it('reads the file again from another header row or worksheet when told, and imports what it then reads', async () => {
    const titled = ['Roster of the training academy (2010)', 'Given name,Family name,Email', 'Rosa,Amaya,rosa.amaya@pnc.example'].join('\n');
    const uploaded = (await upload(t, officer, { kind: 'people', filename: 'titled.csv', organizationId: agencyId }, titled)).json();
    expect(uploaded.headers).toEqual(['Roster of the training academy (2010)']);
    expect(uploaded.missingFields.length).toBeGreaterThan(0);
    const fromRowTwo = await officer.patch(`/api/imports/${uploaded.id}`, { headerRow: 2 }, uploaded.version);
    expect(fromRowTwo.statusCode, fromRowTwo.body).toBe(200);
    expect(fromRowTwo.json()).toMatchObject({ headerRow: 2, headers: ['Given name', 'Family name', 'Email'], missingFields: [], preview: [{ row: 3, cells: ['Rosa', 'Amaya', 'rosa.amaya@pnc.example'] }] });
    expect(fromRowTwo.json().mapping.map((m: { field: string | null }) => m.field)).toEqual(['givenName', 'familyName', 'email']);
    await officer.post(`/api/imports/${uploaded.id}/commit`);
    expect(await settled(officer, uploaded.id)).toMatchObject({ status: 'committed', summary: { created: 1 } });

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['Sent by the academy registrar']);
    const roster = book.addWorksheet('Participantes');
    roster.addRow(['Nombre', 'Apellido', 'Correo']);
    roster.addRow(['Iris', 'Menjívar', 'iris.menjivar@pnc.example']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const workbook = (await upload(t, officer, { kind: 'people', filename: 'libro.xlsx', organizationId: agencyId }, bytes, XLSX)).json();
    expect(workbook).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Participantes'], sheet: 'Notes' });
    const onRoster = await officer.patch(`/api/imports/${workbook.id}`, { sheet: 'Participantes' }, workbook.version);
    expect(onRoster.statusCode, onRoster.body).toBe(200);
    expect(onRoster.json()).toMatchObject({ sheet: 'Participantes', headers: ['Nombre', 'Apellido', 'Correo'], missingFields: [] });
    const unknown = await officer.patch(`/api/imports/${workbook.id}`, { sheet: 'Nowhere' }, onRoster.json().version);
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    await officer.post(`/api/imports/${workbook.id}/commit`);
    expect(await settled(officer, workbook.id)).toMatchObject({ status: 'committed', summary: { created: 1 } });
    expect((await officer.get(`/api/people?organizationId=${agencyId}&q=menjivar`)).json().items).toHaveLength(1);
  });

  it('refuses what is not a file it can read, and a file too large, as problems', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/imports?kind=people&filename=x.csv', headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(400);
    const multipart = await t.app.inject({ method: 'POST', url: '/api/imports?kind=people&filename=x.csv', headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' });
    expect(multipart.statusCode).toBe(415);
    const empty = await upload(t, officer, { kind: 'people', filename: 'x.csv' }, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/empty/);
    for (const tiny of ['a', '\u0000', 'PK']) {
      const response = await upload(t, officer, { kind: 'people', filename: 'tiny.csv' }, tiny);
      expect(response.statusCode, JSON.stringify(tiny)).toBeLessThan(500);
    }
    const big = await upload(t, officer, { kind: 'people', filename: 'big.csv' }, Buffer.alloc(60 * 1024 * 1024 + 1, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
    const unknownKind = await upload(t, officer, { kind: 'vehicles', filename: 'x.csv' }, 'a,b\n1,2');
    expect(unknownKind.statusCode).toBe(400);
  });

  it('says when a file holds the wrong kind of data', async () => {
    const partners = ['Name,Kind,Country', 'Haitian National Police,foreign police,Haiti'].join('\n');
    const uploaded = await upload(t, officer, { kind: 'people', filename: 'partners.csv', organizationId: agencyId }, partners);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = uploaded.json();
    expect(view.missingFields).toEqual(['Given name', 'Family name']);
    const refused = await officer.post(`/api/imports/${view.id}/commit`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().detail).toMatch(/Given name and Family name/);
    const imported = await importFile(t, officer, { kind: 'organizations', filename: 'partners.csv' }, partners);
    expect(imported).toMatchObject({ status: 'committed', summary: { created: 1 } });
    const again = await importFile(t, officer, { kind: 'organizations', filename: 'partners.csv' }, partners);
    expect(again).toMatchObject({ status: 'committed', summary: { created: 0, unchanged: 1 } });
  });
});

describe('who imports what', () => {
  it('lets a coordinator import into their own agency only, and see only their agency’s imports', async () => {
    const own = await buildOrganization(t.services, t.system);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: own.id });
    const file = ['Given name,Family name,Agency', `Own,Person,${own.name}`, `Other,Person,${agencyName}`].join('\n');
    const view = await importFile(t, coordinator, { kind: 'people', filename: 'c.csv' }, file);
    expect(view).toMatchObject({ status: 'validated', organizationId: own.id });
    const problems = await problemsOf(coordinator, view.id as string);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, columnName: 'Agency' });
    const otherAgency = await upload(t, coordinator, { kind: 'people', filename: 'c.csv', organizationId: agencyId }, file);
    expect(otherAgency.statusCode).toBe(404);
    const officers = (await importFile(t, officer, { kind: 'people', filename: 'o.csv', organizationId: agencyId }, 'Given name,Family name\nX,Y')).id;
    expect((await coordinator.get(`/api/imports/${officers}`)).statusCode).toBe(404);
    expect((await coordinator.get('/api/imports')).json().items.map((i: { id: string }) => i.id)).toEqual([view.id]);
    const organizations = await upload(t, coordinator, { kind: 'organizations', filename: 'o.csv' }, 'Name,Kind,Country\nX,academy,US');
    expect(organizations.statusCode).toBe(403);
  });

  it('saves a mapping and applies it to the next file', async () => {
    const saved = await officer.post('/api/imports/mappings', { kind: 'people', name: 'PNC roster', columns: { 'Primer campo': 'givenName', 'Segundo campo': 'familyName' }, dateFormat: 'DMY' });
    expect(saved.statusCode, saved.body).toBe(201);
    const again = await officer.post('/api/imports/mappings', { kind: 'people', name: 'pnc ROSTER', columns: {} });
    expect(again.statusCode).toBe(409);
    const listed = (await officer.get('/api/imports/mappings?kind=people')).json().items;
    expect(listed.map((m: { name: string }) => m.name)).toContain('PNC roster');
    const view = (await upload(t, officer, { kind: 'people', filename: 'm.csv', organizationId: agencyId, mappingId: saved.json().id }, 'Primer campo,Segundo campo\nA,B')).json();
    expect(view.mapping.map((m: { field: string }) => m.field)).toEqual(['givenName', 'familyName']);
    expect(view.dateFormatStatus).toBe('chosen');
  });
});

describe('attendance sheets', () => {
  it('enrolls the people of a sheet in an offering and records their results, and changes nothing the second time', async () => {
    const credential = await t.services.catalog.createCredential(t.system, { name: 'Import credential', criteria: 'Attend.', track: 'corrections', validityMonths: 24, passMark: null, minAttendancePercent: 0, coTeachingsBeforeLead: 0 });
    const course = await t.services.catalog.createCourse(t.system, { code: 'IMP-1', track: 'corrections', level: 'basic', language: 'en', title: 'Import course', hours: 8, grantsCredentialId: credential.id });
    const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2027-02-01', endOn: '2027-02-03', country: 'US', capacity: 10, isUsFunded: false, isRefresher: false });
    const us = await buildOrganization(t.services, t.system);
    const a = await buildPerson(t.services, t.system, { organizationId: us.id, email: 'att.a@example.test' });
    const b = await buildPerson(t.services, t.system, { organizationId: us.id, email: 'att.b@example.test' });
    const sheet = ['Email,Asistencia,Nota', `${a.email},100,95`, `${b.email},80 %,`, 'nobody@example.test,100,100'].join('\n');
    const refused = await importFile(t, officer, { kind: 'enrollments', filename: 'att.csv', offeringId: offering.id }, sheet);
    expect(refused.status).toBe('validated');
    expect((await problemsOf(officer, refused.id as string))[0]).toMatchObject({ row: 4, columnName: 'Email' });
    const done = await importFile(t, officer, { kind: 'enrollments', filename: 'att.csv', offeringId: offering.id }, sheet, { mode: 'valid_only' });
    expect(done).toMatchObject({ status: 'committed', summary: { created: 2, skipped: 1 } });
    const roster = (await officer.get(`/api/offerings/${offering.id}`)).json().enrollments;
    expect(roster.map((e: { attendancePercent: number | null; score: number | null }) => [e.attendancePercent, e.score]).sort()).toEqual([
      [100, 95],
      [80, null],
    ]);
    const again = await importFile(t, officer, { kind: 'enrollments', filename: 'att.csv', offeringId: offering.id }, sheet, { mode: 'valid_only' });
    expect(again).toMatchObject({ summary: { created: 0, updated: 0, unchanged: 2, skipped: 1 } });
    const certifications = await importFile(t, officer, { kind: 'certifications', filename: 'c.csv' }, ['Email,Credential,Issued on', `${a.email},Import credential,2020-05-01`].join('\n'));
    expect(certifications).toMatchObject({ status: 'committed', summary: { created: 1 } });

    // A coordinator's attendance sheet belongs to the offering, not their agency: it is theirs to follow.
    const coordinator = await agentFor(t, 'coordinator', { organizationId: us.id });
    const theirs = await upload(t, coordinator, { kind: 'enrollments', filename: 'ours.csv', offeringId: offering.id }, sheet);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await coordinator.get(`/api/imports/${theirs.json().id}`)).statusCode).toBe(200);
    expect((await coordinator.get('/api/imports')).json().items.map((i: { id: string }) => i.id)).toContain(theirs.json().id);
    const stranger = await agentFor(t, 'coordinator', { organizationId: (await buildOrganization(t.services, t.system)).id });
    expect((await stranger.get(`/api/imports/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/imports')).json().items).toEqual([]);
  });
});
