import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPerson } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

interface Candidate {
  person: { id: string };
  score: number;
  components: { factor: string; points: number; max: number; detail: string }[];
  languageLevelsUnknown: string[];
}

describe('the candidate finder and a language level not known', () => {
  it('shows the level as unknown, not as a match, and ranks it below a known level that meets', async () => {
    const agency = await buildOrganization(t.services, t.system, { name: 'Candidate Levels Police Department' });
    const host = await buildOrganization(t.services, t.system, { name: 'Policía Nacional de Prueba', kind: 'foreign_police', country: 'GT' });
    const known = await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Known', familyName: 'Level', languages: [{ language: 'es', speaking: '2+', reading: '2' }] });
    const unknown = await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Unknown', familyName: 'Level', languages: [{ language: 'es', speaking: null, reading: null }] });
    const deployment = await officer.post('/api/deployments', {
      title: 'Guatemala mentoring',
      hostCountry: 'GT',
      hostOrganizationId: host.id,
      track: 'policing',
      purposes: ['mentor'],
      startOn: '2011-03-07',
      authorizedHeadcount: 2,
      requiredLanguages: [{ language: 'es', minSpeaking: '2+' }],
    });
    expect(deployment.statusCode, deployment.body).toBe(201);

    const candidates = (await officer.get(`/api/deployments/${deployment.json().id}/candidates?limit=200`)).json().items as Candidate[];
    const of = (id: string) => candidates.find((c) => c.person.id === id) as Candidate;
    expect(of(known.id).components[0]).toEqual({ factor: 'language', points: 40, max: 40, detail: 'Spanish speaking 2+ (meets the 2+ asked)' });
    expect(of(known.id).languageLevelsUnknown).toEqual([]);
    expect(of(unknown.id).components[0]).toEqual({ factor: 'language', points: 0, max: 40, detail: 'Spanish: level unknown, needs 2+ (not counted until a level is recorded)' });
    expect(of(unknown.id).languageLevelsUnknown).toEqual(['es']);
    expect(of(unknown.id).score).toBe(of(known.id).score - 40);
    expect(candidates.indexOf(of(known.id))).toBeLessThan(candidates.indexOf(of(unknown.id)));

    // Once a level is recorded, it counts.
    const current = (await officer.get(`/api/people/${unknown.id}`)).json();
    await officer.patch(`/api/people/${unknown.id}`, { languages: [{ language: 'es', speaking: '3', reading: '3' }] }, current.version);
    const again = (await officer.get(`/api/deployments/${deployment.json().id}/candidates?limit=200`)).json().items as Candidate[];
    const recorded = again.find((c) => c.person.id === unknown.id) as Candidate;
    expect(recorded.components[0]).toMatchObject({ points: 40, detail: 'Spanish speaking 3 (meets the 2+ asked)' });
    expect(recorded.languageLevelsUnknown).toEqual([]);
  });
});
