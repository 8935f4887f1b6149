import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../../test/factories.js';
import { type Agent, agentFor, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import type { Role } from '../../platform/access.js';

/**
 * API tokens are scoped, expire, cannot manage credentials or accounts, and end with the
 * sessions whenever the user's password or rights change; sessions and tokens are listed and
 * ended by their owner and by admins.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

function asToken(secret: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) {
  return t.app.inject({
    method,
    url,
    headers: { ...bearer(secret), ...(version !== undefined && { 'if-match': `"${version}"` }) },
    ...(payload && { payload }),
  });
}

async function tokenOf(agent: Agent, body: Record<string, unknown> = {}): Promise<{ secret: string; token: { id: string; expiresAt: string } }> {
  const created = await agent.post('/api/tokens', { name: `script ${Math.random()}`, ...body });
  expect(created.statusCode).toBe(201);
  return created.json();
}

async function signInAs(email: string, userAgent = 'Test browser') {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, headers: { 'user-agent': userAgent } });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'cadre_session')?.value ?? '';
  return { cookies: { cadre_session: cookie }, headers: { 'x-csrf-token': response.json().csrfToken as string } };
}

const isAlive = async (secret: string) => (await asToken(secret, 'GET', '/api/auth/me')).statusCode === 200;

describe('API tokens end with the sessions', () => {
  it('when an admin resets the password', async () => {
    const admin = await agentFor(t, 'admin');
    const user = await agentFor(t, 'viewer');
    const { secret } = await tokenOf(user);
    expect(await isAlive(secret)).toBe(true);
    expect((await admin.post(`/api/users/${user.user.id}/password-reset`)).statusCode).toBe(200);
    expect(await isAlive(secret)).toBe(false);
    expect(await isAlive(user.token)).toBe(false);
  });

  it('when the user changes their password, keeping the session they changed it in', async () => {
    const user = await agentFor(t, 'viewer');
    const { secret } = await tokenOf(user);
    const elsewhere = await signInAs(user.user.email);
    const changed = await user.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(200);
    expect(await isAlive(secret)).toBe(false);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...elsewhere })).statusCode).toBe(401);
  });

  it('when the user is disabled, or their role or binding changes', async () => {
    const admin = await agentFor(t, 'admin');
    const organization = await buildOrganization(t.services, t.system);
    const changes: [string, (version: number, id: string) => Record<string, unknown>][] = [
      ['disabled', () => ({ isDisabled: true })],
      ['role', () => ({ role: 'program_officer' })],
      ['binding', () => ({ role: 'coordinator', organizationId: organization.id })],
    ];
    for (const [what, change] of changes) {
      const user = await agentFor(t, 'viewer');
      const { secret } = await tokenOf(user);
      const version = (await admin.get(`/api/users/${user.user.id}`)).json().version as number;
      expect((await admin.patch(`/api/users/${user.user.id}`, change(version, user.user.id), version)).statusCode, what).toBe(200);
      expect(await isAlive(secret), what).toBe(false);
      expect((await user.get('/api/auth/me')).statusCode, what).toBe(401);
    }
  });

  it('but not when only the name changes', async () => {
    const admin = await agentFor(t, 'admin');
    const user = await agentFor(t, 'viewer');
    const version = (await admin.get(`/api/users/${user.user.id}`)).json().version as number;
    expect((await admin.patch(`/api/users/${user.user.id}`, { name: 'Renamed' }, version)).statusCode).toBe(200);
    expect(await isAlive(user.token)).toBe(true);
  });
});

describe('what a token may do', () => {
  it('reads only, unless made to write', async () => {
    const officer = await agentFor(t, 'program_officer');
    const reader = await tokenOf(officer);
    const writer = await tokenOf(officer, { access: 'write' });
    const payload = { name: `Scoped PD ${Math.random()}`, kind: 'municipal_police', country: 'US' };
    expect((await asToken(reader.secret, 'GET', '/api/organizations')).statusCode).toBe(200);
    const refused = await asToken(reader.secret, 'POST', '/api/organizations', payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('This API token may only read.');
    expect((await asToken(writer.secret, 'POST', '/api/organizations', payload)).statusCode).toBe(201);
  });

  it('reaches only the areas it was limited to', async () => {
    const officer = await agentFor(t, 'program_officer');
    const { secret } = await tokenOf(officer, { access: 'write', areas: ['organizations'] });
    const organization = await buildOrganization(t.services, t.system);
    expect((await asToken(secret, 'GET', '/api/organizations')).statusCode).toBe(200);
    expect((await asToken(secret, 'GET', `/api/organizations/${organization.id}`)).statusCode).toBe(200);
    for (const url of ['/api/people', '/api/partnerships', '/api/offerings', '/api/audit', '/api/reports/dashboard?year=2026']) {
      expect((await asToken(secret, 'GET', url)).statusCode, url).toBe(403);
    }
    const me = (await asToken(secret, 'GET', '/api/auth/me')).json();
    expect(me.capabilities.organizations).toContain('read');
    expect(me.capabilities.people).toEqual([]);
  });

  it('refuses an area that is not one', async () => {
    const officer = await agentFor(t, 'program_officer');
    const response = await officer.post('/api/tokens', { name: 'bad', areas: ['everything'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe('/body/areas/0');
  });

  it('never manages tokens, passwords, sessions or users, whatever its access', async () => {
    const admin = await agentFor(t, 'admin');
    const { secret, token } = await tokenOf(admin, { access: 'write' });
    const target = await agentFor(t, 'viewer');
    const version = (await admin.get(`/api/users/${target.user.id}`)).json().version as number;
    const refused: [string, Awaited<ReturnType<typeof asToken>>][] = [
      ['mint a token', await asToken(secret, 'POST', '/api/tokens', { name: 'another' })],
      ['revoke a token', await asToken(secret, 'DELETE', `/api/tokens/${token.id}`)],
      ['change the password', await asToken(secret, 'POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a token chose this one' })],
      ['create a user', await asToken(secret, 'POST', '/api/users', { email: 'by.token@example.test', name: 'By Token', role: 'admin' })],
      ['change a user', await asToken(secret, 'PATCH', `/api/users/${target.user.id}`, { role: 'admin' }, version)],
      ['reset a password', await asToken(secret, 'POST', `/api/users/${target.user.id}/password-reset`)],
      ['sign a user out', await asToken(secret, 'DELETE', `/api/users/${target.user.id}/sessions`)],
      ['end own sessions', await asToken(secret, 'DELETE', '/api/auth/sessions')],
    ];
    for (const [what, response] of refused) expect(response.statusCode, what).toBe(403);
    expect(await isAlive(target.token)).toBe(true);
    expect((await asToken(secret, 'GET', '/api/users')).statusCode).toBe(200);
  });

  it('expires: 90 days unless told, 365 at most, never not at all', async () => {
    const user = await agentFor(t, 'viewer');
    const { token } = await tokenOf(user);
    expect(new Date(token.expiresAt).getTime() - t.clock.now().getTime()).toBe(90 * 86_400_000);
    expect((await user.post('/api/tokens', { name: 'a year', expiresInDays: 365 })).statusCode).toBe(201);
    for (const expiresInDays of [366, null, 0]) {
      const response = await user.post('/api/tokens', { name: 'forever', expiresInDays });
      expect(response.statusCode, String(expiresInDays)).toBe(400);
      expect(response.json().errors[0].pointer).toBe('/body/expiresInDays');
    }
  });

  it('records where it was last used from', async () => {
    const user = await agentFor(t, 'viewer');
    const { secret, token } = await tokenOf(user);
    await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...bearer(secret), 'user-agent': 'nightly-export/1.0' }, remoteAddress: '192.0.2.44' });
    const listed = (await user.get('/api/tokens')).json().items.find((item: { id: string }) => item.id === token.id);
    expect(listed).toMatchObject({ access: 'read', areas: null, lastUsedIp: '192.0.2.44', lastUsedUserAgent: 'nightly-export/1.0' });
    expect(listed.lastUsedAt).not.toBeNull();
  });
});

describe('sessions, by their owner', () => {
  it('lists where the user is signed in, this session marked, and ends one', async () => {
    const user = await agentFor(t, 'viewer');
    const phone = await signInAs(user.user.email, 'Phone browser');
    const listed = (await user.get('/api/auth/sessions')).json().items as { id: string; isCurrent: boolean; userAgent: string | null; ip: string | null }[];
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.isCurrent)).toHaveLength(1);
    const other = listed.find((s) => !s.isCurrent);
    expect(other).toMatchObject({ userAgent: 'Phone browser', ip: '127.0.0.1' });
    expect(JSON.stringify(listed)).not.toContain(phone.cookies.cadre_session);

    expect((await user.delete(`/api/auth/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...phone })).statusCode).toBe(401);
    expect((await user.delete(`/api/auth/sessions/${other?.id}`)).statusCode).toBe(404);
  });

  it('signs out everywhere else, keeping this session and the tokens', async () => {
    const user = await agentFor(t, 'viewer');
    const others = [await signInAs(user.user.email), await signInAs(user.user.email)];
    const ended = await user.delete('/api/auth/sessions');
    expect(ended.json()).toEqual({ sessions: 2 });
    for (const other of others) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...other })).statusCode).toBe(401);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    expect(await isAlive(user.token)).toBe(true);
  });

  it('does not end another user’s session', async () => {
    const user = await agentFor(t, 'viewer');
    const other = await agentFor(t, 'viewer');
    const theirs = (await other.get('/api/auth/sessions')).json().items[0].id as string;
    expect((await user.delete(`/api/auth/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('sessions and tokens, by an admin', () => {
  it('lists a user’s sessions and tokens, revokes one token, and signs them out everywhere, audited', async () => {
    const admin = await agentFor(t, 'admin');
    const user = await agentFor(t, 'viewer');
    const script = await tokenOf(user);
    const listed = (await admin.get(`/api/users/${user.user.id}/sessions`)).json();
    expect(listed.sessions).toHaveLength(1);
    expect(listed.sessions[0].isCurrent).toBe(false);
    expect(listed.tokens.map((token: { id: string }) => token.id)).toContain(script.token.id);

    const revoked = await admin.delete(`/api/users/${user.user.id}/tokens/${script.token.id}`);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await isAlive(script.secret)).toBe(false);
    expect(await isAlive(user.token)).toBe(true);

    expect((await admin.delete(`/api/users/${user.user.id}/sessions`)).json()).toEqual({ sessions: 1, tokens: 1 });
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect(await isAlive(user.token)).toBe(false);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);

    const audit = (await admin.get(`/api/audit?entityId=${user.user.id}&limit=50`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toContain('session.end_all');
  });

  it('ends one session of a user', async () => {
    const admin = await agentFor(t, 'admin');
    const user = await agentFor(t, 'viewer');
    const second = await signInAs(user.user.email, 'Second browser');
    const target = (await admin.get(`/api/users/${user.user.id}/sessions`)).json().sessions.find((s: { userAgent: string }) => s.userAgent === 'Second browser');
    expect((await admin.delete(`/api/users/${user.user.id}/sessions/${target.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...second })).statusCode).toBe(401);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('is for admins only', async () => {
    const user = await agentFor(t, 'viewer');
    for (const role of ['program_officer', 'viewer'] as Role[]) {
      const other = await agentFor(t, role);
      expect((await other.get(`/api/users/${user.user.id}/sessions`)).statusCode, role).toBe(403);
      expect((await other.delete(`/api/users/${user.user.id}/sessions`)).statusCode, role).toBe(403);
    }
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
  });
});
