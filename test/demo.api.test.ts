import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram2010 } from '../src/demo/program-2010.js';
import { verifyAuditChain } from '../src/platform/audit.js';
import { type Agent, agentFor, createTestApp, type TestApp } from './harness.js';
import { pdfPages } from './support/documents.js';

let t: TestApp;
let viewer: Agent;

// Seeding the whole 2010 program goes through every service: a longer setup, as in the reports suites.
beforeAll(async () => {
  t = await createTestApp();
  await seedProgram2010(t.services, t.system);
  viewer = await agentFor(t, 'viewer');
}, 120_000);
afterAll(() => t.close());

/** The partners of 2010, by kind and stage at year end, as the program's note of 20 December 2010 states them. */
const PARTNERS_2010 = [
  ['New York Police Department', 'municipal_police', 'active'],
  ['Chicago Police Department', 'municipal_police', 'active'],
  ['Colorado Department of Corrections', 'state_corrections', 'active'],
  ['Federal Bureau of Prisons', 'federal_agency', 'active'],
  ['International Association of Women Police', 'professional_association', 'engaged'],
  ['Richmond Police Department', 'municipal_police', 'prospect'],
];

describe('the 2010 demo program', () => {
  it('holds INL as the program office', async () => {
    const inl = (await viewer.get('/api/organizations?q=narcotics')).json().items;
    expect(inl).toHaveLength(1);
    expect(inl[0]).toMatchObject({ acronym: 'INL', kind: 'program_office', country: 'US' });
  });

  it('holds the partners by kind and stage', async () => {
    const partnerships = (await viewer.get('/api/partnerships?limit=200')).json().items as {
      organization: { name: string; kind: string };
      stage: string;
    }[];
    for (const [name, kind, stage] of PARTNERS_2010) {
      const found = partnerships.find((p) => p.organization.name === name);
      expect(found, name).toMatchObject({ organization: { kind }, stage });
    }
  });

  it('holds the 20 December 2010 meeting with Richmond’s Chief of Police as an engagement', async () => {
    const richmond = (await viewer.get('/api/organizations?q=richmond')).json().items[0];
    const engagements = (await viewer.get(`/api/engagements?organizationId=${richmond.id}`)).json().items;
    expect(engagements).toHaveLength(1);
    expect(engagements[0]).toMatchObject({ kind: 'meeting', occurredOn: '2010-12-20' });
    expect(engagements[0].participants.map((p: { name: string }) => p.name)).toContain('Chief of Police');
  });

  it('holds the Haitian National Police as a foreign counterpart whose partnership runs through 2011', async () => {
    const hnp = (await viewer.get('/api/organizations?q=haiti')).json().items[0];
    expect(hnp).toMatchObject({ kind: 'foreign_police', country: 'HT' });
    const partnership = (await viewer.get('/api/partnerships?q=haiti')).json().items[0];
    const detail = (await viewer.get(`/api/partnerships/${partnership.id}`)).json();
    expect(detail.stage).toBe('active');
    expect(detail.agreements[0].expiresOn).toBe('2011-12-31');
  });

  it('holds the Haiti deployment: six NYPD officers of Haitian heritage, August 2010, 90 days, 540 person-days', async () => {
    const deployments = (await viewer.get('/api/deployments?hostCountry=HT')).json().items;
    expect(deployments).toHaveLength(1);
    const haiti = (await viewer.get(`/api/deployments/${deployments[0].id}`)).json();
    expect(haiti).toMatchObject({
      status: 'completed',
      startOn: '2010-08-09',
      endOn: '2010-11-06',
      purposes: ['mentor', 'train', 'advise'],
      hostOrganization: { name: "Police Nationale d'Haïti" },
      personDays: 540,
    });
    expect(haiti.rotations).toEqual([expect.objectContaining({ authorizedHeadcount: 6, deployedCount: 6 })]);
    expect(haiti.assignments).toHaveLength(6);
    // Each step on the day it was taken in 2010, so the history and the timeline open on that year.
    expect(haiti.history.map((h: { toStatus: string; changedAt: string }) => [h.toStatus, h.changedAt.slice(0, 10)])).toEqual([
      ['planning', '2010-05-17'],
      ['staffing', '2010-06-01'],
      ['predeployment', '2010-07-30'],
      ['in_country', '2010-08-09'],
      ['completed', '2010-11-06'],
    ]);
    for (const a of haiti.assignments) {
      expect(a).toMatchObject({ status: 'returned', deployedOn: '2010-08-09', returnedOn: '2010-11-06', personDays: 90, person: { organizationName: 'New York Police Department' } });
    }
    const officer = await agentFor(t, 'program_officer');
    const people = (await officer.get('/api/people?heritageCountry=HT&language=ht&limit=50')).json().items;
    const nypd = people.filter((p: { organizationName: string }) => p.organizationName === 'New York Police Department');
    expect(nypd).toHaveLength(6);
    for (const p of nypd) expect(p.languages.map((l: { language: string }) => l.language)).toEqual(expect.arrayContaining(['ht', 'fr']));
    const byYear = (await viewer.get('/api/deployments/person-days?groupBy=year')).json();
    expect(byYear.rows).toEqual([{ key: '2010', label: '2010', people: 6, personDays: 540 }]);
  });

  it('finds six Creole- or French-speaking officers for a new Haiti rotation', async () => {
    const officer = await agentFor(t, 'program_officer');
    const hnp = (await viewer.get('/api/organizations?q=haiti')).json().items[0];
    const planned = (
      await officer.post('/api/deployments', {
        title: 'Haiti, 2011 rotation',
        hostCountry: 'HT',
        hostOrganizationId: hnp.id,
        track: 'policing',
        purposes: ['mentor', 'train', 'advise'],
        startOn: '2011-01-10',
        authorizedHeadcount: 6,
        requiredLanguages: [
          { language: 'ht', minSpeaking: '2' },
          { language: 'fr', minSpeaking: '2' },
        ],
      })
    ).json();
    const candidates = (await officer.get(`/api/deployments/${planned.id}/candidates?limit=10`)).json().items;
    const topSix = candidates.slice(0, 6);
    expect(topSix.every((c: { score: number; isReady: boolean; isAvailable: boolean }) => c.score === 100 && c.isReady && c.isAvailable)).toBe(true);
    expect(new Set(topSix.map((c: { person: { organizationName: string } }) => c.person.organizationName))).toEqual(new Set(['New York Police Department']));
    expect(candidates[6].score).toBeLessThan(100);
  });

  it('holds over 200 U.S. corrections instructors certified in 2010 through the corrections partnerships', async () => {
    const credential = (await viewer.get('/api/credentials')).json().items.find((c: { name: string }) => c.name === 'Certified Corrections Instructor');
    const certified = [];
    let cursor: string | null = null;
    do {
      const page: { items: { person: { organizationName: string }; issuedOn: string }[]; nextCursor: string | null } = (
        await viewer.get(`/api/certifications?credentialId=${credential.id}&issuedFrom=2010-01-01&issuedTo=2010-12-31&limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      certified.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const american = certified.filter((c) => ['Colorado Department of Corrections', 'Federal Bureau of Prisons'].includes(c.person.organizationName));
    expect(american.length).toBeGreaterThan(200);
    expect(certified.length - american.length).toBe(22);
  });

  it('shows the cascade of 2010: generations 0 to 3 across the United States, El Salvador and Brazil', async () => {
    const cascade = (await viewer.get('/api/cascade?year=2010')).json();
    expect(cascade.generations.map((g: { generation: number }) => g.generation)).toEqual([0, 1, 2, 3]);
    expect(cascade.generationZero).toBe(4);
    expect(new Set(cascade.byCountry.map((c: { country: string }) => c.country))).toEqual(new Set(['US', 'SV', 'BR']));
    expect(cascade.byCountry).toEqual(
      expect.arrayContaining([
        { country: 'US', generation: 1, peopleTrained: 210 },
        { country: 'SV', generation: 2, peopleTrained: 86 },
        { country: 'BR', generation: 2, peopleTrained: 86 },
        { country: 'SV', generation: 3, peopleTrained: 20 },
        { country: 'BR', generation: 3, peopleTrained: 20 },
      ]),
    );
    expect(cascade.multiplier).toBe(2.01);
    const offerings = (await viewer.get('/api/offerings?country=SV&limit=50')).json().items;
    expect(offerings.every((o: { status: string; isUsFunded: boolean }) => o.status === 'closed' && o.isUsFunded)).toBe(true);
  });

  it('issues every certification as a verifiable credential; the academies abroad issue under the program office’s endorsement', async () => {
    const credential = (await viewer.get('/api/credentials')).json().items.find((c: { name: string }) => c.name === 'Certified Corrections Instructor');
    const salvadoran = (await viewer.get(`/api/certifications?credentialId=${credential.id}&issuedFrom=2010-09-24&issuedTo=2010-09-24&limit=50`)).json().items;
    expect(salvadoran.length).toBe(22);
    const summary = (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${salvadoran[0].id}` })).json();
    expect(summary.chain[0]).toBe('Bureau of International Narcotics and Law Enforcement Affairs');
    expect(['Dirección General de Centros Penales', 'Departamento Penitenciário Nacional']).toContain(summary.chain[1]);
    const document = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/public/credentials/${salvadoran[0].id}` })).body);
    const verified = (await t.app.inject({ method: 'POST', url: '/api/public/verifications', payload: { credential: document } })).json();
    expect(verified.checks.filter((c: { isPassed: boolean; check: string }) => !c.isPassed).map((c: { check: string }) => c.check)).toEqual(['dates']);
  });

  it('prints a Salvadoran instructor’s certificate in Spanish, with the credential’s Spanish name and its issuer’s signatory', async () => {
    const credential = (await viewer.get('/api/credentials')).json().items.find((c: { name: string }) => c.name === 'Certified Corrections Instructor');
    const issued = (await viewer.get(`/api/certifications?credentialId=${credential.id}&issuedFrom=2010-09-24&issuedTo=2010-09-24&limit=50`)).json().items as { id: string }[];
    const summaries = await Promise.all(issued.map(async (c) => (await t.app.inject({ method: 'GET', url: `/api/public/certificates/${c.id}` })).json()));
    const salvadoran = summaries.find((s) => s.issuer.name === 'Dirección General de Centros Penales');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/public/credentials/${salvadoran.id}/pdf?lang=es` });
    const text = (await pdfPages(pdf.rawPayload)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('CERTIFICADO');
    expect(text).toContain('Instructor penitenciario certificado');
    expect(text).not.toContain('Certified Corrections Instructor');
    expect(text).toContain('Lucía Ficticia');
    expect(text).toContain('Directora de Formación Penitenciaria');
  });

  it('vetted every foreign participant', async () => {
    const officer = await agentFor(t, 'program_officer');
    let cleared = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (await officer.get(`/api/vetting?status=cleared&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
      cleared += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(cleared).toBe(214);
    expect((await officer.get('/api/vetting?status=pending')).json().items).toHaveLength(0);
  });

  it('was written through the services: every record audited, the chain intact', async () => {
    const report = await verifyAuditChain(t.testDb.database.db);
    expect(report.problems).toEqual([]);
    expect(report.events).toBeGreaterThan(30);
  });

  it('adds nothing when seeded again', async () => {
    const again = await seedProgram2010(t.services, t.system);
    expect(again).toEqual({ isAlreadySeeded: true, organizations: 0, partnerships: 0, engagements: 0, people: 0, deployments: 0, offerings: 0, certifications: 0 });
  });
});
