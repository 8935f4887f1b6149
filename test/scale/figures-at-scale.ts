import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../harness.js';
import { readIatiActivities } from '../support/iati.js';
import { indexOf, type Index, plainDashboard, readTables } from './recompute.js';
import { cascadeEdges, plainProgramCascade, plainReach, sortedRows } from './recompute-cascade.js';
import { plainIati, plainYearReport } from './recompute-reports.js';
import { generateScaledProgram, SCALE_YEARS, type Scale, type ScaledProgram } from './scaled-program.js';

/**
 * Correctness at scale: on a generated program, the dashboard, the cascade, the year report and
 * the IATI file, read through the API, state exactly what a plain recomputation from the rows
 * gives (test/scale/recompute*.ts). Each difference is listed with its figure, filter and both
 * values, so a failure names the bug.
 */

const TODAY = '2026-11-28';

/** A difference between the service and the recomputation, or nothing. */
function differ(where: string, service: unknown, plain: unknown): string[] {
  return JSON.stringify(service) === JSON.stringify(plain) ? [] : [`${where}: service ${JSON.stringify(service)}, recomputed ${JSON.stringify(plain)}`];
}

type Row = Record<string, unknown>;
/** Rows keyed by one of their fields, in key order, each reduced to what is compared. */
const byKey = <T extends Row>(rows: readonly T[], key: keyof T, pick: (row: T) => unknown) =>
  Object.fromEntries([...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key]))).map((row) => [row[key], pick(row)]));
const sortedObject = (o: unknown) => Object.fromEntries(Object.entries(o as Row).sort(([a], [b]) => a.localeCompare(b)));

function filterCombinations(program: ScaledProgram): Record<string, string>[] {
  const [first, second] = program.partners;
  return [
    {},
    { track: 'policing' },
    { track: 'corrections' },
    { country: 'HT' },
    { country: 'US' },
    { organizationId: first?.id as string },
    { track: 'policing', country: 'SV' },
    { track: 'corrections', country: second?.country as string, organizationId: second?.id as string },
  ];
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

export function describeFiguresAtScale(scale: Scale, seed: number) {
  describe(`figures on a ${scale} generated program (seed ${seed})`, () => {
    let t: TestApp;
    let officer: Agent;
    let program: ScaledProgram;
    let ix: Index;
    let edges: ReturnType<typeof cascadeEdges>;

    beforeAll(async () => {
      t = await createTestApp({ now: `${TODAY}T12:00:00Z` });
      const started = performance.now();
      program = await generateScaledProgram(t.testDb.database.db, scale, seed);
      const generated = performance.now();
      ix = indexOf(await readTables(t.testDb.database.db));
      edges = cascadeEdges(ix);
      // The sizes and timings, for the report of a run (no thresholds: timing is the bench's).
      process.stdout.write(
        `${scale} (${process.env.CADRE_TEST_DATABASE ?? 'sqlite'}): ${ix.t.people.length} people, ${ix.t.offerings.length} offerings, ${ix.t.enrollments.length} enrollments, ${edges.length} cascade edges; generated in ${Math.round(generated - started)} ms, read in ${Math.round(performance.now() - generated)} ms\n`,
      );
      officer = await agentFor(t, 'program_officer');
    }, 120_000);
    afterAll(() => t?.close());

    it('the generated program has a deep cascade and something to count every year', () => {
      const whole = plainProgramCascade(ix, edges, {});
      expect(whole.generations.length).toBeGreaterThan(3);
      for (const year of SCALE_YEARS) expect(plainDashboard(ix, { year }, TODAY).trained.total).toBeGreaterThan(0);
    });

    it('the dashboard of every year, under each filter, is the recomputation', async () => {
      const mismatches: string[] = [];
      for (const year of SCALE_YEARS) {
        for (const combo of filterCombinations(program)) {
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
    });

    it('the cascade table, whole and filtered, is the recomputation', async () => {
      const mismatches: string[] = [];
      const combos: Record<string, string>[] = [{}, ...filterCombinations(program).slice(1), { year: '2024' }, { year: '2026', track: 'policing' }];
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
    });

    it('instructors’ reach is the recomputation', async () => {
      const mismatches: string[] = [];
      const sample = [...program.staff, ...program.partnerInstructors.filter((_, i) => i % Math.max(1, Math.floor(program.partnerInstructors.length / 8)) === 0)];
      for (const id of sample) {
        const c = await json(officer, `/api/cascade/instructors/${id}?maxNodes=1`);
        const plain = plainReach(edges, id);
        mismatches.push(...differ(`reach of ${id}`, c.reach, plain.reach), ...differ(`reach by depth of ${id}`, c.byDepth, plain.byDepth));
      }
      expect(mismatches).toEqual([]);
    });

    it('the year report states the recomputed figures', async () => {
      const mismatches: string[] = [];
      for (const year of SCALE_YEARS) {
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
    });

    it('the IATI file of every year counts what the recomputation counts', async () => {
      const mismatches: string[] = [];
      for (const year of SCALE_YEARS) {
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
    });

    it('a sample of figures equals the count of the list its link opens', async () => {
      const mismatches: string[] = [];
      for (const year of [2023, 2026]) {
        for (const combo of filterCombinations(program).slice(0, 6)) {
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
    });
  });
}
