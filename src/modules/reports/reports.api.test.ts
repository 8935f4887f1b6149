import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram2010 } from '../../demo/program-2010.js';
import { packageRoot } from '../../platform/package-root.js';
import { type Agent, agentFor, createTestApp, TEST_SECRET, type TestApp } from '../../../test/harness.js';
import { createApp } from '../../app.js';
import { createPasswordHasher } from '../../platform/crypto.js';
import { openDatabase } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { ABANDONED_AFTER_MS, createWork } from '../../platform/work/work.js';
import { reportRunsRepository } from './report-runs.repository.js';
import { iatiSchemaErrors, pdfPages } from '../../../test/support/documents.js';

let t: TestApp;
let viewer: Agent;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await seedProgram2010(t.services, t.system);
  viewer = await agentFor(t, 'viewer');
  officer = await agentFor(t, 'program_officer');
}, 120_000);
afterAll(() => t.close());

/** The facts of the program's note of 20 December 2010, by hand, as the report must state them. */
const EXPECTED_PARTNERS = [
  { name: 'Chicago Police Department', kind: 'municipal_police', stage: 'active' },
  { name: 'Colorado Department of Corrections', kind: 'state_corrections', stage: 'active' },
  { name: 'Federal Bureau of Prisons', kind: 'federal_agency', stage: 'active' },
  { name: 'International Association of Women Police', kind: 'professional_association', stage: 'engaged' },
  { name: 'New York Police Department', kind: 'municipal_police', stage: 'active' },
  { name: "Police Nationale d'Haïti", kind: 'foreign_police', stage: 'active' },
  { name: 'Richmond Police Department', kind: 'municipal_police', stage: 'prospect' },
];

describe('the dashboard for 2010', () => {
  it('gives the year’s figures, each with a link to its records', async () => {
    const response = await viewer.get('/api/reports/dashboard?year=2010');
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.partners.total).toBe(7);
    expect(Object.fromEntries(d.partners.byKind.map((k: { kind: string; stages: object }) => [k.kind, k.stages]))).toEqual({
      federal_agency: { active: 1 },
      foreign_police: { active: 1 },
      municipal_police: { active: 2, prospect: 1 },
      professional_association: { engaged: 1 },
      state_corrections: { active: 1 },
    });
    expect(d.engagements.count).toBe(2);
    expect(d.deployments).toMatchObject({ count: 1, inCountryNow: 0, personDays: 540 });
    expect(d.trained.byCountry.map((c: { country: string; total: number }) => [c.country, c.total])).toEqual([
      ['US', 210],
      ['BR', 106],
      ['SV', 106],
    ]);
    const us = d.trained.byCountry[0];
    expect(us.female + us.male + us.unrecorded).toBe(210);
    expect(d.cascade.multiplier).toBe(2.01);
    expect(d.countriesAssisted.map((c: { country: string }) => c.country)).toEqual(['BR', 'HT', 'SV']);
    expect(d.deployments.link).toBe('/deployments?from=2010-01-01&to=2010-12-31&cancelled=exclude');
    expect(us.link).toBe('/people?trainedFrom=2010-01-01&trainedTo=2010-12-31&trainedCountry=US');
  });

  it('filters every figure by country, and the link carries the filter', async () => {
    const d = (await viewer.get('/api/reports/dashboard?year=2010&country=SV')).json();
    expect(d.trained.byCountry.map((c: { country: string }) => c.country)).toEqual(['SV']);
    expect(d.deployments).toMatchObject({ count: 0, personDays: 0 });
    expect(d.countriesAssisted).toMatchObject([{ country: 'SV', deployments: 0, peopleTrained: 106 }]);
    const haiti = (await viewer.get('/api/reports/dashboard?year=2010&country=HT')).json();
    expect(haiti.deployments).toMatchObject({ count: 1, personDays: 540, link: '/deployments?from=2010-01-01&to=2010-12-31&hostCountry=HT&cancelled=exclude' });
    expect(haiti.trained.total).toBe(0);
  });

  it('filters by partner and by track', async () => {
    const nypd = (await viewer.get('/api/organizations?q=new%20york')).json().items[0];
    const d = (await viewer.get(`/api/reports/dashboard?year=2010&organizationId=${nypd.id}`)).json();
    expect(d.partners.total).toBe(1);
    expect(d.deployments.personDays).toBe(540);
    expect(d.trained.total).toBe(0);
    const corrections = (await viewer.get('/api/reports/dashboard?year=2010&track=corrections')).json();
    expect(corrections.deployments.count).toBe(0);
    expect(corrections.trained.total).toBe(422);
    expect(corrections.partners.byKind.map((k: { kind: string }) => k.kind)).toEqual(['federal_agency', 'state_corrections']);
  });

  it('shows an earlier year as it stood then', async () => {
    const d = (await viewer.get('/api/reports/dashboard?year=2009')).json();
    expect(d.deployments.count).toBe(0);
    expect(d.trained.total).toBeLessThan(10);
    expect((await viewer.get('/api/reports/years')).json().years).toContain(2010);
  });

  it('answers a bad filter with a problem naming it, and refuses roles outside the office', async () => {
    const bad = await viewer.get('/api/reports/dashboard?year=twenty&country=Salvador');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/query/country', '/query/year']);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: (await viewer.get('/api/organizations?q=chicago')).json().items[0].id });
    expect((await coordinator.get('/api/reports/dashboard?year=2010')).statusCode).toBe(403);
  });
});

describe('the 2010 year report', () => {
  it('states the note’s facts from the records', async () => {
    const r = (await viewer.get('/api/reports/year/2010?format=json')).json();
    expect(r.partners.map(({ name, kind, stage }: { name: string; kind: string; stage: string }) => ({ name, kind, stage }))).toEqual(EXPECTED_PARTNERS);
    expect(r.engagements).toContainEqual(
      expect.objectContaining({ date: '2010-12-20', organization: 'Richmond Police Department', kind: 'meeting', participants: expect.arrayContaining(['Chief of Police (Richmond Police Department)']) }),
    );
    expect(r.deployments).toEqual([
      expect.objectContaining({ hostCountry: 'HT', hostOrganization: "Police Nationale d'Haïti", purposes: ['mentor', 'train', 'advise'], startOn: '2010-08-09', days: 90, officers: 6, sendingOrganizations: ['New York Police Department'], personDaysInYear: 540 }),
    ]);
    expect(r.training.instructorsHoldingAtYearEnd.domestic).toBeGreaterThan(200);
    expect(r.training.domesticInstructorsByAgency.map((a: { organization: string }) => a.organization).sort()).toEqual(['Colorado Department of Corrections', 'Federal Bureau of Prisons']);
    expect(r.training.abroad.map((a: { country: string }) => a.country)).toEqual(['BR', 'SV']);
    for (const abroad of r.training.abroad) expect(abroad.peopleTrained).toBeGreaterThan(0);
    expect(r.cascade.generations.map((g: { generation: number }) => g.generation)).toEqual([0, 1, 2, 3]);
    expect(r.cascade.multiplier).toBeGreaterThan(1);
    expect(r.countriesAssisted.map((c: { country: string }) => c.country)).toEqual(['BR', 'SV', 'HT']);
    expect(r.nextYear.prospects.map((p: { name: string }) => p.name)).toEqual(['International Association of Women Police', 'Richmond Police Department']);
    expect(r.nextYear.followUps.length).toBeGreaterThan(0);
    expect(r.nextYear.renewals).toEqual([expect.objectContaining({ organization: "Police Nationale d'Haïti" })]);
  });

  it('writes the Markdown report exactly as the golden copy', async () => {
    const response = await viewer.get('/api/reports/year/2010?format=md');
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="cadre-year-report-2010.md"');
    const golden = path.join(packageRoot, 'test', 'golden', 'year-report-2010.md');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, response.body);
    expect(response.body).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it('writes an HTML report with the map and charts, to read in place', async () => {
    const response = await viewer.get('/api/reports/year/2010');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('inline');
    const html = response.body;
    expect(html).toContain('<h2>Deployments abroad</h2>');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<title>Haiti: 1 deployment</title>');
    expect(html).toContain('@media print');
  });

  it('writes a PDF with pages of text and the pictures', async () => {
    const response = await viewer.get('/api/reports/year/2010?format=pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(response.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = pages.join('\n');
    for (const fact of ['6 officers from New York Police Department deployed to Haiti', '540 person-days', 'El Salvador', 'Brazil', 'Richmond Police Department', 'In pictures']) {
      expect(text.replace(/\s+/g, ' ')).toContain(fact);
    }
  });

  it('refuses a year outside the range with a problem', async () => {
    const response = await viewer.get('/api/reports/year/1066?format=pdf');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/path/year', detail: 'must be 1990 or later' })]);
    expect((await viewer.get('/api/reports/year/2010?format=docx')).json().errors[0].pointer).toBe('/query/format');
  });
});

describe('the IATI export', () => {
  it('writes 2.03 XML that the official schema accepts, one activity per partnership, deployment and train-the-trainer programme', async () => {
    const response = await viewer.get('/api/reports/iati?year=2010');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = response.body;
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    const identifiers = [...xml.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1] as string);
    expect(identifiers.every((id) => id.startsWith('US-GOV-11-CADRE-'))).toBe(true);
    expect(identifiers.filter((id) => id.includes('-PARTNERSHIP-'))).toHaveLength(7);
    expect(identifiers.filter((id) => id.includes('-DEPLOYMENT-'))).toHaveLength(1);
    expect(identifiers.filter((id) => id.includes('-TOT-'))).toEqual(['US-GOV-11-CADRE-TOT-CORRECTIONS-2010']);
    expect(xml).toContain('<recipient-country code="HT" percentage="100"/>');
    expect(xml).toContain('<sector vocabulary="1" code="15137" percentage="100">');
    expect(xml).toMatch(/<title>\s*<narrative>Officers deployed<\/narrative>/);
  });

  it('reports under the configured organisation identifier', async () => {
    const other = await createTestApp({ env: { CADRE_IATI_ORG_REF: 'XM-DAC-41301' } });
    try {
      await seedProgram2010(other.services, other.system);
      const response = await (await agentFor(other, 'viewer')).get('/api/reports/iati?year=2010');
      expect(await iatiSchemaErrors(response.body)).toEqual([]);
      expect(response.body).toContain('<reporting-org ref="XM-DAC-41301"');
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('reports in the background', () => {
  async function finished(agent: Agent, id: string) {
    let run = (await agent.get(`/api/reports/runs/${id}`)).json();
    await expect.poll(async () => (run = (await agent.get(`/api/reports/runs/${id}`)).json()).status, { timeout: 30_000, interval: 50 }).not.toBe('running');
    return run;
  }

  it('runs a long report, shows its progress, keeps the result to download, and audits the start', async () => {
    const started = await officer.post('/api/reports/runs', { kind: 'year', year: 2010, format: 'pdf' });
    expect(started.statusCode).toBe(202);
    const run = started.json();
    expect(started.headers.location).toBe(`/api/reports/runs/${run.id}`);
    expect(run).toMatchObject({ kind: 'year', status: 'running', parameters: { year: 2010, format: 'pdf' } });
    const done = await finished(officer, run.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, filename: 'cadre-year-report-2010.pdf', download: `/api/reports/runs/${run.id}/download` });
    const file = await officer.get(done.download);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await pdfPages(file.rawPayload)).join(' ')).toContain('Haiti');
    expect((await officer.get('/api/reports/runs')).json().items.map((r: { id: string }) => r.id)).toContain(run.id);
    const audit = await t.services.auditLog.list(t.system, { action: 'report.run', entityId: run.id, limit: 5, format: 'json' });
    expect(audit.items).toHaveLength(1);
  });

  it('runs an IATI export in the background', async () => {
    const run = (await officer.post('/api/reports/runs', { kind: 'iati', year: 2010 })).json();
    const done = await finished(officer, run.id);
    expect(done.status).toBe('done');
    expect(await iatiSchemaErrors((await officer.get(done.download)).body)).toEqual([]);
  });

  it('shows a run to another server process over the same database, and a run whose heartbeat stopped as failed', async () => {
    const database = openDatabase(t.testDb.target);
    const { app: second } = await createApp({ config: t.config, database, secretKey: TEST_SECRET, clock: t.clock, passwords: createPasswordHasher({ logCost: 10 }), webRoot: null });
    try {
      const view = (id: string) => second.inject({ method: 'GET', url: `/api/reports/runs/${id}`, headers: { authorization: `Bearer ${officer.token}` } });
      const run = (await officer.post('/api/reports/runs', { kind: 'year', year: 2010, format: 'md' })).json();
      const done = await finished(officer, run.id);
      expect((await view(run.id)).json()).toEqual(done);

      // A run the first process claimed and then stopped working on, as when its server stops.
      const work = createWork({ db: t.testDb.database.db, clock: t.clock, owner: 'stopped' });
      const id = newId();
      await reportRunsRepository(t.testDb.database.db).insert({ id, kind: 'year', parameters: '{"kind":"year","year":2010,"format":"pdf"}', created_by: officer.user.id, created_at: t.clock.now().toISOString() });
      await work.enqueue({ id, kind: 'report', subjectId: id });
      await work.claim(id);
      await work.progress(id, 40, 'counting people trained');
      expect((await view(id)).json()).toMatchObject({ status: 'running', progress: 40, message: 'counting people trained' });
      const before = t.clock.now();
      t.clock.set(new Date(before.getTime() + ABANDONED_AFTER_MS + 1000));
      try {
        expect((await view(id)).json()).toMatchObject({ status: 'failed', message: expect.stringContaining('interrupted'), download: null });
      } finally {
        t.clock.set(before);
      }
    } finally {
      await second.close();
      await database.close();
    }
  });

  it('keeps a run to the one who started it', async () => {
    const run = (await officer.post('/api/reports/runs', { kind: 'year', year: 2010, format: 'md' })).json();
    await finished(officer, run.id);
    expect((await viewer.get(`/api/reports/runs/${run.id}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/reports/runs/${run.id}/download`)).statusCode).toBe(404);
  });

  it('refuses a bad request before starting anything', async () => {
    const response = await officer.post('/api/reports/runs', { kind: 'budget', year: 2010 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/body/kind');
  });
});

describe('spreadsheet exports of the lists', () => {
  it('exports offerings as XLSX and CSV with the filters applied', async () => {
    const xlsx = await viewer.get('/api/offerings?country=SV&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="offerings.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = (await viewer.get('/api/offerings?country=SV&format=csv')).rawPayload;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('ID,Course code,Course,Level,Track,Starts,Ends,Country,City,Host organization,Delivering organization,Lead instructor,Capacity,Enrolled,U.S.-funded,Status');
    expect(lines.length - 1).toBe(5);
    expect(lines.slice(1).every((line) => line.includes(',El Salvador,'))).toBe(true);
    const codes = (await viewer.get('/api/offerings?country=SV&format=csv&codes=true')).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(codes[0]).toBe('id,course_code,course_title,level,track,start_on,end_on,country,city,host_organization,delivering_organization,lead_instructor,capacity,enrolled,us_funded,status');
    expect(codes.slice(1).every((line) => line.includes(',SV,'))).toBe(true);
  });

  it('exports certifications and the audit log', async () => {
    const certs = (await viewer.get('/api/certifications?issuedFrom=2010-01-01&issuedTo=2010-12-31&format=csv')).body.trim().split('\r\n');
    expect(certs.length - 1).toBe(232);
    const admin = await agentFor(t, 'admin');
    const audit = await admin.get('/api/audit?action=report.&format=xlsx');
    expect(audit.statusCode).toBe(200);
    expect((await viewer.get('/api/audit?format=csv')).statusCode).toBe(403);
  });
});
