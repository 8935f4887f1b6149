import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../harness.js';
import { readIatiActivities } from '../support/iati.js';
import { indexOf, type Index, plainDashboard, readTables } from './recompute.js';
import { cascadeEdges, plainProgramCascade, plainReach, sortedRows } from './recompute-cascade.js';
import { plainIati, plainYearReport } from './recompute-reports.js';
import type { Database } from '../../src/platform/db/database.js';

/**
 * Correctness at scale: on a generated program, the dashboard, the cascade, the year report and
 * the IATI file, read through the API, state exactly what a plain recomputation from the rows
 * gives (test/scale/recompute*.ts). Each difference is listed with its figure, filter and both
 * values, so a failure names the bug.
 */

/** A difference between the service and the recomputation, or nothing. */
function differ(where: string, service: unknown, plain: unknown): string[] {
  return JSON.stringify(service) === JSON.stringify(plain) ? [] : [`${where}: service ${JSON.stringify(service)}, recomputed ${JSON.stringify(plain)}`];
}

type Row = Record<string, unknown>;
/** Rows keyed by one of their fields, in key order, each reduced to what is compared. */
const byKey = <T extends Row>(rows: readonly T[], key: keyof T, pick: (row: T) => unknown) =>
  Object.fromEntries([...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key]))).map((row) => [row[key], pick(row)]));
const sortedObject = (o: unknown) => Object.fromEntries(Object.entries(o as Row).sort(([a], [b]) => a.localeCompare(b)));

/** What to check: a program written into the database, the years to read, and the app's today. */
export interface ScaleCase {
  name: string;
  generate(database: Database): Promise<unknown>;
  years: readonly number[];
  today: string;
  /** How many of the filter combinations to read (all eight unless fewer are asked for). */
  filters?: number;
  /** How many instructors' reach to read. */
  instructors?: number;
  /** Whether to open the lists behind the figures (every page of each). */
  links?: boolean;
}

/** A big program's reads take seconds each on a loaded machine. */
const SLOW = 120_000;

/** Filters over what the program holds: the countries most trained in, and partners with the most people trained. */
function filterCombinations(ix: Index): Record<string, string>[] {
  const countries = new Map<string, number>();
  const partners = new Map<string, number>();
  for (const tr of ix.trainings) {
    countries.set(tr.offering.country, (countries.get(tr.offering.country) ?? 0) + 1);
    const org = ix.orgOfPerson(tr.person);
    if (org !== ix.office?.id) partners.set(org, (partners.get(org) ?? 0) + 1);
  }
  const [c1 = 'US', c2 = 'HT'] = [...countries].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const [p1 = '', p2 = ''] = [...partners].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  return [
    {},
    { country: c1 },
    { organizationId: p1 },
    { track: 'policing', country: c2 },
    { track: 'corrections', country: ix.orgById.get(p2)?.country as string, organizationId: p2 },
    { track: 'policing' },
    { track: 'corrections' },
    { country: 'US' },
  ];
}

/** Instructors to follow: the program office's own and a spread of partner people who taught. */
function instructorSample(ix: Index): string[] {
  const taught = [...new Set(ix.t.offering_instructors.map((oi) => oi.person_id))].sort();
  const staff = taught.filter((id) => ix.orgOfPerson(id) === ix.office?.id).slice(0, 3);
  const partners = taught.filter((id) => ix.orgOfPerson(id) !== ix.office?.id);
  return [...staff, ...partners.filter((_, i) => i % Math.max(1, Math.floor(partners.length / 8)) === 0)];
}

async function json(agent: Agent, url: string) {
  const response = await agent.get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json();
}

/** How many records the list behind a dashboard link holds, every page read. */
async function recordsBehind(agent: Agent, link: string): Promise<number> {
  const [path, query = ''] = link.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  params.set('limit', '200');
  let count = 0;
  let cursor: string | null = null;
  do {
    if (cursor) params.set('cursor', cursor);
    const page = await json(agent, `/api${path}?${params}`);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

export function describeFiguresAtScale({ name, generate, years, today: TODAY, filters = 8, instructors = 12, links = true }: ScaleCase) {
  describe(`figures on ${name}`, () => {
    let t: TestApp;
    let officer: Agent;
    let ix: Index;
    let edges: ReturnType<typeof cascadeEdges>;

    beforeAll(async () => {
      t = await createTestApp({ now: `${TODAY}T12:00:00Z` });
      const started = performance.now();
      await generate(t.testDb.database);
      const generated = performance.now();
      ix = indexOf(await readTables(t.testDb.database.db));
      edges = cascadeEdges(ix);
      // The sizes and timings, for the report of a run (no thresholds: timing is the bench's).
      process.stdout.write(
        `${name} (${process.env.CADRE_TEST_DATABASE ?? 'sqlite'}): ${ix.t.people.length} people, ${ix.t.offerings.length} offerings, ${ix.t.enrollments.length} enrollments, ${edges.length} cascade edges; generated in ${Math.round(generated - started)} ms, read in ${Math.round(performance.now() - generated)} ms\n`,
      );
      officer = await agentFor(t, 'program_officer');
    }, SLOW);
    afterAll(() => t?.close());

    it('the generated program has a deep cascade and people trained in most years read', () => {
      const whole = plainProgramCascade(ix, edges, {});
      expect(whole.generations.length).toBeGreaterThan(3);
      expect(years.map((year) => plainDashboard(ix, { year }, TODAY).trained.total).filter((n) => n > 0).length).toBeGreaterThan(years.length / 2);
    }, SLOW);

    it('the dashboard of every year, under each filter, is the recomputation', async () => {
      const mismatches: string[] = [];
      for (const year of years) {
        for (const combo of filterCombinations(ix).slice(0, filters)) {
          const query = new URLSearchParams({ year: String(year), ...combo }).toString();
          const d = await json(officer, `/api/reports/dashboard?${query}`);
          const plain = plainDashboard(ix, { year, ...combo }, TODAY);
          const cascade = plainProgramCascade(ix, edges, { year, ...combo });
          const at = (figure: string) => `${figure} [${query}]`;
          mismatches.push(
            ...differ(at('partners'), d.partners.total, plain.partners.total),
            ...differ(at('partners by kind and stage'), byKey(d.partners.byKind, 'kind', (r) => sortedObject(r.stages)), sortedObject(Object.fromEntries(Object.entries(plain.partners.byKind).map(([k, v]) => [k, sortedObject(v)])))),
            ...differ(at('engagements'), d.engagements.count, plain.engagements),
            ...differ(at('overdue follow-ups'), d.overdueFollowUps.count, plain.overdueFollowUps),
            ...differ(at('deployments'), d.deployments.count, plain.deployments.count),
            ...differ(at('in country'), d.deployments.inCountryNow, plain.deployments.inCountryNow),
            ...differ(at('person-days'), d.deployments.personDays, plain.deployments.personDays),
            ...differ(at('instructors'), d.instructors.active, plain.instructors.active),
            ...differ(at('instructors expiring'), d.instructors.expiringWithin90Days, plain.instructors.expiringWithin90Days),
            ...differ(at('people trained'), d.trained.total, plain.trained.total),
            ...differ(at('trained by country and sex'), byKey(d.trained.byCountry, 'country', ({ total, female, male, unrecorded }) => ({ total, female, male, unrecorded })), byKey(Object.values(plain.trained.byCountry), 'country', ({ total, female, male, unrecorded }) => ({ total, female, male, unrecorded }))),
            ...differ(at('countries assisted'), byKey(d.countriesAssisted, 'country', (r) => ({ deployments: r.deployments, peopleTrained: r.peopleTrained })), sortedObject(plain.countriesAssisted)),
            ...differ(at('cascade trained'), d.cascade.totalTrained, cascade.totalTrained),
            ...differ(at('cascade multiplier'), d.cascade.multiplier, cascade.multiplier),
            ...differ(at('cascade generations'), d.cascade.generations, cascade.generations),
          );
        }
      }
      expect(mismatches).toEqual([]);
    }, SLOW);

    it('the cascade table, whole and filtered, is the recomputation', async () => {
      const mismatches: string[] = [];
      const combos: Record<string, string>[] = [{}, ...filterCombinations(ix).slice(0, filters).slice(1), { year: String(years[0]) }, { year: String(years.at(-1)), track: 'policing' }];
      for (const combo of combos) {
        const query = new URLSearchParams(combo).toString();
        const c = await json(officer, `/api/cascade?${query}`);
        const plain = plainProgramCascade(ix, edges, { ...combo, year: combo.year ? Number(combo.year) : undefined });
        mismatches.push(
          ...differ(`generations [${query}]`, c.generations, plain.generations),
          ...differ(`total trained [${query}]`, c.totalTrained, plain.totalTrained),
          ...differ(`multiplier [${query}]`, c.multiplier, plain.multiplier),
          ...differ(`trained by generation 0 [${query}]`, c.trainedByGenerationZero, plain.trainedByGenerationZero),
          ...differ(`by country [${query}]`, sortedRows(c.byCountry), sortedRows(plain.byCountry)),
          ...differ(`by year [${query}]`, sortedRows(c.byYear), sortedRows(plain.byYear)),
        );
      }
      expect(mismatches).toEqual([]);
    }, SLOW);

    it('instructors’ reach is the recomputation', async () => {
      const mismatches: string[] = [];
      for (const id of instructorSample(ix).slice(0, instructors)) {
        const c = await json(officer, `/api/cascade/instructors/${id}?maxNodes=1`);
        const plain = plainReach(edges, id);
        mismatches.push(...differ(`reach of ${id}`, c.reach, plain.reach), ...differ(`reach by depth of ${id}`, c.byDepth, plain.byDepth));
      }
      expect(mismatches).toEqual([]);
    }, SLOW);

    it('the year report states the recomputed figures', async () => {
      const mismatches: string[] = [];
      for (const year of years) {
        const r = await json(officer, `/api/reports/year/${year}?format=json`);
        const plain = plainYearReport(ix, year, TODAY);
        const cascade = plainProgramCascade(ix, edges, { year });
        const at = (figure: string) => `${year} ${figure}`;
        const training = r.training;
        mismatches.push(
          ...differ(at('partners'), r.partners.length, plain.partners),
          ...differ(at('partners by kind'), byKey(r.partnersByKind, 'kind', (k) => sortedObject(k.stages)), sortedObject(Object.fromEntries(Object.entries(plain.partnersByKind).map(([k, v]) => [k, sortedObject(v)])))),
          ...differ(at('meetings'), r.engagements.length, plain.engagements),
          ...differ(at('deployments'), sortedRows(r.deployments.map(({ title, hostCountry, officers, personDaysInYear }: Record<string, unknown>) => ({ title, hostCountry, officers, personDaysInYear }))), sortedRows(plain.deployments)),
          ...differ(at('instructors certified'), training.instructorsCertified, plain.training.instructorsCertified),
          ...differ(at('instructors holding'), training.instructorsHoldingAtYearEnd, plain.training.instructorsHoldingAtYearEnd),
          ...differ(at('instructors holding by track'), training.instructorsHoldingByTrack, plain.training.instructorsHoldingByTrack),
          ...differ(at('people trained'), training.peopleTrained, plain.training.peopleTrained),
          ...differ(at('domestic instructors by agency'), sortedRows(training.domesticInstructorsByAgency), sortedRows(plain.training.domesticInstructorsByAgency)),
          ...differ(at('training abroad'), sortedRows(training.abroad), sortedRows(plain.training.abroad)),
          ...differ(at('trained by country and sex'), sortedRows(training.trainedByCountryAndSex), sortedRows(plain.training.trainedByCountryAndSex)),
          ...differ(at('countries assisted'), sortedRows(r.countriesAssisted), sortedRows(plain.countriesAssisted)),
          ...differ(at('cascade generations'), r.cascade.generations, cascade.generations),
          ...differ(at('cascade by country'), sortedRows(r.cascade.byCountry), sortedRows(cascade.byCountry)),
          ...differ(at('cascade total'), r.cascade.totalTrained, cascade.totalTrained),
          ...differ(at('cascade multiplier'), r.cascade.multiplier, cascade.multiplier),
        );
      }
      expect(mismatches).toEqual([]);
    }, SLOW);

    it('the IATI file of every year counts what the recomputation counts', async () => {
      const mismatches: string[] = [];
      for (const year of years) {
        const plain = plainIati(ix, year, TODAY);
        const response = await officer.get(`/api/reports/iati?year=${year}`);
        expect(response.statusCode, response.body.slice(0, 500)).toBe(plain.length === 0 ? 422 : 200);
        if (plain.length === 0) continue;
        const read = readIatiActivities(response.body);
        const service = Object.fromEntries(read.map((a) => [a.identifier.replace(/^.*-CADRE-/, ''), sortedObject(a.indicators)]));
        mismatches.push(...differ(`${year} activities`, Object.keys(service).sort(), plain.map((a) => a.key).sort()));
        for (const activity of plain) mismatches.push(...differ(`${year} ${activity.key}`, service[activity.key], sortedObject(activity.indicators)));
      }
      expect(mismatches).toEqual([]);
    }, SLOW);

    if (links) it('a sample of figures equals the count of the list its link opens', async () => {
      const mismatches: string[] = [];
      for (const year of [years[0] as number, years.at(-1) as number]) {
        for (const combo of filterCombinations(ix).slice(0, filters).slice(0, 6)) {
          const query = new URLSearchParams({ year: String(year), ...combo }).toString();
          const d = await json(officer, `/api/reports/dashboard?${query}`);
          const sample: [string, number, string][] = [
            ['partners', d.partners.total, d.partners.link],
            ['engagements', d.engagements.count, d.engagements.link],
            ['deployments', d.deployments.count, d.deployments.link],
            ['instructors', d.instructors.active, d.instructors.link],
            ['people trained', d.trained.total, d.trained.link],
          ];
          for (const [name, value, link] of sample) mismatches.push(...differ(`${name} [${query}] vs ${link}`, value, await recordsBehind(officer, link)));
        }
      }
      expect(mismatches).toEqual([]);
    }, SLOW);
  });
}
