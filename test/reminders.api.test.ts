import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../src/platform/jobs.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from './factories.js';
import { type Agent, agentFor, createTestApp, type TestApp } from './harness.js';

/** Reminders through a real SMTP server, listening on loopback for this test. */
let smtp: SMTPServer;
const inbox: { to: string; body: string }[] = [];
let t: TestApp;
let holder: Agent;
let coordinator: Agent;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) inbox.push({ to: rcpt.address, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ now: '2010-06-01T12:00:00Z', env: { CADRE_SMTP_URL: `smtp://127.0.0.1:${port}` } });

  const agency = await buildOrganization(t.services, t.system, { kind: 'state_corrections' });
  const person = await buildPerson(t.services, t.system, { organizationId: agency.id, givenName: 'Remindee' });
  holder = await agentFor(t, 'instructor', { personId: person.id });
  coordinator = await agentFor(t, 'coordinator', { organizationId: agency.id });
  const { course } = await buildInstructorCourse(t.services, t.system, { validityMonths: 12, passMark: null, minAttendancePercent: 0 });
  const offering = await t.services.offerings.schedule(t.system, { courseId: course.id, startOn: '2010-03-29', endOn: '2010-04-01', country: 'US', capacity: 5, isUsFunded: true, isRefresher: false });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, person.id);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100 });
  await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function runner() {
  return createJobRunner({ db: t.testDb.database.db, clock: t.clock, jobs: t.services.jobs, onError: (job, error) => { throw new Error(`${job}: ${String(error)}`); } });
}

async function runJobsAt(day: string) {
  t.clock.set(`${day}T06:00:00Z`);
  await runner().runDue();
}

describe('certification reminders', () => {
  it('reminds the holder and their coordinator at 90, 60, 30 and 7 days, once each, in-app and by mail', async () => {
    // Issued 2010-04-01 for 12 months: valid through 2011-03-31.
    await runJobsAt('2010-12-30');
    expect((await holder.get('/api/notifications')).json().items).toHaveLength(0);

    await runJobsAt('2010-12-31');
    const first = (await holder.get('/api/notifications')).json();
    expect(first.unread).toBe(1);
    expect(first.items[0]).toMatchObject({ kind: 'certification.expiring', title: expect.stringContaining('expires 2011-03-31') });
    expect((await coordinator.get('/api/notifications')).json().unread).toBe(1);
    expect(inbox.map((m) => m.to).sort()).toEqual([coordinator.user.email, holder.user.email].sort());
    expect(inbox[0]?.body).toContain('expires on 2011-03-31, in 90 days');

    await runJobsAt('2011-01-01');
    expect((await holder.get('/api/notifications')).json().unread).toBe(1);

    await runJobsAt('2011-03-25');
    const later = (await holder.get('/api/notifications')).json();
    expect(later.items.map((n: { title: string; body: string }) => n.body.match(/in (\d+) days/)?.[1])).toEqual(['6', '90']);
    expect(inbox).toHaveLength(4);

    const read = await holder.post(`/api/notifications/${later.items[0].id}/read`);
    expect(read.json()).toEqual({ unread: 1 });
    expect((await holder.post('/api/notifications/read')).json()).toEqual({ unread: 0 });
    expect((await coordinator.post(`/api/notifications/${later.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('runs a job once even when two processes find it due at the same moment', async () => {
    t.clock.set('2012-01-01T00:00:00Z');
    const [a, b] = await Promise.all([runner().runDue(), runner().runDue()]);
    expect([...a, ...b]).toEqual(['certification-reminders']);
    // Each due time was a run of its own; only the latest finished one is kept, so they do not pile up.
    const kept = await t.testDb.database.db.selectFrom('work_runs').select(['id', 'status']).where('subject_id', '=', 'certification-reminders').execute();
    expect(kept).toEqual([{ id: expect.stringMatching(/^job:certification-reminders:/), status: 'succeeded' }]);
  });
});
