import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization, buildPartnership, buildPerson } from '../../../test/factories.js';
import { ilrToNumber } from '../people/people.schemas.js';
import type { ReadinessItem } from '../people/readiness.js';
import { type CandidateNeeds, rankCandidates, scoreCandidate } from './candidates.js';
import type { Candidate } from './deployments.schemas.js';

/**
 * The database ranks candidates by a bound of their score and only the best are scored: the result
 * must be exactly what scoring and ranking everyone gives, ties at the cut-off included.
 */
let t: TestApp;
let officer: Agent;
const period = { start: '2011-03-07', end: '2011-06-04' };
const LEVELS = [null, '0+', '1', '1+', '2', '2+', '3'] as const;
const READINESS: Record<string, [ReadinessItem, { completedOn?: string; expiresOn?: string }][]> = {
  none: [],
  ready: [
    ['passport', { completedOn: '2008-01-01', expiresOn: '2016-01-01' }],
    ['medical_clearance', { completedOn: '2010-09-01' }],
    ['predeployment_training', { completedOn: '2010-06-15' }],
  ],
  highThreat: [
    ['passport', { completedOn: '2008-01-01', expiresOn: '2016-01-01' }],
    ['medical_clearance', { completedOn: '2010-09-01' }],
    ['predeployment_training', { completedOn: '2010-06-15' }],
    ['security_training', { completedOn: '2010-06-01', expiresOn: '2013-06-01' }],
  ],
  passportShort: [
    ['passport', { completedOn: '2008-01-01', expiresOn: '2011-08-01' }],
    ['medical_clearance', { completedOn: '2010-09-01' }],
    ['predeployment_training', { completedOn: '2010-06-15' }],
  ],
};
const deployments: Record<'asking' | 'open', { id: string; needs: CandidateNeeds }> = {} as never;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  const partnered = (await buildOrganization(t.services, t.system, { name: 'Ranking Partnered Police' })).id;
  const other = (await buildOrganization(t.services, t.system, { name: 'Ranking Other Police' })).id;
  await buildPartnership(t.services, t.system, { organizationId: partnered, tracks: ['policing'] });
  const host = await buildOrganization(t.services, t.system, { name: 'Policía Anfitriona de Ranking', kind: 'foreign_police', country: 'GT' });
  // The host agency's own officer speaks perfectly and is never a candidate for its deployment.
  await buildPerson(t.services, t.system, { organizationId: host.id, givenName: 'Host', familyName: 'Officer', languages: [{ language: 'es', speaking: '5', reading: '5' }] });
  let seed = 7;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[Math.floor(seed / 65536) % list.length] as T;
  };
  // Seventy people: more than one page read, many of equal score so the cut-off falls on ties.
  for (let i = 0; i < 70; i++) {
    const languages = [
      ...(pick([true, true, false]) ? [{ language: 'es', speaking: pick(LEVELS), reading: null }] : []),
      ...(pick([true, false]) ? [{ language: 'fr', speaking: pick(LEVELS), reading: null }] : []),
    ];
    const person = await buildPerson(t.services, t.system, {
      organizationId: pick([partnered, other]),
      givenName: `Cand${String(i).padStart(2, '0')}`,
      familyName: pick(['Alpha', 'Beta', 'Gamma']),
      languages,
      heritageCountries: pick([[], [], ['GT'], ['MX']]),
      specialties: pick([[], ['forensics'], ['investigations', 'forensics'], ['patrol']]),
    });
    for (const [item, dates] of READINESS[pick(Object.keys(READINESS))] ?? []) await t.services.people.setReadiness(t.system, person.id, item, dates);
  }
  const create = async (body: Record<string, unknown>) => {
    const response = await officer.post('/api/deployments', { hostCountry: 'GT', hostOrganizationId: host.id, track: 'policing', purposes: ['mentor'], startOn: period.start, endOn: period.end, authorizedHeadcount: 2, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const base = { hostCountry: 'GT', track: 'policing' as const, period };
  const asking = { requiredLanguages: [{ language: 'es', minSpeaking: '2+' }, { language: 'fr', minSpeaking: '2' }], specialties: ['forensics', 'investigations'], isHighThreat: true };
  deployments.asking = {
    id: await create({ title: 'Guatemala forensics', ...asking }),
    needs: { ...base, requiredLanguages: asking.requiredLanguages.map((l) => ({ language: l.language, minSpeaking: ilrToNumber(l.minSpeaking as '2') })), specialties: asking.specialties, isHighThreat: true },
  };
  deployments.open = { id: await create({ title: 'Guatemala liaison' }), needs: { ...base, requiredLanguages: [], specialties: [], isHighThreat: false } };
});
afterAll(() => t.close());

const fetchRanked = async (deploymentId: string, query: string) => {
  const response = await officer.get(`/api/deployments/${deploymentId}/candidates?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Candidate[];
};

/** Everyone, scored by the pure function and ranked: what any limit must be the head of. */
async function reference(which: 'asking' | 'open'): Promise<Candidate[]> {
  const everyone = await fetchRanked(deployments[which].id, 'limit=200');
  expect(everyone.length).toBe(70);
  const profiles = await t.services.people.profiles(t.system, everyone.map((c) => c.person.id));
  return rankCandidates(everyone.map((c) => scoreCandidate(profiles.get(c.person.id) as never, deployments[which].needs, [], c.isInTrack)));
}

describe('the candidate finder ranked in the database', () => {
  it.each(['asking', 'open'] as const)('gives, for the %s deployment, the head of the full ranking at any limit, ties at the cut-off included', async (which) => {
    const all = await reference(which);
    expect(all.some((c) => c.isInTrack)).toBe(true);
    for (const limit of [1, 2, 3, 5, 8, 13, 25, 40, 69]) {
      expect(await fetchRanked(deployments[which].id, `limit=${limit}`)).toEqual(all.slice(0, limit));
    }
    const cut = all[12] as Candidate;
    expect(all.filter((c) => c.isInTrack === cut.isInTrack && c.score === cut.score).length).toBeGreaterThan(1);
  });

  it.each(['asking', 'open'] as const)('keeps only the ready when asked, as the full ranking filtered would (%s)', async (which) => {
    const ready = (await reference(which)).filter((c) => c.isReady);
    expect(ready.length).toBeGreaterThan(0);
    for (const limit of [1, 3, 10, 25]) {
      expect(await fetchRanked(deployments[which].id, `limit=${limit}&isReady=true`)).toEqual(ready.slice(0, limit));
    }
  });
});
