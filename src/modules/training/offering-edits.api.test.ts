import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildInstructorCourse, buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let courseId: string;
let hostId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2010-12-01T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  courseId = (await buildInstructorCourse(t.services, t.system)).course.id;
  hostId = (await buildOrganization(t.services, t.system, { name: 'Offering Edits Academy', kind: 'academy' })).id;
});
afterAll(() => t.close());

async function schedule(startOn = '2011-03-07', endOn = '2011-03-11') {
  const response = await officer.post('/api/offerings', { courseId, startOn, endOn, country: 'US', capacity: 25 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

describe('correcting an offering', () => {
  it('changes its dates, place, capacity and organizations, and refuses a stale version with 412', async () => {
    const offering = await schedule();
    const edited = await officer.patch(
      `/api/offerings/${offering.id}`,
      { startOn: '2011-03-14', endOn: '2011-03-18', city: 'Richmond', capacity: 30, hostOrganizationId: hostId, deliveringOrganizationId: hostId },
      offering.version,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ startOn: '2011-03-14', endOn: '2011-03-18', city: 'Richmond', capacity: 30, hostOrganization: { id: hostId } });
    const stale = await officer.patch(`/api/offerings/${offering.id}`, { city: 'Norfolk' }, offering.version);
    expect(stale.statusCode).toBe(412);
  });

  it('refuses an end before the start, in the request and against the stored start, with the same words', async () => {
    const offering = await schedule();
    const both = await officer.patch(`/api/offerings/${offering.id}`, { startOn: '2011-03-11', endOn: '2011-03-10' }, offering.version);
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ pointer: '/body/endOn', detail: 'must not come before the start' })]);
    // The stored start is 7 March: an end on the 6th alone is refused once merged with it.
    const merged = await officer.patch(`/api/offerings/${offering.id}`, { endOn: '2011-03-06' }, offering.version);
    expect(merged.statusCode).toBe(400);
    expect(merged.json().errors).toEqual([expect.objectContaining({ pointer: '/body/endOn', detail: 'must not come before the start' })]);
    // Ending on its first day is allowed.
    expect((await officer.patch(`/api/offerings/${offering.id}`, { endOn: '2011-03-07' }, offering.version)).statusCode).toBe(200);
  });

  it('cancels only with a reason, keeps the reason, and lists can leave cancelled offerings out', async () => {
    const offering = await schedule('2011-05-02', '2011-05-06');
    const bare = await officer.patch(`/api/offerings/${offering.id}`, { status: 'cancelled' }, offering.version);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ pointer: '/body/cancelReason', detail: 'is required to cancel: say why the offering will not happen' })]);
    const cancelled = await officer.patch(`/api/offerings/${offering.id}`, { status: 'cancelled', cancelReason: 'The host academy postponed the course.' }, offering.version);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'The host academy postponed the course.', allowedActions: [] });
    const events = (await t.services.auditLog.list(t.system, { entityId: offering.id, action: 'offering.cancel', limit: 10, format: 'json' })).items;
    expect(events).toHaveLength(1);
    const scheduled = (await officer.get('/api/offerings?status=scheduled&from=2011-05-01&to=2011-05-31')).json().items as { id: string }[];
    expect(scheduled.map((o) => o.id)).not.toContain(offering.id);
    const withCancelled = (await officer.get('/api/offerings?status=cancelled')).json().items as { id: string }[];
    expect(withCancelled.map((o) => o.id)).toContain(offering.id);
  });
});
