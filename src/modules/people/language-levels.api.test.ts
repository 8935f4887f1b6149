import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Levels Unknown Police Department' })).id;
});
afterAll(() => t.close());

const familyNames = async (query: string) =>
  ((await officer.get(`/api/people?organizationId=${agencyId}&${query}&limit=50`)).json().items as { familyName: string }[]).map((p) => p.familyName).sort();

describe('a language whose level is not known', () => {
  it('is accepted without levels, or with null ones, and reads back with null levels', async () => {
    const created = await officer.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Lucía',
      familyName: 'Sinnivel',
      languages: [{ language: 'es' }, { language: 'en', speaking: null, reading: null }, { language: 'fr', speaking: '2', reading: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const expected = [
      { language: 'fr', speaking: '2', reading: null },
      { language: 'en', speaking: null, reading: null },
      { language: 'es', speaking: null, reading: null },
    ];
    expect(created.json().languages).toEqual(expected);
    const read = await officer.get(`/api/people/${created.json().id}`);
    expect(read.json().languages).toEqual(expected);

    const updated = await officer.patch(`/api/people/${created.json().id}`, { languages: [{ language: 'es', speaking: '3', reading: '2+' }, { language: 'ht' }] }, read.json().version);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().languages).toEqual([
      { language: 'es', speaking: '3', reading: '2+' },
      { language: 'ht', speaking: null, reading: null },
    ]);
    const audit = (await t.services.auditLog.list(t.system, { entityType: 'person', entityId: created.json().id, limit: 10, order: 'desc' } as never)) as { items: { action: string; after: { languages: unknown } }[] };
    expect(audit.items.find((e) => e.action === 'person.update')?.after.languages).toEqual(updated.json().languages);
  });

  it('still refuses a level off the ILR scale', async () => {
    const bad = await officer.post('/api/people', { organizationId: agencyId, givenName: 'Bad', familyName: 'Level', languages: [{ language: 'es', speaking: 'fluent' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/languages/0/speaking']);
  });

  it('matches "speaks the language" in the roster, but no minimum level', async () => {
    const add = (familyName: string, languages: object[]) => officer.post('/api/people', { organizationId: agencyId, givenName: 'Filter', familyName, languages });
    expect((await add('Unknownlevel', [{ language: 'pt' }])).statusCode).toBe(201);
    expect((await add('Knownlevel', [{ language: 'pt', speaking: '2', reading: '2' }])).statusCode).toBe(201);
    expect(await familyNames('language=pt')).toEqual(['Knownlevel', 'Unknownlevel']);
    expect(await familyNames('language=pt&minSpeaking=0')).toEqual(['Knownlevel', 'Unknownlevel']);
    expect(await familyNames('language=pt&minSpeaking=0%2B')).toEqual(['Knownlevel']);
    expect(await familyNames('language=pt&minSpeaking=2')).toEqual(['Knownlevel']);
  });

  it('lists known levels first and writes "level unknown" in the roster export', async () => {
    const created = await officer.post('/api/people', {
      organizationId: agencyId,
      givenName: 'Export',
      familyName: 'Levelless',
      languages: [{ language: 'ht' }, { language: 'fr', speaking: '3', reading: '3' }, { language: 'en', speaking: null, reading: '2' }],
    });
    expect(created.json().languages.map((l: { language: string }) => l.language)).toEqual(['fr', 'en', 'ht']);
    const csv = (await officer.get(`/api/people?organizationId=${agencyId}&q=levelless&format=csv`)).body;
    expect(csv).toContain('French (speaking 3, reading 3); English (speaking unknown, reading 2); Haitian Creole (level unknown)');
    const codes = (await officer.get(`/api/people?organizationId=${agencyId}&q=levelless&format=csv&codes=true`)).body;
    expect(codes).toContain('fr S3/R3; en S?/R2; ht (level unknown)');
  });
});
