import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../../test/factories.js';
import type { Candidate } from './deployments.schemas.js';

/**
 * Of a deployment's track without their agency's partnership: by a course of the track completed
 * or taught (`track_experience`, kept as offerings close and instructors change). A failed course
 * or one of another track does not count.
 */
let t: TestApp;
let officer: Agent;
let deploymentId = '';
const people: Record<'completed' | 'taught' | 'failed' | 'none', string> = { completed: '', taught: '', failed: '', none: '' };

beforeAll(async () => {
  t = await createTestApp({ now: '2010-07-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  const { services, system: ctx } = t;
  const agency = (await buildOrganization(services, ctx, { name: 'Unpartnered Corrections' })).id;
  for (const key of Object.keys(people) as (keyof typeof people)[]) people[key] = (await buildPerson(services, ctx, { organizationId: agency, givenName: key, familyName: 'Trackless' })).id;
  const { course } = await buildInstructorCourse(services, ctx, { passMark: null, minAttendancePercent: 50 });
  let offering = await services.offerings.schedule(ctx, { courseId: course.id, startOn: '2010-05-03', endOn: '2010-05-07', country: 'US', capacity: 10, isUsFunded: false, isRefresher: false });
  offering = await services.offerings.setInstructor(ctx, offering.id, offering.version, { personId: people.taught, role: 'lead' });
  for (const [key, attendancePercent] of [['completed', 100], ['failed', 0]] as const) {
    const enrollment = await services.enrollments.enroll(ctx, offering.id, people[key]);
    await services.enrollments.recordResult(ctx, offering.id, enrollment.id, enrollment.version, { attendancePercent });
  }
  await services.enrollments.close(ctx, offering.id, (await services.offerings.get(ctx, offering.id)).version, services.address.url);
  const host = await buildOrganization(services, ctx, { name: 'Sistema Penitenciario Anfitrión', kind: 'foreign_corrections', country: 'SV' });
  const created = await officer.post('/api/deployments', {
    title: 'El Salvador corrections', hostCountry: 'SV', hostOrganizationId: host.id, track: 'corrections', purposes: ['mentor'], startOn: '2011-03-07', endOn: '2011-06-04', authorizedHeadcount: 2,
  });
  expect(created.statusCode, created.body).toBe(201);
  deploymentId = created.json().id as string;
});
afterAll(() => t.close());

const ranked = async (query: string) => {
  const response = await officer.get(`/api/deployments/${deploymentId}/candidates?limit=50${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return new Map((response.json().items as Candidate[]).map((c) => [c.person.id, c.isInTrack]));
};

describe('a candidate of the deployment’s track by training', () => {
  it('ranks those who completed or taught a course of the track as of it, and filters by it', async () => {
    const all = await ranked('');
    expect([people.completed, people.taught, people.failed, people.none].map((id) => all.get(id))).toEqual([true, true, false, false]);
    const ofTrack = await ranked('&track=corrections');
    expect([...ofTrack.keys()].sort()).toEqual([people.completed, people.taught].sort());
  });
});
