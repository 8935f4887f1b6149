import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

describe('organizations', () => {
  it('creates, reads and edits an organization with its version as ETag', async () => {
    const created = await officer.post('/api/organizations', {
      name: 'Departamento de Polícia de Teste',
      acronym: 'DPT',
      kind: 'foreign_police',
      country: 'BR',
      subdivision: 'BR-SP',
      city: 'São Paulo',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const org = created.json();
    expect(created.headers.location).toBe(`/api/organizations/${org.id}`);
    expect(org).toMatchObject({ name: 'Departamento de Polícia de Teste', country: 'BR', isArchived: false, version: 1 });

    const read = await officer.get(`/api/organizations/${org.id}`);
    expect(read.json()).toEqual(org);

    const edited = await officer.patch(`/api/organizations/${org.id}`, { city: 'Campinas' }, 1);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ city: 'Campinas', version: 2 });
    expect(edited.headers.etag).toBe('"2"');
  });

  it('tells each caller what they may do with an organization, and their role what it may do at all', async () => {
    const org = await buildOrganization(t.services, t.system);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: org.id });
    const viewer = await agentFor(t, 'viewer');
    expect((await officer.get(`/api/organizations/${org.id}`)).json().allowedActions).toEqual(['update', 'archive']);
    expect((await coordinator.get(`/api/organizations/${org.id}`)).json().allowedActions).toEqual([]);
    const page = (await viewer.get('/api/organizations?limit=5')).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item: { allowedActions: string[] }) => item.allowedActions.length === 0)).toBe(true);

    expect((await officer.get('/api/auth/me')).json().capabilities.organizations).toEqual(['read', 'create', 'update', 'archive']);
    expect((await coordinator.get('/api/auth/me')).json().capabilities.organizations).toEqual(['read']);
    const coordinatorList = (await coordinator.get('/api/organizations')).json();
    expect(coordinatorList.items.map((item: { id: string }) => item.id)).toEqual([org.id]);
  });

  it('refuses a stale version with 412 and keeps the newer change', async () => {
    const org = await buildOrganization(t.services, t.system);
    expect((await officer.patch(`/api/organizations/${org.id}`, { city: 'First' }, 1)).statusCode).toBe(200);
    const stale = await officer.patch(`/api/organizations/${org.id}`, { city: 'Second' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await officer.get(`/api/organizations/${org.id}`)).json().city).toBe('First');
  });

  it('needs If-Match on updates', async () => {
    const org = await buildOrganization(t.services, t.system);
    const response = await officer.patch(`/api/organizations/${org.id}`, { city: 'Nowhere' });
    expect(response.statusCode).toBe(428);
    expect(response.json().detail).toContain('If-Match');
  });

  it('refuses a second organization with the same name, whatever its accents and case', async () => {
    await buildOrganization(t.services, t.system, { name: 'Police Nationale de Test' });
    const response = await officer.post('/api/organizations', { name: '  police nationale de tést ', kind: 'foreign_police', country: 'HT' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ pointer: '/body/name', detail: 'is already the name of another organization' }]);
  });

  it('refuses a subdivision outside the country', async () => {
    const response = await officer.post('/api/organizations', { name: 'Mismatch PD', kind: 'municipal_police', country: 'US', subdivision: 'BR-SP' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/body/subdivision');
  });

  it('refuses to make an organization its own ancestor', async () => {
    const parent = await buildOrganization(t.services, t.system);
    const child = await buildOrganization(t.services, t.system, { parentId: parent.id });
    const response = await officer.patch(`/api/organizations/${parent.id}`, { parentId: child.id }, parent.version);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ pointer: '/body/parentId' });
  });

  it('archives and restores, and hides archived ones from the default list', async () => {
    const org = await buildOrganization(t.services, t.system, { name: 'Archivable Sheriff Office', kind: 'county_sheriff' });
    const archived = await officer.put(`/api/organizations/${org.id}/archived`, { isArchived: true }, 1);
    expect(archived.json()).toMatchObject({ isArchived: true, version: 2 });
    const listed = await officer.get('/api/organizations?q=archivable');
    expect(listed.json().items).toHaveLength(0);
    const withArchived = await officer.get('/api/organizations?q=archivable&archived=include');
    expect(withArchived.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    const restored = await officer.put(`/api/organizations/${org.id}/archived`, { isArchived: false }, 2);
    expect(restored.json()).toMatchObject({ isArchived: false, archivedAt: null });
  });
});

describe('organization list', () => {
  let ids: string[];

  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 130; i += 1) {
      const org = await buildOrganization(t.services, t.system, {
        name: `Pager County Corrections ${String(i).padStart(3, '0')}`,
        kind: i % 2 === 0 ? 'county_corrections' : 'county_sheriff',
        country: i % 3 === 0 ? 'SV' : 'US',
      });
      ids.push(org.id);
    }
  });

  it('pages through every match with keyset cursors, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/organizations?q=pager&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await officer.get(url)).json() as { items: { id: string; name: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen).toEqual([...seen].sort());
  });

  it('sorts descending and pages the same way', async () => {
    const first = (await officer.get('/api/organizations?q=pager&sort=name&order=desc&limit=5')).json();
    expect(first.items[0].name).toBe('Pager County Corrections 129');
    const second = (await officer.get(`/api/organizations?q=pager&sort=name&order=desc&limit=5&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name).toBe('Pager County Corrections 124');
  });

  it('filters by kind and country', async () => {
    const page = (await officer.get('/api/organizations?q=pager&kind=county_sheriff&country=SV&limit=200')).json();
    expect(page.items.length).toBe(22);
    for (const org of page.items) expect(org).toMatchObject({ kind: 'county_sheriff', country: 'SV' });
  });

  it('refuses a cursor from another sort order', async () => {
    const first = (await officer.get('/api/organizations?q=pager&limit=5')).json();
    const response = await officer.get(`/api/organizations?q=pager&sort=country&limit=5&cursor=${first.nextCursor}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/query/cursor');
  });

  it('exports every match as CSV, with the filters applied and formulas defused', async () => {
    await buildOrganization(t.services, t.system, { name: '=Pager formula injection', kind: 'other' });
    const response = await officer.get('/api/organizations?q=pager&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('organizations.csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('ID,Name,Acronym,Kind,Country,State or province,City,Website,Archived (UTC),Added (UTC)');
    expect(lines).toHaveLength(132);
    expect(lines.some((line) => line.includes(",'=Pager formula injection,"))).toBe(true);
  });

  it('exports labels and dates for people, and keys and codes for scripts with codes=true', async () => {
    const made = await buildOrganization(t.services, t.system, { name: 'Spreadsheet Label Police', kind: 'municipal_police', country: 'US' });
    const row = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n').find((line) => line.includes('Spreadsheet Label Police')) ?? '';
    const human = await officer.get('/api/organizations?q=spreadsheet%20label&format=csv');
    expect(row(human.body)).toMatch(new RegExp(`^${made.id},Spreadsheet Label Police,[^,]*,Municipal police department,United States,.*,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$`));
    const codes = await officer.get('/api/organizations?q=spreadsheet%20label&format=csv&codes=true');
    expect(codes.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,name,acronym,kind,country,subdivision,city,website,archived_at,created_at');
    expect(row(codes.body)).toMatch(new RegExp(`^${made.id},Spreadsheet Label Police,[^,]*,municipal_police,US,.*,${made.createdAt.replace(/[.]/g, '\\.')}$`));

    const xlsx = await officer.get('/api/organizations?q=spreadsheet%20label&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload.buffer.slice(xlsx.rawPayload.byteOffset, xlsx.rawPayload.byteOffset + xlsx.rawPayload.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Organizations') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(4).value).toBe('Kind');
    expect(sheet.getRow(2).getCell(4).value).toBe('Municipal police department');
    expect(sheet.getRow(2).getCell(10).value).toEqual(new Date(made.createdAt));
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('finds names regardless of accents', async () => {
    await buildOrganization(t.services, t.system, { name: 'Academia Nacional de Segurança Pública', kind: 'academy', country: 'BR' });
    const page = (await officer.get('/api/organizations?q=seguranca%20publica')).json();
    expect(page.items.map((o: { name: string }) => o.name)).toEqual(['Academia Nacional de Segurança Pública']);
  });
});
