import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildEngagement, buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-28T12:00:00Z' });
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

describe('engagements and follow-ups', () => {
  it('tells each caller what they may do with an engagement and its follow-ups', async () => {
    const engagement = await buildEngagement(t.services, t.system, { followUps: [{ title: 'Write back', dueOn: '2026-12-01' }] });
    const coordinator = await agentFor(t, 'coordinator', { organizationId: engagement.organization.id });
    const viewer = await agentFor(t, 'viewer');
    const asOfficer = (await officer.get(`/api/engagements/${engagement.id}`)).json();
    expect(asOfficer.allowedActions).toEqual(['update', 'withdraw']);
    expect(asOfficer.tasks.map((task: { allowedActions: string[] }) => task.allowedActions)).toEqual([['update']]);
    const task = asOfficer.tasks[0];
    expect((await officer.get(`/api/tasks/${task.id}`)).json().allowedActions).toEqual(['update']);
    for (const reader of [coordinator, viewer]) {
      const seen = (await reader.get(`/api/engagements/${engagement.id}`)).json();
      expect(seen.allowedActions).toEqual([]);
      expect(seen.tasks.map((one: { allowedActions: string[] }) => one.allowedActions)).toEqual([[]]);
      expect((await reader.get(`/api/tasks/${task.id}`)).json().allowedActions).toEqual([]);
    }
    const coordinatorTasks = (await coordinator.get('/api/tasks')).json();
    expect(coordinatorTasks.items.map((item: { id: string }) => item.id)).toEqual([task.id]);
    const coordinatorEngagements = (await coordinator.get('/api/engagements')).json();
    expect(coordinatorEngagements.items.map((item: { id: string; allowedActions: string[] }) => [item.id, item.allowedActions])).toEqual([[engagement.id, []]]);

    expect((await officer.get('/api/auth/me')).json().capabilities).toMatchObject({ engagements: ['read', 'create', 'update', 'withdraw'], tasks: ['read', 'create', 'update'] });
    expect((await viewer.get('/api/auth/me')).json().capabilities).toMatchObject({ engagements: ['read'], tasks: ['read'] });
  });

  it('logs a meeting with its participants and follow-ups in one go', async () => {
    const partner = await buildOrganization(t.services, t.system, { name: 'Engagement Test Police Department' });
    const office = await buildOrganization(t.services, t.system, { name: 'Engagement Test Office', kind: 'program_office' });
    const response = await officer.post('/api/engagements', {
      organizationId: partner.id,
      kind: 'meeting',
      occurredOn: '2026-11-20',
      title: 'Chief of Police meets program officials',
      location: 'Headquarters',
      summary: 'Presented the overseas programs.',
      outcome: 'Both sides hope for a partnership.',
      participants: [
        { name: 'Chief of Police', title: 'Police Department', organizationId: partner.id },
        { name: 'Senior officials', organizationId: office.id },
      ],
      followUps: [
        { title: 'Send a draft MOU', dueOn: '2026-11-25', ownerId: officer.user.id },
        { title: 'Schedule a second meeting', dueOn: '2026-12-15' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const engagement = response.json();
    expect(engagement.participants).toEqual([
      { name: 'Chief of Police', title: 'Police Department', organizationId: partner.id, organizationName: partner.name },
      { name: 'Senior officials', title: null, organizationId: office.id, organizationName: office.name },
    ]);
    expect(engagement.tasks.map((task: { title: string; isOverdue: boolean }) => [task.title, task.isOverdue])).toEqual([
      ['Send a draft MOU', true],
      ['Schedule a second meeting', false],
    ]);

    const overdue = (await officer.get('/api/tasks?isOverdue=true')).json().items;
    expect(overdue.map((task: { title: string }) => task.title)).toEqual(['Send a draft MOU']);
    expect(overdue[0]).toMatchObject({ ownerId: officer.user.id, organizationName: partner.name, engagementTitle: engagement.title });
    expect(overdue[0].ownerName).toMatch(/^Test program_officer/);
  });

  it('writes nothing when one follow-up is bad', async () => {
    const partner = await buildOrganization(t.services, t.system);
    const viewer = await agentFor(t, 'viewer');
    const response = await officer.post('/api/engagements', {
      organizationId: partner.id,
      kind: 'call',
      occurredOn: '2026-11-20',
      title: 'Half-written call',
      followUps: [
        { title: 'Fine', dueOn: '2026-12-01' },
        { title: 'Owned by a viewer', dueOn: '2026-12-01', ownerId: viewer.user.id },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/body/followUps/1/ownerId');
    const list = (await officer.get(`/api/engagements?organizationId=${partner.id}`)).json();
    expect(list.items).toHaveLength(0);
    const tasks = (await officer.get(`/api/tasks?organizationId=${partner.id}`)).json();
    expect(tasks.items).toHaveLength(0);
  });

  it('completes a task, and reopening clears its completion', async () => {
    const engagement = await buildEngagement(t.services, t.system, { followUps: [{ title: 'Call back', dueOn: '2026-11-01' }] });
    const task = engagement.tasks[0];
    if (!task) throw new Error('no task');
    const done = await officer.patch(`/api/tasks/${task.id}`, { status: 'done' }, task.version);
    expect(done.json()).toMatchObject({ status: 'done', isOverdue: false, completedAt: '2026-11-28T12:00:00.000Z' });
    const reopened = await officer.patch(`/api/tasks/${task.id}`, { status: 'open' }, task.version + 1);
    expect(reopened.json()).toMatchObject({ status: 'open', isOverdue: true, completedAt: null });
  });

  it('creates a stand-alone task, taking the organization from its engagement', async () => {
    const engagement = await buildEngagement(t.services, t.system);
    const created = await officer.post('/api/tasks', { title: 'Send minutes', dueOn: '2026-12-01', engagementId: engagement.id });
    expect(created.json()).toMatchObject({ organizationId: engagement.organization.id, engagementTitle: engagement.title });
    const other = await buildOrganization(t.services, t.system);
    const mismatch = await officer.post('/api/tasks', { title: 'X', dueOn: '2026-12-01', engagementId: engagement.id, organizationId: other.id });
    expect(mismatch.json().errors[0].pointer).toBe('/body/organizationId');
  });

  it('edits an engagement and replaces its participants', async () => {
    const engagement = await buildEngagement(t.services, t.system, { participants: [{ name: 'Someone' }] });
    const response = await officer.patch(
      `/api/engagements/${engagement.id}`,
      { outcome: 'Agreed next steps', participants: [{ name: 'Someone Else', title: 'Deputy Chief' }] },
      engagement.version,
    );
    expect(response.json()).toMatchObject({ outcome: 'Agreed next steps', participants: [{ name: 'Someone Else', title: 'Deputy Chief' }] });
  });

  it('lists engagements newest first, by organization and dates, and exports them', async () => {
    const org = await buildOrganization(t.services, t.system);
    for (const day of ['2026-01-10', '2026-03-10', '2026-02-10']) await buildEngagement(t.services, t.system, { organizationId: org.id, occurredOn: day });
    const list = (await officer.get(`/api/engagements?organizationId=${org.id}`)).json().items;
    expect(list.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(['2026-03-10', '2026-02-10', '2026-01-10']);
    const window = (await officer.get(`/api/engagements?organizationId=${org.id}&from=2026-02-01&to=2026-02-28`)).json().items;
    expect(window).toHaveLength(1);
    const csv = await officer.get(`/api/engagements?organizationId=${org.id}&format=csv`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
  });
});
