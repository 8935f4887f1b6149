import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

/** The roster filtered by agency and language, read page by page: every match once, in order, at any depth. */

let t: TestApp;
let officer: Agent;
let agencyId: string;
const french: { id: string; familyName: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  agencyId = (await buildOrganization(t.services, t.system, { name: 'Paging Police Department' })).id;
  const otherAgency = (await buildOrganization(t.services, t.system, { name: 'Other Paging Agency' })).id;
  // Namesakes share a sort name, so pages must break ties by id; others speak Spanish, or are of another agency.
  const people = [
    ...['Baptiste', 'Baptiste', 'Baptiste', 'Auguste', 'Célestin', 'Dorval', 'Dorval', 'Estimé'].map((familyName) => ({ familyName, language: 'fr', organizationId: agencyId })),
    { familyName: 'Belizaire', language: 'es', organizationId: agencyId },
    { familyName: 'Baptiste', language: 'fr', organizationId: otherAgency },
  ];
  for (const person of people) {
    const response = await officer.post('/api/people', {
      organizationId: person.organizationId,
      givenName: 'Jean',
      familyName: person.familyName,
      languages: [{ language: person.language, speaking: '2', reading: '2' }],
      heritageCountries: [],
      specialties: [],
    });
    expect(response.statusCode).toBe(201);
    if (person.language === 'fr' && person.organizationId === agencyId) french.push({ id: response.json().id, familyName: person.familyName });
  }
});
afterAll(() => t.close());

async function readAll(order: 'asc' | 'desc', limit: number) {
  const path = `/api/people?organizationId=${agencyId}&language=fr&limit=${limit}&order=${order}`;
  const seen: { id: string; familyName: string }[] = [];
  const totals: unknown[] = [];
  let cursor: string | null = null;
  do {
    const response = await officer.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: { id: string; familyName: string }[]; nextCursor: string | null; total?: number };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    totals.push(page.total);
    seen.push(...page.items.map(({ id, familyName }) => ({ id, familyName })));
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, totals };
}

describe('the roster by agency and language, page by page', () => {
  it('reads every match once, by name then id, whatever the page size and order', async () => {
    const expected = [...french].sort((a, b) => a.familyName.localeCompare(b.familyName, 'en') || (a.id < b.id ? -1 : 1));
    for (const limit of [1, 2, 3, 50]) {
      const asc = await readAll('asc', limit);
      expect(asc.seen.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      // The first page counts them all; later pages do not count again.
      expect(asc.totals[0]).toBe(8);
      expect(asc.totals.slice(1).every((total) => total === undefined)).toBe(true);
      const desc = await readAll('desc', limit);
      expect(desc.seen.map((p) => p.id)).toEqual([...expected].reverse().map((p) => p.id));
    }
  });

  it('counts within the filter: another agency and another language are left out', async () => {
    const spanish = await officer.get(`/api/people?organizationId=${agencyId}&language=es&limit=5`);
    expect(spanish.json()).toMatchObject({ total: 1, items: [{ familyName: 'Belizaire' }], nextCursor: null });
    const everyone = await officer.get('/api/people?language=fr&limit=1');
    expect(everyone.json().total).toBe(9);
  });

  it('counts a language’s speakers across the program as the list holds them, at a level and within a coordinator’s agency', async () => {
    const totalOf = async (agent: Agent, query: string) => {
      const response = await agent.get(`/api/people?${query}&limit=1`);
      expect(response.statusCode).toBe(200);
      return response.json().total as number;
    };
    expect(await totalOf(officer, 'language=fr&minSpeaking=2')).toBe(9);
    expect(await totalOf(officer, 'language=fr&minSpeaking=2%2B')).toBe(0);
    expect(await totalOf(officer, 'language=es&minSpeaking=1')).toBe(1);
    expect(await totalOf(officer, 'language=de')).toBe(0);
    const coordinator = await agentFor(t, 'coordinator', { organizationId: agencyId });
    expect(await totalOf(coordinator, 'language=fr')).toBe(8);
  });

  it('reads a page from a cursor of another order as a problem', async () => {
    const first = await officer.get(`/api/people?organizationId=${agencyId}&language=fr&limit=2`);
    const mixed = await officer.get(`/api/people?organizationId=${agencyId}&language=fr&limit=2&order=desc&cursor=${first.json().nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
