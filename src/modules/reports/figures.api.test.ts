import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { generateProgram, type GeneratedProgram } from '../../../test/program-generator.js';
import type { z } from 'zod';
import { seedProgram2010 } from '../../demo/program-2010.js';
import type { dashboardSchema } from './reports.schemas.js';

/**
 * Every figure is its records: for each figure the dashboard shows, the list its link opens (the
 * web path turned into the API's, with the same query) holds exactly as many records as the
 * figure says, under every combination of filters, on generated programs and on the demo.
 */

interface Figure {
  name: string;
  value: number;
  link: string;
}

type Dashboard = z.infer<typeof dashboardSchema>;

/** The figures of a dashboard answer, each with the link to its records. */
function figuresOf(d: Dashboard): Figure[] {
  const figures: Figure[] = [
    { name: 'partners', value: d.partners.total, link: d.partners.link },
    { name: 'engagements', value: d.engagements.count, link: d.engagements.link },
    { name: 'overdue follow-ups', value: d.overdueFollowUps.count, link: d.overdueFollowUps.link },
    { name: 'deployments', value: d.deployments.count, link: d.deployments.link },
    { name: 'in country', value: d.deployments.inCountryNow, link: d.deployments.inCountryLink },
    { name: 'person-days', value: d.deployments.personDays, link: d.deployments.personDaysLink },
    { name: 'instructors', value: d.instructors.active, link: d.instructors.link },
    { name: 'instructors expiring', value: d.instructors.expiringWithin90Days, link: d.instructors.expiringLink },
    { name: 'people trained', value: d.trained.total, link: d.trained.link },
    { name: 'cascade', value: d.cascade.totalTrained, link: d.cascade.link },
  ];
  for (const row of d.partners.byKind) figures.push({ name: `partners ${row.kind}`, value: Object.values(row.stages).reduce((a, b) => a + b, 0), link: row.link });
  for (const row of d.trained.byCountry) figures.push({ name: `trained in ${row.country}`, value: row.total, link: row.link });
  for (const row of d.countriesAssisted) {
    figures.push({ name: `deployments to ${row.country}`, value: row.deployments, link: row.deploymentsLink });
    figures.push({ name: `trained in ${row.country} (assisted)`, value: row.peopleTrained, link: row.trainedLink });
  }
  return figures;
}

/** How many records the list behind a web link holds, read as the API's list (every page). */
async function recordsBehind(agent: Agent, link: string): Promise<number> {
  const [path, query = ''] = link.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  if (path === '/deployments/timeline') {
    // The timeline page's person-days table: the API's person-days for the same year and filters.
    params.delete('from');
    params.delete('to');
    params.set('groupBy', 'deployment');
    const response = await agent.get(`/api/deployments/person-days?${params}`);
    expect(response.statusCode, link).toBe(200);
    return response.json().total;
  }
  if (path === '/cascade') {
    const response = await agent.get(`/api/cascade?${params}`);
    expect(response.statusCode, link).toBe(200);
    return response.json().totalTrained;
  }
  let count = 0;
  let total: number | undefined;
  let cursor: string | null = null;
  params.set('limit', '200');
  do {
    if (cursor) params.set('cursor', cursor);
    const response = await agent.get(`/api${path}?${params}`);
    expect(response.statusCode, `${link}: ${response.body}`).toBe(200);
    const page = response.json();
    if (!cursor) total = page.total;
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  expect(total, `the total of ${link}`).toBe(count);
  return count;
}

async function expectFiguresAreTheirRecords(agent: Agent, query: string) {
  const response = await agent.get(`/api/reports/dashboard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const mismatches: string[] = [];
  for (const figure of figuresOf(response.json())) {
    const records = await recordsBehind(agent, figure.link);
    if (records !== figure.value) mismatches.push(`${query}: ${figure.name} is ${figure.value}, but ${figure.link} lists ${records}`);
  }
  expect(mismatches).toEqual([]);
}

function filterCombinations(program: GeneratedProgram, year: number): string[] {
  const partner = program.organizations[0]?.id as string;
  const combos: Record<string, string>[] = [
    {},
    { track: 'policing' },
    { track: 'corrections' },
    { country: 'HT' },
    { country: 'US' },
    { organizationId: partner },
    { track: 'policing', country: 'HT' },
    { track: 'corrections', country: 'SV', organizationId: partner },
  ];
  return combos.map((combo) => new URLSearchParams({ year: String(year), ...combo }).toString());
}

describe.each([7, 2010, 31337])('figures on a generated program (seed %i)', (seed) => {
  let t: TestApp;
  let officer: Agent;
  let program: GeneratedProgram;

  beforeAll(async () => {
    t = await createTestApp();
    program = await generateProgram(t.testDb.database.db, seed);
    officer = await agentFor(t, 'program_officer');
  }, 120_000);
  afterAll(() => t.close());

  it.each([2009, 2010, 2011])('every figure of %i equals the list its link opens, under each filter', async (year) => {
    for (const query of filterCombinations(program, year)) await expectFiguresAreTheirRecords(officer, query);
  });

  it('the generated program has something to count', async () => {
    const d = (await officer.get('/api/reports/dashboard?year=2010')).json();
    const all = figuresOf(d).map((f) => f.value);
    expect(all.some((value) => value > 0)).toBe(true);
  });
});

describe('figures on the 2010 demo program', () => {
  let t: TestApp;
  let officer: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    await seedProgram2010(t.services, t.system);
    officer = await agentFor(t, 'program_officer');
  }, 300_000);
  afterAll(() => t.close());

  it('certified instructors open the certifications held at the end of 2010', async () => {
    const d = (await officer.get('/api/reports/dashboard?year=2010')).json();
    expect(d.instructors.active).toBeGreaterThan(0);
    expect(d.instructors.link).toContain('activeOn=2010-12-31');
    expect(d.instructors.link).toContain('credentialLevel=instructor');
    expect(await recordsBehind(officer, d.instructors.link)).toBe(d.instructors.active);
  });

  it('people trained open people, not offerings', async () => {
    const d = (await officer.get('/api/reports/dashboard?year=2010')).json();
    expect(d.trained.link.startsWith('/people?')).toBe(true);
    expect(await recordsBehind(officer, d.trained.link)).toBe(d.trained.total);
  });

  it('partners are counted and linked as they stood at the end of the year', async () => {
    const d = (await officer.get('/api/reports/dashboard?year=2010')).json();
    expect(d.partners.link).toContain('asOf=2010-12-31');
    expect(await recordsBehind(officer, d.partners.link)).toBe(d.partners.total);
  });

  it('policing in Haiti filters the cascade, meetings, follow-ups and partners', async () => {
    const all = (await officer.get('/api/reports/dashboard?year=2010')).json();
    const haiti = (await officer.get('/api/reports/dashboard?year=2010&track=policing&country=HT')).json();
    // The cascade's 2010 training was corrections training in El Salvador and Brazil: none of it is policing in Haiti.
    expect(all.cascade.totalTrained).toBeGreaterThan(0);
    expect(haiti.cascade.totalTrained).toBe(0);
    expect(haiti.cascade.link).toBe('/cascade?year=2010&track=policing&country=HT');
    for (const link of [haiti.engagements.link, haiti.overdueFollowUps.link, haiti.partners.link]) {
      expect(link).toContain('track=policing');
      expect(link).toContain('country=HT');
    }
    expect(haiti.partners.total).toBeLessThan(all.partners.total);
    await expectFiguresAreTheirRecords(officer, 'year=2010&track=policing&country=HT');
    await expectFiguresAreTheirRecords(officer, 'year=2010');
  });
});
