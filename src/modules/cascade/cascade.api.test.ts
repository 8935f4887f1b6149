import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import { newId } from '../../platform/ids.js';
import { rebuildCascade } from './cascade.rebuild.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2011-01-15T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

/** Writes a cascade straight into the tables, one closed offering per instructor and year, then recomputes the maintained cascade as a bulk load does. */
async function writeCascade(edges: { from: number; to: number; country: string; year: number }[], peopleIds: string[], courseId: string, courseVersionId: string) {
  const db = t.testDb.database.db;
  const now = new Date().toISOString();
  const offerings = new Map<string, string>();
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    const key = `${edge.from}|${edge.country}|${edge.year}`;
    let offeringId = offerings.get(key);
    if (!offeringId) {
      offeringId = newId();
      offerings.set(key, offeringId);
      await db
        .insertInto('offerings')
        .values({ id: offeringId, course_id: courseId, course_version_id: courseVersionId, start_on: `${edge.year}-03-01`, end_on: `${edge.year}-03-05`, country: edge.country, capacity: 100, status: 'closed', created_at: now, updated_at: now })
        .execute();
      await db.insertInto('offering_instructors').values({ offering_id: offeringId, person_id: peopleIds[edge.from] as string, role: 'lead' }).execute();
    }
    const exists = await db.selectFrom('enrollments').select('id').where('offering_id', '=', offeringId).where('person_id', '=', peopleIds[edge.to] as string).executeTakeFirst();
    if (!exists) {
      await db.insertInto('enrollments').values({ id: newId(), offering_id: offeringId, person_id: peopleIds[edge.to] as string, status: 'completed', created_at: now, updated_at: now }).execute();
    }
  }
  await rebuildCascade(db);
}

async function clearCascade() {
  const db = t.testDb.database.db;
  await db.deleteFrom('enrollments').execute();
  await db.deleteFrom('offering_instructors').execute();
  await db.deleteFrom('offerings').execute();
  await rebuildCascade(db);
}

describe('the cascade through the API', () => {
  it('agrees with a plain breadth-first search on reach and multiplier, for random cascades with cycles', async () => {
    const office = await buildOrganization(t.services, t.system, { kind: 'program_office', name: 'Cascade Test Office' });
    const agency = await buildOrganization(t.services, t.system);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push((await buildPerson(t.services, t.system, { organizationId: i < 2 ? office.id : agency.id })).id);
    const { course } = await buildInstructorCourse(t.services, t.system);
    const versionId = (await t.testDb.database.db.selectFrom('course_versions').select('id').where('course_id', '=', course.id).executeTakeFirstOrThrow()).id;

    const edgeArbitrary = fc.array(
      fc.record({ from: fc.integer({ min: 0, max: 7 }), to: fc.integer({ min: 0, max: 7 }), country: fc.constantFrom('US', 'SV', 'BR'), year: fc.constantFrom(2010, 2011) }),
      { maxLength: 20 },
    );
    await fc.assert(
      fc.asyncProperty(edgeArbitrary, async (edges) => {
        await clearCascade();
        await writeCascade(edges, ids, course.id, versionId);
        const out = new Map<number, Set<number>>();
        for (const e of edges) if (e.from !== e.to) out.set(e.from, new Set([...(out.get(e.from) ?? []), e.to]));
        const bfs = (starts: number[]) => {
          const depth = new Map<number, number>(starts.map((s) => [s, 0]));
          const queue = [...starts];
          while (queue.length) {
            const next = queue.shift() as number;
            for (const to of out.get(next) ?? []) {
              if (depth.has(to)) continue;
              depth.set(to, (depth.get(next) as number) + 1);
              queue.push(to);
            }
          }
          return depth;
        };
        for (const person of [0, 2, 5]) {
          const expected = [...bfs([person]).keys()].filter((p) => p !== person).length;
          const response = (await officer.get(`/api/cascade/instructors/${ids[person]}`)).json();
          expect(response.reach).toBe(expected);
          expect(response.nodes).toHaveLength(expected);
        }
        const program = bfs([0, 1]);
        const trained = [...program.values()].filter((g) => g > 0).length;
        const first = [...program.values()].filter((g) => g === 1).length;
        const result = (await officer.get('/api/cascade')).json();
        expect(result.totalTrained).toBe(trained);
        expect(result.multiplier).toBe(first === 0 ? null : Math.round((trained / first) * 100) / 100);
      }),
      { numRuns: 25 },
    );
    await clearCascade();
  });

  it('grows by a generation when a closed offering certifies new instructors who teach in turn', async () => {
    const office = await buildOrganization(t.services, t.system, { kind: 'program_office', name: 'Growth Test Office' });
    const master = await buildPerson(t.services, t.system, { organizationId: office.id, givenName: 'Master' });
    const agency = await buildOrganization(t.services, t.system);
    const trainees = [await buildPerson(t.services, t.system, { organizationId: agency.id }), await buildPerson(t.services, t.system, { organizationId: agency.id })];
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const run = async (lead: string, people: string[], startOn: string, country: string) => {
      const offering = (await officer.post('/api/offerings', { courseId: course.id, startOn, endOn: startOn, country, capacity: 10, isUsFunded: false })).json();
      await officer.put(`/api/offerings/${offering.id}/instructors`, { personId: lead, role: 'lead' }, offering.version);
      for (const p of people) {
        const e = (await officer.post(`/api/offerings/${offering.id}/enrollments`, { personId: p })).json();
        await officer.patch(`/api/offerings/${offering.id}/enrollments/${e.id}`, { attendancePercent: 100 }, e.version);
      }
      const version = (await officer.get(`/api/offerings/${offering.id}`)).json().version;
      return (await officer.post(`/api/offerings/${offering.id}/close`, { acknowledgedAddress: t.services.address.url }, version)).json();
    };
    const generationsBefore = (await officer.get('/api/cascade')).json().generations.length;
    await run(master.id, trainees.map((p) => p.id), '2010-06-01', 'US');
    const abroad = await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Abroad' });
    await run(trainees[0]?.id as string, [abroad.id], '2010-09-01', 'SV');
    const tree = (await officer.get(`/api/cascade/instructors/${master.id}`)).json();
    expect(tree.reach).toBe(3);
    expect(tree.byDepth).toEqual([
      { depth: 1, people: 2 },
      { depth: 2, people: 1 },
    ]);
    expect(tree.byCountry).toEqual([
      { country: 'US', people: 2 },
      { country: 'SV', people: 1 },
    ]);
    const program = (await officer.get('/api/cascade')).json();
    expect(program.generations.length).toBeGreaterThanOrEqual(Math.max(generationsBefore, 3));
    const csv = await officer.get('/api/cascade?format=csv');
    expect(csv.body).toContain('Table,Generation,Country,Year,People trained,New instructors');
    expect(csv.body).toContain('\r\nBy generation,1,');
    expect((await officer.get('/api/cascade?format=csv&codes=true')).body).toContain('table,generation,country,year,people_trained,new_instructors\r\ngeneration,0,');
  });

  it('shows an instructor their own cascade, and not the program’s', async () => {
    const person = await buildPerson(t.services, t.system);
    const instructor = await agentFor(t, 'instructor', { personId: person.id });
    expect((await instructor.get(`/api/cascade/instructors/${person.id}`)).statusCode).toBe(200);
    expect((await instructor.get('/api/cascade')).statusCode).toBe(403);
    const other = await buildPerson(t.services, t.system);
    expect((await instructor.get(`/api/cascade/instructors/${other.id}`)).statusCode).toBe(404);
  });
});
