import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { cascadeChanges } from './cascade.changes.repository.js';
import { createCascadeFollower } from './cascade.follower.js';
import type { LiveGraph } from './cascade.live-graph.js';

/**
 * A second server's graph in memory, following the changes the first server makes: caught up
 * from the change log, and read whole when the log no longer reaches back to what it holds.
 */

let t: TestApp;
const people: string[] = [];
let courseId = '';
let day = 0;

beforeAll(async () => {
  t = await createTestApp({ now: '2012-01-15T12:00:00Z' });
  const agency = (await buildOrganization(t.services, t.system, { name: 'Follower Test Agency' })).id;
  for (let i = 0; i < 6; i += 1) people.push((await buildPerson(t.services, t.system, { organizationId: agency })).id);
  courseId = (await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 50 })).course.id;
});
afterAll(() => t.close());

/** An offering taught by `instructor`, closed with everyone in `trainees` trained. */
async function train(instructor: number, trainees: number[], country = 'SV'): Promise<void> {
  const { services, system: ctx } = t;
  day += 2;
  const on = (offset: number) => new Date(Date.UTC(2011, 0, day + offset)).toISOString().slice(0, 10);
  let offering = await services.offerings.schedule(ctx, { courseId, startOn: on(0), endOn: on(1), country, capacity: 10, isUsFunded: false, isRefresher: false });
  offering = await services.offerings.setInstructor(ctx, offering.id, offering.version, { personId: people[instructor] as string, role: 'lead' });
  for (const i of trainees) {
    const enrollment = await services.enrollments.enroll(ctx, offering.id, people[i] as string);
    await services.enrollments.recordResult(ctx, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  }
  await services.enrollments.close(ctx, offering.id, (await services.offerings.get(ctx, offering.id)).version, services.address.url);
}

/** Every person's reach, as a graph read whole from the database draws it. */
async function everyReach(graph: LiveGraph) {
  return people.map((id) => {
    const reach = graph.reach(id, Number.MAX_SAFE_INTEGER);
    return { total: reach.total, byDepth: [...reach.byDepth], byCountry: [...reach.byCountry], nearest: reach.nearest };
  });
}

const reached = (graph: LiveGraph, person: number) => graph.reach(people[person] as string, Number.MAX_SAFE_INTEGER).nearest.map((n) => n.personId);

const wholeGraph = () => createCascadeFollower(t.testDb.database.db).graph();

describe('a server’s cascade graph in memory', () => {
  it('follows the changes another server commits, pair by pair', async () => {
    const second = createCascadeFollower(t.testDb.database.db);
    await train(0, [1, 2]);
    const graph = await second.graph();
    expect(reached(graph, 0).sort()).toEqual([people[1], people[2]].sort());

    await train(1, [3], 'HT');
    await train(3, [0]); // A cycle: the first instructor is trained in turn.
    const caughtUp = await second.graph();
    expect(caughtUp).toBe(graph);
    expect(reached(caughtUp, 0)).toContain(people[3]);
    expect(reached(caughtUp, 0)).not.toContain(people[0]);
    expect(await everyReach(caughtUp)).toEqual(await everyReach(await wholeGraph()));
  });

  it('reads the cascade whole when the log no longer holds what it missed, or went back', async () => {
    const second = createCascadeFollower(t.testDb.database.db);
    const held = await second.graph();
    const db = t.testDb.database.db;

    // Two changes, the first of them pruned before this server looked.
    await train(2, [4]);
    await train(4, [5]);
    const { seq } = (await db.selectFrom('cascade_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()) as { seq: number };
    await db.deleteFrom('cascade_changes').where('seq', '<', Number(seq)).execute();
    const reread = await second.graph();
    expect(reread).not.toBe(held);
    expect(reached(reread, 2)).toEqual([people[4], people[5]]);

    // A restored database starts its log again from nothing.
    await db.deleteFrom('cascade_changes').execute();
    await train(5, [1]);
    const afterRestore = await second.graph();
    expect(afterRestore).not.toBe(reread);
    expect(await everyReach(afterRestore)).toEqual(await everyReach(await wholeGraph()));
  });

  it('prunes changes two thousand numbers back, at every two hundredth', async () => {
    const db = t.testDb.database.db;
    await db.deleteFrom('cascade_changes').execute();
    await db.insertInto('cascade_changes').values([{ seq: 150, instructor_id: people[0] as string, trainee_id: people[1] as string }, { seq: 2199, instructor_id: people[0] as string, trainee_id: people[2] as string }]).execute();
    await db.transaction().execute((trx) => cascadeChanges(trx).record([{ instructor: people[1] as string, trainee: people[3] as string }]));
    const left = await db.selectFrom('cascade_changes').select('seq').orderBy('seq').execute();
    expect(left.map((r) => Number(r.seq))).toEqual([2199, 2200]);
  });
});
