import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildEngagement } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
  admin = await agentFor(t, 'admin');
});
afterAll(() => t.close());

async function auditActions(entityId: string): Promise<string[]> {
  const items = (await admin.get(`/api/audit?entityId=${entityId}&limit=50`)).json().items as { action: string }[];
  return items.map((event) => event.action);
}

describe('correcting a follow-up', () => {
  it('records a 2011 task as done in 2011, and reopens it, each audited', async () => {
    const engagement = await buildEngagement(t.services, t.system, { occurredOn: '2011-03-01', followUps: [{ title: 'Send the draft MOU', dueOn: '2011-04-01' }] });
    const task = engagement.tasks[0]!;
    const done = await officer.patch(`/api/tasks/${task.id}`, { status: 'done', doneOn: '2011-04-15' }, task.version);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2011-04-15', completedAt: '2026-11-28T12:00:00.000Z', isOverdue: false });

    const reopened = await officer.patch(`/api/tasks/${task.id}`, { status: 'open' }, task.version + 1);
    expect(reopened.json()).toMatchObject({ status: 'open', doneOn: null, completedAt: null, isOverdue: true });
    expect(await auditActions(task.id)).toEqual(expect.arrayContaining(['task.complete', 'task.reopen']));
  });

  it('marks a task done today when no day is given, and corrects the day of a task already done', async () => {
    const engagement = await buildEngagement(t.services, t.system, { followUps: [{ title: 'Call back', dueOn: '2026-11-10' }] });
    const task = engagement.tasks[0]!;
    const done = await officer.patch(`/api/tasks/${task.id}`, { status: 'done' }, task.version);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-11-28' });
    const corrected = await officer.patch(`/api/tasks/${task.id}`, { doneOn: '2026-11-12' }, task.version + 1);
    expect(corrected.json()).toMatchObject({ status: 'done', doneOn: '2026-11-12' });
    expect((await auditActions(task.id))[0]).toBe('task.update');
  });

  it('refuses a day done in the future, and a day done on a task not done, on the doneOn field', async () => {
    const engagement = await buildEngagement(t.services, t.system, { followUps: [{ title: 'Write back', dueOn: '2026-12-01' }] });
    const task = engagement.tasks[0]!;
    const tomorrow = await officer.patch(`/api/tasks/${task.id}`, { status: 'done', doneOn: '2026-11-29' }, task.version);
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().errors).toEqual([{ pointer: '/body/doneOn', detail: 'must not be in the future (today is 2026-11-28)' }]);
    const today = await officer.patch(`/api/tasks/${task.id}`, { status: 'done', doneOn: '2026-11-28' }, task.version);
    expect(today.statusCode).toBe(200);

    const other = (await buildEngagement(t.services, t.system, { followUps: [{ title: 'Other', dueOn: '2026-12-01' }] })).tasks[0]!;
    const notDone = await officer.patch(`/api/tasks/${other.id}`, { doneOn: '2026-11-20' }, other.version);
    expect(notDone.json().errors).toEqual([{ pointer: '/body/doneOn', detail: 'is given only for a task marked done' }]);
    const reopening = await officer.patch(`/api/tasks/${other.id}`, { status: 'open', doneOn: '2026-11-20' }, other.version);
    expect(reopening.json().errors).toEqual([{ pointer: '/body/doneOn', detail: 'is given only for a task marked done' }]);
  });

  it('keeps a task due no earlier than its meeting, on creation and on a change merged with the record', async () => {
    const engagement = await buildEngagement(t.services, t.system, { occurredOn: '2011-03-01' });
    const before = await officer.post('/api/tasks', { title: 'Too early', dueOn: '2011-02-28', engagementId: engagement.id });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors).toEqual([{ pointer: '/body/dueOn', detail: 'must not come before the meeting it follows (2011-03-01)' }]);
    const sameDay = await officer.post('/api/tasks', { title: 'Same day', dueOn: '2011-03-01', engagementId: engagement.id });
    expect(sameDay.statusCode).toBe(201);
    const moved = await officer.patch(`/api/tasks/${sameDay.json().id}`, { dueOn: '2011-02-01' }, 1);
    expect(moved.json().errors).toEqual([{ pointer: '/body/dueOn', detail: 'must not come before the meeting it follows (2011-03-01)' }]);

    const logged = await officer.post('/api/engagements', {
      organizationId: engagement.organization.id,
      kind: 'call',
      occurredOn: '2011-03-01',
      title: 'Call',
      followUps: [{ title: 'Fine', dueOn: '2011-03-01' }, { title: 'Before', dueOn: '2011-02-27' }],
    });
    expect(logged.statusCode).toBe(400);
    expect(logged.json().errors).toEqual([{ pointer: '/body/followUps/1/dueOn', detail: 'must not come before the meeting it follows (2011-03-01)' }]);

    // Nor can the meeting move after a follow-up falls due.
    const later = await officer.patch(`/api/engagements/${engagement.id}`, { occurredOn: '2011-03-02' }, engagement.version);
    expect(later.json().errors).toEqual([{ pointer: '/body/occurredOn', detail: 'must not come after a follow-up of this meeting falls due (2011-03-01)' }]);
  });

  it('refuses a change made from a stale version with 412', async () => {
    const engagement = await buildEngagement(t.services, t.system, { followUps: [{ title: 'Twice edited', dueOn: '2026-12-01' }] });
    const task = engagement.tasks[0]!;
    expect((await officer.patch(`/api/tasks/${task.id}`, { title: 'First' }, task.version)).statusCode).toBe(200);
    expect((await officer.patch(`/api/tasks/${task.id}`, { title: 'Second' }, task.version)).statusCode).toBe(412);
    expect((await officer.patch(`/api/engagements/${engagement.id}`, { outcome: 'First' }, engagement.version)).statusCode).toBe(200);
    expect((await officer.patch(`/api/engagements/${engagement.id}`, { outcome: 'Second' }, engagement.version)).statusCode).toBe(412);
    expect((await officer.post(`/api/engagements/${engagement.id}/withdrawal`, { reason: 'late' }, engagement.version)).statusCode).toBe(412);
  });
});

describe('withdrawing a meeting logged in error', () => {
  it('keeps it with who, when and why, hides it from lists and figures, and cancels its open follow-ups', async () => {
    const first = await buildEngagement(t.services, t.system, { occurredOn: '2011-05-10', title: 'Logged once' });
    const twice = await buildEngagement(t.services, t.system, {
      organizationId: first.organization.id,
      occurredOn: '2011-05-10',
      title: 'Logged twice',
      followUps: [
        { title: 'Open one', dueOn: '2011-06-01' },
        { title: 'Done one', dueOn: '2011-06-01' },
      ],
    });
    const [open, done] = twice.tasks;
    await officer.patch(`/api/tasks/${done!.id}`, { status: 'done', doneOn: '2011-05-20' }, done!.version);
    const countIn2011 = async () => (await officer.get('/api/reports/dashboard?year=2011')).json().engagements.count as number;
    const counted = await countIn2011();

    const withdrawn = await officer.post(`/api/engagements/${twice.id}/withdrawal`, { reason: 'Logged twice' }, twice.version);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      withdrawal: { at: '2026-11-28T12:00:00.000Z', by: officer.user.id, reason: 'Logged twice' },
      allowedActions: [],
    });
    expect(withdrawn.json().withdrawal.byName).toMatch(/^Test program_officer/);
    const statuses = Object.fromEntries(withdrawn.json().tasks.map((task: { id: string; status: string }) => [task.id, task.status]));
    expect(statuses).toEqual({ [open!.id]: 'cancelled', [done!.id]: 'done' });

    const listed = async (withdrawnFilter: string) =>
      ((await officer.get(`/api/engagements?organizationId=${first.organization.id}${withdrawnFilter}`)).json().items as { title: string }[]).map((e) => e.title);
    expect(await listed('')).toEqual(['Logged once']);
    expect(await listed('&withdrawn=only')).toEqual(['Logged twice']);
    expect((await listed('&withdrawn=included')).sort()).toEqual(['Logged once', 'Logged twice']);
    expect(await countIn2011()).toBe(counted - 1);
    expect(await auditActions(twice.id)).toContain('engagement.withdraw');

    // Withdrawn is final: no second withdrawal, no edit.
    const again = await officer.post(`/api/engagements/${twice.id}/withdrawal`, { reason: 'again' }, withdrawn.json().version);
    expect(again.statusCode).toBe(422);
    expect(again.json().rule).toBe('engagement.withdrawn');
    expect((await officer.patch(`/api/engagements/${twice.id}`, { outcome: 'x' }, withdrawn.json().version)).json().rule).toBe('engagement.withdrawn');
  });

  it('needs a reason, and is the program office’s alone', async () => {
    const engagement = await buildEngagement(t.services, t.system);
    const blank = await officer.post(`/api/engagements/${engagement.id}/withdrawal`, { reason: ' ' }, engagement.version);
    expect(blank.json().errors[0].pointer).toBe('/body/reason');
    const viewer = await agentFor(t, 'viewer');
    expect((await viewer.post(`/api/engagements/${engagement.id}/withdrawal`, { reason: 'no' }, engagement.version)).statusCode).toBe(403);
  });
});
