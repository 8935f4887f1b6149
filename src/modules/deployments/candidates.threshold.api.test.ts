import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPartnership, buildPerson } from '../../../test/factories.js';
import { ilrToNumber } from '../people/people.schemas.js';
import { type CandidateNeeds, rankCandidates, scoreCandidate } from './candidates.js';
import type { Candidate } from './deployments.schemas.js';

/**
 * The finder first reads only those who score some of the sparser parts (heritage, specialties,
 * readiness): everyone else is bound to the constant parts and the language part at most. Here
 * those few fill the first read, yet people who score none of them but speak the language come
 * before most of them: the first read must not stop there, and a tie at the cut-off must still
 * be looked for among everyone.
 */
let t: TestApp;
let officer: Agent;
let deploymentId = '';
const period = { start: '2011-03-07', end: '2011-06-04' };
const needs: CandidateNeeds = { hostCountry: 'GT', track: 'policing', period, requiredLanguages: [{ language: 'es', minSpeaking: ilrToNumber('2') }], specialties: [], isHighThreat: false };
const ready = [
  ['passport', { completedOn: '2008-01-01', expiresOn: '2016-01-01' }],
  ['medical_clearance', { completedOn: '2010-09-01' }],
  ['predeployment_training', { completedOn: '2010-06-15' }],
] as const;
const speaks = [{ language: 'es', speaking: '3' as const, reading: null }];

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  const agency = (await buildOrganization(t.services, t.system, { name: 'Threshold Partnered Police' })).id;
  await buildPartnership(t.services, t.system, { organizationId: agency, tracks: ['policing'] });
  const host = await buildOrganization(t.services, t.system, { name: 'Policía Anfitriona de Umbral', kind: 'foreign_police', country: 'GT' });
  const person = async (givenName: string, familyName: string, extra: { languages?: typeof speaks; heritageCountries?: string[]; isReady?: boolean }) => {
    const created = await buildPerson(t.services, t.system, { organizationId: agency, givenName, familyName, languages: extra.languages ?? [], heritageCountries: extra.heritageCountries ?? [] });
    if (extra.isReady) for (const [item, dates] of ready) await t.services.people.setReadiness(t.system, created.id, item, dates);
  };
  // Every part: 100 (the track's 10 included). Heritage and ready: 60. Heritage alone: 50 (ten of them, to fill a first read).
  await person('Cora', 'Full', { languages: speaks, heritageCountries: ['GT'], isReady: true });
  await person('Gil', 'Sparse', { heritageCountries: ['GT'], isReady: true });
  for (let i = 0; i < 10; i++) await person(`Hana${i}`, 'Heritage', { heritageCountries: ['GT'] });
  // The language alone: 80, none of the sparser parts. Made in reverse order of name, so the
  // first by name are the last by id.
  for (let i = 11; i >= 0; i--) await person(`Bea${String(i).padStart(2, '0')}`, 'Speaker', { languages: speaks });
  const response = await officer.post('/api/deployments', {
    title: 'Guatemala threshold', hostCountry: 'GT', hostOrganizationId: host.id, track: 'policing', purposes: ['mentor'], startOn: period.start, endOn: period.end, authorizedHeadcount: 2,
    requiredLanguages: [{ language: 'es', minSpeaking: '2' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  deploymentId = response.json().id as string;
});
afterAll(() => t.close());

const fetchRanked = async (limit: number) => {
  const response = await officer.get(`/api/deployments/${deploymentId}/candidates?limit=${limit}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Candidate[];
};

describe('the candidate finder’s first read of those who score the sparser parts', () => {
  it('gives the head of the full ranking when people outside that read come before it, ties at the cut-off included', async () => {
    const everyone = await fetchRanked(200);
    expect(everyone).toHaveLength(24);
    const profiles = await t.services.people.profiles(t.system, everyone.map((c) => c.person.id));
    const all = rankCandidates(everyone.map((c) => scoreCandidate(profiles.get(c.person.id) as never, needs, [], c.isInTrack)));
    expect(all.slice(0, 3).map((c) => [c.person.name, c.score])).toEqual([['Cora Full', 100], ['Bea00 Speaker', 80], ['Bea01 Speaker', 80]]);
    for (const limit of [1, 2, 3, 5, 13, 14, 24]) expect(await fetchRanked(limit)).toEqual(all.slice(0, limit));
  });
});
