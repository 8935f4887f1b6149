import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPartnership, buildPerson } from '../../../test/factories.js';

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
  isReady: boolean;
  isInTrack: boolean;
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

describe('the candidate finder’s filters and the deployment’s track', () => {
  let deploymentId: string;
  let policing: { id: string };
  let corrections: { id: string };
  let policingOrg: string;
  let ready: { id: string };

  beforeAll(async () => {
    policingOrg = (await buildOrganization(t.services, t.system, { name: 'Track Filter Police Department' })).id;
    const correctionsOrg = (await buildOrganization(t.services, t.system, { name: 'Track Filter Department of Corrections', kind: 'state_corrections' })).id;
    await buildPartnership(t.services, t.system, { organizationId: policingOrg, tracks: ['policing'] });
    await buildPartnership(t.services, t.system, { organizationId: correctionsOrg, tracks: ['corrections'] });
    // The corrections officer speaks better Portuguese: without the track they would rank first.
    policing = await buildPerson(t.services, t.system, { organizationId: policingOrg, givenName: 'Zoe', familyName: 'Patrol', languages: [{ language: 'pt', speaking: '1+', reading: '1+' }] });
    corrections = await buildPerson(t.services, t.system, { organizationId: correctionsOrg, givenName: 'Abel', familyName: 'Warden', languages: [{ language: 'pt', speaking: '3', reading: '3' }], heritageCountries: ['BR'] });
    ready = await buildPerson(t.services, t.system, { organizationId: policingOrg, givenName: 'Rea', familyName: 'Dee', languages: [{ language: 'pt', speaking: '1', reading: '1' }] });
    await t.services.people.setReadiness(t.system, ready.id, 'passport', { completedOn: '2008-01-01', expiresOn: '2018-01-01' });
    await t.services.people.setReadiness(t.system, ready.id, 'medical_clearance', { completedOn: '2010-05-01' });
    await t.services.people.setReadiness(t.system, ready.id, 'predeployment_training', { completedOn: '2010-06-15' });
    const deployment = await officer.post('/api/deployments', {
      title: 'Brazil community policing',
      hostCountry: 'BR',
      track: 'policing',
      purposes: ['mentor'],
      startOn: '2010-09-06',
      authorizedHeadcount: 2,
      requiredLanguages: [{ language: 'pt', minSpeaking: '2' }],
    });
    deploymentId = deployment.json().id;
  });

  const find = async (query = '') => {
    const response = await officer.get(`/api/deployments/${deploymentId}/candidates?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as Candidate[];
  };
  const ids = (list: Candidate[]) => list.map((c) => c.person.id);

  it('ranks a policing mission’s policing staff above better-scored corrections staff, and says why', async () => {
    const all = await find();
    const zoe = all.find((c) => c.person.id === policing.id) as Candidate;
    const abel = all.find((c) => c.person.id === corrections.id) as Candidate;
    expect(abel.score).toBeGreaterThan(zoe.score);
    expect(ids(all).indexOf(policing.id)).toBeLessThan(ids(all).indexOf(corrections.id));
    expect(zoe).toMatchObject({ isInTrack: true });
    expect(zoe.components.find((c) => c.factor === 'track')).toMatchObject({ points: 10, detail: 'works in policing (agency partnership or training)' });
    expect(abel).toMatchObject({ isInTrack: false });
  });

  it('filters by track, agency, language and level, and readiness', async () => {
    expect(ids(await find('&track=corrections'))).toContain(corrections.id);
    expect(ids(await find('&track=corrections'))).not.toContain(policing.id);
    const ofAgency = await find(`&organizationId=${policingOrg}`);
    expect(new Set(ids(ofAgency))).toEqual(new Set([policing.id, ready.id]));
    expect(new Set(ids(await find('&language=pt')))).toEqual(new Set([policing.id, corrections.id, ready.id]));
    expect(ids(await find('&language=pt&minSpeaking=2'))).toEqual([corrections.id]);
    expect(new Set(ids(await find('&language=pt&minSpeaking=1%2B')))).toEqual(new Set([policing.id, corrections.id]));
    const readyOnly = await find('&isReady=true');
    expect(readyOnly.every((c) => c.isReady)).toBe(true);
    expect(ids(readyOnly)).toContain(ready.id);
    expect(ids(readyOnly)).not.toContain(policing.id);
  });

  it('refuses a level without a language, naming the field', async () => {
    const response = await officer.get(`/api/deployments/${deploymentId}/candidates?minSpeaking=2`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('minSpeaking');
  });
});
