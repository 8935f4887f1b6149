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
import { htmlDocument, iatiSchemaErrors, pdfPageInk, pdfPages } from '../../../test/support/documents.js';

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
    // The report's people trained is the dashboard's figure, by the same definition.
    expect(r.training.peopleTrained).toBe((await viewer.get('/api/reports/dashboard?year=2010')).json().trained.total);
    expect(r.training.instructorsHoldingByTrack).toEqual([expect.objectContaining({ track: 'corrections', domestic: r.training.instructorsHoldingAtYearEnd.domestic })]);
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
    const document = htmlDocument(response.body);
    expect([...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(
      ['summary', 'partners', 'meetings', 'deployments', 'training', 'cascade', 'countries', 'planned', 'methods'].map((id) => `#${id}`),
    );
    for (const a of document.querySelectorAll('nav a')) expect(document.getElementById(a.getAttribute('href')?.slice(1) ?? '')).not.toBeNull();
    // Each picture sits in the section whose text it supports.
    expect(document.querySelectorAll('#training figure svg')).toHaveLength(1);
    expect(document.querySelectorAll('#cascade figure svg')).toHaveLength(1);
    expect(document.querySelector('#countries figure title')?.textContent).toBe('Countries assisted in 2010');
    expect(response.body).toContain('<title>Haiti: 1 deployment</title>');
    expect(response.body).toContain('@media print');
    expect(document.querySelector('#partners th')?.textContent).toBe('Partner');
  });

  describe('the PDF publication', () => {
    let bytes: Uint8Array;
    let pages: string[];
    const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/ ([:.,;])/g, '$1');
    beforeAll(async () => {
      const response = await viewer.get('/api/reports/year/2010?format=pdf');
      expect(response.headers['content-type']).toBe('application/pdf');
      bytes = response.rawPayload;
      pages = (await pdfPages(bytes)).map(flat);
    });

    it('opens with a cover, then contents with page numbers', () => {
      expect(pages[0]).toContain('Bureau of International Narcotics and Law Enforcement Affairs');
      expect(pages[0]).toContain('2010');
      expect(pages[0]).toContain('Issued November 28, 2026');
      expect(pages[0]).not.toContain('Page 1');
      const contents = pages[1] ?? '';
      const summaryPage = pages.findIndex((p) => p.includes('2010 in brief')) + 1;
      const methodsPage = pages.findIndex((p) => p.includes('Annex: Methods Every figure')) + 1;
      expect(contents).toContain(`Summary ${summaryPage} `);
      expect(contents).toContain(`Annex: Methods ${methodsPage} `);
    });

    it('states the year’s facts in its one-page summary, from the records', () => {
      const summary = pages.find((p) => p.includes('2010 in brief')) ?? '';
      expect(summary).toContain('6 officers of New York Police Department (NYPD) deployed to Haiti for 90 days from August 9, 2010');
      expect(summary).toContain('Over 200 U.S. corrections instructors of the partner agencies held an instructor certification');
      expect(summary).toContain('training in Brazil and El Salvador');
      expect(summary).toContain('Richmond Police Department on December 20, 2010');
      expect(summary).toContain('3 countries assisted: Brazil, El Salvador, and Haiti.');
    });

    it('numbers every page but the cover and runs the header on them', () => {
      pages.slice(1).forEach((page, i) => {
        expect(page).toContain(`Page ${i + 2} of ${pages.length}`);
        expect(page).toContain('INL · Police and Corrections Partnerships · 2010');
      });
    });

    it('writes human headers, long dates and the annex, and no ISO date nor closing slogan', () => {
      const text = pages.join(' ');
      for (const fact of ['Partner Kind Stage at year end Since', 'Country Offerings People trained New instructors', 'September 1, 2010', '540 person-days in 2010', 'Annex: Methods', 'The multiplier is everyone trained']) {
        expect(text).toContain(fact);
      }
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toContain('Keep working');
    });

    it('has no blank or nearly empty page, and draws nothing past the margins', async () => {
      const ink = await pdfPageInk(bytes, { scale: 0.75 });
      expect(ink).toHaveLength(pages.length);
      for (const page of ink) expect(page.ink).toBeGreaterThan(0.025);
      // The cover bleeds its band to the edges by design; every other page keeps its margins.
      for (const page of ink.slice(1)) expect(page.inkAtEdges).toBe(0);
    });
  });

  it('refuses a year outside the range with a problem', async () => {
    const response = await viewer.get('/api/reports/year/1066?format=pdf');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/path/year', detail: 'must be 1990 or later' })]);
    expect((await viewer.get('/api/reports/year/2010?format=docx')).json().errors[0].pointer).toBe('/query/format');
  });
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
