import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await agentFor(t, 'admin');
});
afterAll(() => t.close());

describe('user accounts', () => {
  it('lets an admin create a user of each role, bound as the role needs', async () => {
    const org = await buildOrganization(t.services, t.system);
    const coordinator = await admin.post('/api/users', {
      email: 'coordinator@example.test',
      name: 'Casey Coordinator',
      role: 'coordinator',
      organizationId: org.id,
      password: TEST_PASSWORD,
    });
    expect(coordinator.statusCode).toBe(201);
    expect(coordinator.json()).toMatchObject({ user: { role: 'coordinator', organizationId: org.id }, oneTimePassword: null });

    for (const role of ['admin', 'program_officer', 'viewer']) {
      const response = await admin.post('/api/users', { email: `${role}@example.test`, name: `A ${role}`, role });
      expect(response.statusCode, role).toBe(201);
    }
  });

  it('refuses a coordinator without an organization, or with one that does not exist', async () => {
    const missing = await admin.post('/api/users', { email: 'c1@example.test', name: 'C', role: 'coordinator' });
    expect(missing.json().errors).toEqual([{ pointer: '/body/organizationId', detail: 'is required for a coordinator' }]);
    const unknown = await admin.post('/api/users', {
      email: 'c2@example.test',
      name: 'C',
      role: 'coordinator',
      organizationId: '01a22092-12b9-7c6d-8f98-6c1f800debff',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].pointer).toBe('/body/organizationId');
  });

  it('refuses a second account with the same email', async () => {
    await admin.post('/api/users', { email: 'twice@example.test', name: 'Once', role: 'viewer' });
    const again = await admin.post('/api/users', { email: 'TWICE@example.test', name: 'Twice', role: 'viewer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].pointer).toBe('/body/email');
  });

  it('lists users page by page and searches them', async () => {
    const page = (await admin.get('/api/users?q=example.test&limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    expect(JSON.stringify(page)).not.toContain('scrypt');
  });

  it('keeps at least one active admin', async () => {
    const solo = await createTestApp();
    try {
      const only = await agentFor(solo, 'admin');
      const me = (await only.get(`/api/users/${only.user.id}`)).json();
      const demote = await only.patch(`/api/users/${only.user.id}`, { role: 'viewer' }, me.version);
      expect(demote.statusCode).toBe(422);
      expect(demote.json().rule).toBe('users.last_admin');
      const disable = await only.patch(`/api/users/${only.user.id}`, { isDisabled: true }, me.version);
      expect(disable.json().rule).toBe('users.last_admin');
    } finally {
      await solo.close();
    }
  });

  it('changes a role and the binding with it', async () => {
    const org = await buildOrganization(t.services, t.system);
    const created = (await admin.post('/api/users', { email: 'mover@example.test', name: 'Mover', role: 'viewer' })).json().user;
    const moved = await admin.patch(`/api/users/${created.id}`, { role: 'coordinator', organizationId: org.id }, created.version);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'coordinator', organizationId: org.id, version: 2 });
    const back = await admin.patch(`/api/users/${created.id}`, { role: 'viewer' }, 2);
    expect(back.json().errors).toEqual([{ pointer: '/body/organizationId', detail: 'must be empty for the role viewer' }]);
  });

  it('lists who may own work, for program officers too', async () => {
    const officer = await agentFor(t, 'program_officer');
    const items = (await officer.get('/api/users/assignable')).json().items as { id: string; name: string }[];
    expect(items.map((u) => u.id)).toContain(officer.user.id);
    expect(items.map((u) => u.id)).toContain(admin.user.id);
    expect(Object.keys(items[0] ?? {})).toEqual(['id', 'name']);
  });

  it('lets a user read their own account but nobody else’s', async () => {
    const viewer = await agentFor(t, 'viewer');
    expect((await viewer.get(`/api/users/${viewer.user.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/users/${admin.user.id}`)).statusCode).toBe(403);
  });
});
