import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { buildGraph, downstream, generations, programCascade } from './cascade.graph.js';
import { rebuildCascade } from './cascade.rebuild.js';

/**
 * Upkeep against the full recomputation: random sequences of changes made through the services
 * (offerings closed with completions and failures, withdrawals, instructors set and removed,
 * cancellations, people moved into and out of the program office, an agency made a program
 * office and back, a course's track changed, cycles), checking after every step that the
 * maintained tables (the experience by track kept with them included) are what a recomputation
 * from the raw rows writes, and that the figures equal cascade.graph.ts's.
 */

let t: TestApp;
const PEOPLE = 6;
const ids: string[] = [];
let office = '';
let agency = '';
let courseId = '';
let day = 0;

beforeAll(async () => {
  t = await createTestApp({ now: '2012-01-15T12:00:00Z' });
  office = (await buildOrganization(t.services, t.system, { kind: 'program_office', name: 'Upkeep Test Office' })).id;
  agency = (await buildOrganization(t.services, t.system, { name: 'Upkeep Test Agency' })).id;
  for (let i = 0; i < PEOPLE; i += 1) ids.push((await buildPerson(t.services, t.system, { organizationId: i === 0 ? office : agency })).id);
  courseId = (await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 50 })).course.id;
});
afterAll(() => t.close());

type Op =
  | { kind: 'train'; instructors: number[]; extra: number; trainees: number[]; failed: number[]; withdrawn: number[]; cancel: boolean; country: string; year: number }
  | { kind: 'move'; person: number; toOffice: boolean }
  | { kind: 'agencyKind'; isOffice: boolean }
  | { kind: 'track'; track: 'policing' | 'corrections' };

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('train' as const), instructors: fc.uniqueArray(person, { minLength: 1, maxLength: 2 }), extra: person, trainees: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }), failed: fc.array(person, { maxLength: 1 }), withdrawn: fc.array(person, { maxLength: 1 }), cancel: fc.boolean().map((b) => b && Math.random() < 0.3), country: fc.constantFrom('US', 'SV'), year: fc.constantFrom(2010, 2011) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), person, toOffice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('agencyKind' as const), isOffice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('track' as const), track: fc.constantFrom('policing' as const, 'corrections' as const) }) },
);

async function apply(op: Op): Promise<void> {
  const { services, system: ctx } = t;
  if (op.kind === 'move') {
    const current = await services.people.get(ctx, ids[op.person] as string);
    await services.people.update(ctx, current.id, current.version as number, { organizationId: op.toOffice ? office : agency });
    return;
  }
  if (op.kind === 'agencyKind') {
    const current = await services.organizations.get(ctx, agency);
    await services.organizations.update(ctx, agency, current.version, { kind: op.isOffice ? 'program_office' : 'state_corrections' });
    return;
  }
  if (op.kind === 'track') {
    const current = await services.catalog.getCourse(ctx, courseId);
    await services.catalog.updateCourse(ctx, courseId, current.version, { track: op.track });
    return;
  }
  // Each offering on days of its own: nobody's enrollments clash.
  day += 2;
  const on = (offset: number) => new Date(Date.UTC(op.year, 0, day + offset)).toISOString().slice(0, 10);
  let offering = await services.offerings.schedule(ctx, { courseId, startOn: on(0), endOn: on(1), country: op.country, capacity: 10, isUsFunded: false, isRefresher: false });
  for (const i of [...op.instructors, op.extra]) offering = await services.offerings.setInstructor(ctx, offering.id, offering.version, { personId: ids[i] as string, role: 'lead' });
  if (!op.instructors.includes(op.extra)) offering = await services.offerings.removeInstructor(ctx, offering.id, offering.version, ids[op.extra] as string);
  for (const i of op.trainees.filter((p) => !op.instructors.includes(p))) {
    const enrollment = await services.enrollments.enroll(ctx, offering.id, ids[i] as string);
    const result = op.withdrawn.includes(i) ? { status: 'withdrawn' as const } : { attendancePercent: op.failed.includes(i) ? 0 : 100 };
    await services.enrollments.recordResult(ctx, offering.id, enrollment.id, enrollment.version, result);
  }
  const version = (await services.offerings.get(ctx, offering.id)).version;
  if (op.cancel) await services.offerings.update(ctx, offering.id, version, { status: 'cancelled', cancelReason: 'The venue closed.' });
  else await services.enrollments.close(ctx, offering.id, version, services.address.url);
}

async function snapshot() {
  const db = t.testDb.database.db;
  const edges = await db.selectFrom('cascade_edges').selectAll().orderBy('enrollment_id').orderBy('instructor_id').execute();
  const people = await db.selectFrom('cascade_generations').selectAll().orderBy('person_id').execute();
  const experience = await db.selectFrom('track_experience').selectAll().orderBy('offering_id').orderBy('person_id').execute();
  return { edges: edges.map((e) => ({ ...e, end_on: String(e.end_on) })), people, experience };
}

/** Who completed or taught which offering, of which track, from the raw rows. */
async function rawExperience() {
  const db = t.testDb.database.db;
  const completed = await db.selectFrom('enrollments as e').innerJoin('offerings as o', 'o.id', 'e.offering_id').innerJoin('courses as c', 'c.id', 'o.course_id')
    .select(['e.offering_id', 'e.person_id', 'c.track']).where('e.status', '=', 'completed').execute();
  const taught = await db.selectFrom('offering_instructors as oi').innerJoin('offerings as o', 'o.id', 'oi.offering_id').innerJoin('courses as c', 'c.id', 'o.course_id')
    .select(['oi.offering_id', 'oi.person_id', 'c.track']).execute();
  const rows = new Map([...completed, ...taught].map((r) => [`${r.offering_id} ${r.person_id}`, r]));
  return [...rows.values()].sort((a, b) => a.offering_id.localeCompare(b.offering_id) || a.person_id.localeCompare(b.person_id));
}

/**
 * The edges and roots from the raw rows, for cascade.graph.ts; in the order the tree is drawn
 * from: by end date, then trainee, then country (the first to reach someone is their parent).
 */
async function rawGraph() {
  const db = t.testDb.database.db;
  const rows = await sql<{ instructor: string; trainee: string; country: string; end_on: string; track: string }>`
    SELECT oi.person_id AS instructor, e.person_id AS trainee, o.country, CAST(o.end_on AS text) AS end_on, c.track
    FROM enrollments e JOIN offerings o ON o.id = e.offering_id JOIN offering_instructors oi ON oi.offering_id = e.offering_id JOIN courses c ON c.id = o.course_id
    WHERE e.status = 'completed' AND o.status <> 'cancelled' ORDER BY o.end_on, e.person_id, o.country`.execute(db);
  const roots = await sql<{ id: string }>`SELECT p.id FROM people p JOIN organizations g ON g.id = p.organization_id WHERE g.kind = 'program_office'`.execute(db);
  const graph = buildGraph(rows.rows.map((r) => ({ instructor: r.instructor, trainee: r.trainee, country: r.country, year: Number(r.end_on.slice(0, 4)), track: r.track })));
  return { graph, roots: roots.rows.map((r) => r.id) };
}

async function expectInStep(): Promise<void> {
  const { graph, roots } = await rawGraph();
  const { services, system: ctx } = t;
  // The reaches first: this server's graph has only caught up from the change log since the last rebuild.
  for (const id of ids) {
    const tree = downstream(graph, id);
    const reach = await services.cascade.instructor(ctx, id, { maxNodes: 50 });
    expect(reach.reach).toBe(tree.size);
    expect(reach.nodes.map((n) => [n.personId, n.depth, n.parentId, n.country, n.year])).toEqual([...tree].map(([p, n]) => [p, n.depth, n.parent, n.country, n.year]));
  }
  const kept = await snapshot();
  expect(kept.experience).toEqual(await rawExperience());
  await rebuildCascade(t.testDb.database.db);
  expect(kept).toEqual(await snapshot());
  const stored = new Map(kept.people.map((p) => [p.person_id, Number(p.generation)]));
  expect(stored).toEqual(generations(graph, roots));
  for (const filter of [{}, { year: 2011 }, { year: 2010, track: 'corrections', country: 'SV' }]) {
    const result = await services.cascade.program(ctx, filter);
    const expected = programCascade(graph, roots, filter);
    expect({ generations: result.generations, byCountry: result.byCountry, byYear: result.byYear, totalTrained: result.totalTrained, multiplier: result.multiplier }).toEqual({
      generations: expected.generations,
      byCountry: expected.byCountry,
      byYear: expected.byYear,
      totalTrained: expected.totalTrained,
      multiplier: expected.multiplier,
    });
    const totals = await services.cascade.totals(ctx, filter);
    expect(totals).toEqual({ generations: expected.generations, totalTrained: expected.totalTrained, trainedByGenerationZero: expected.trainedByGenerationZero, multiplier: expected.multiplier });
  }
  const result = await services.cascade.program(ctx, { organizationId: agency });
  const inAgency = new Set((await t.testDb.database.db.selectFrom('people').select('id').where('organization_id', '=', agency).execute()).map((r) => r.id));
  expect(result.totalTrained).toBe(programCascade(graph, roots, { trainees: inAgency }).totalTrained);
  // The rebuild asked every graph in memory to be read whole: reading it now leaves the next step's reaches to the change log.
  await services.cascade.instructor(ctx, ids[0] as string, { maxNodes: 1 });
}

describe('cascade upkeep', () => {
  it('keeps the tables and figures equal to a full recomputation after every change, cycles included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const op of ops) {
          await apply(op);
          await expectInStep();
        }
      }),
      { numRuns: 6 },
    );
  });
});
