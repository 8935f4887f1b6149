import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function createUser(role: 'program_officer' | 'viewer' = 'program_officer', password: string | undefined = TEST_PASSWORD) {
  const email = `user.${Math.random().toString(36).slice(2)}@example.test`;
  const created = await t.services.users.create(t.system, { email, name: 'Sign-in Tester', role, ...(password && { password }) });
  return { email, ...created };
}

async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
}

function sessionCookie(response: Awaited<ReturnType<typeof signIn>>) {
  const cookie = response.cookies.find((c) => c.name === 'cadre_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe('sign in and out', () => {
  it('signs in with email and password and sets a safe session cookie', async () => {
    const { email } = await createUser();
    const response = await signIn(email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.email).toBe(email);
    expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    const cookie = sessionCookie(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { cadre_session: cookie.value } });
    expect(me.json()).toMatchObject({ user: { email }, authenticatedBy: 'session', csrfToken: body.csrfToken });
  });

  it('marks the cookie Secure behind TLS, trusting the proxy only when told to', async () => {
    for (const trustProxy of ['true', 'false']) {
      const other = await createTestApp({ env: { CADRE_TRUST_PROXY: trustProxy } });
      try {
        await other.services.users.create(other.system, { email: 'tls@example.test', name: 'TLS', role: 'viewer', password: TEST_PASSWORD });
        const response = await other.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'tls@example.test', password: TEST_PASSWORD },
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(Boolean(sessionCookie(response).secure), `trust proxy ${trustProxy}`).toBe(trustProxy === 'true');
      } finally {
        await other.close();
      }
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await createUser();
    const wrong = await signIn(email, 'not the password at all');
    const unknown = await signIn('nobody@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('signs out: the session stops working', async () => {
    const { email } = await createUser();
    const login = await signIn(email, TEST_PASSWORD);
    const cookies = { cadre_session: sessionCookie(login).value };
    const headers = { 'x-csrf-token': login.json().csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies, headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
  });

  const minutesLater = (minutes: number) => t.clock.set(new Date(t.clock.now().getTime() + minutes * 60_000));

  it('ends a session after its lifetime, however busy', async () => {
    const { email } = await createUser();
    const cookies = { cadre_session: sessionCookie(await signIn(email, TEST_PASSWORD)).value };
    for (let minutes = 20; minutes < t.config.sessionHours * 60; minutes += 20) {
      minutesLater(20);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    minutesLater(21);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
  });

  it('ends a session left unused for its idle limit, and keeps one in use', async () => {
    const { email } = await createUser();
    const cookies = { cadre_session: sessionCookie(await signIn(email, TEST_PASSWORD)).value };
    const idle = t.config.sessionIdleMinutes;
    minutesLater(idle - 5);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(200);
    minutesLater(idle - 5);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(200);
    minutesLater(idle + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    // Nor is it listed among the sessions where the user is signed in.
    const now = { cadre_session: sessionCookie(await signIn(email, TEST_PASSWORD)).value };
    const listed = (await t.app.inject({ method: 'GET', url: '/api/auth/sessions', cookies: now })).json().items as { isCurrent: boolean }[];
    expect(listed.map((session) => session.isCurrent)).toEqual([true]);
  });

  it('refuses a disabled user', async () => {
    const { email, user } = await createUser();
    const cookies = { cadre_session: sessionCookie(await signIn(email, TEST_PASSWORD)).value };
    await t.services.users.update(t.system, user.id, user.version, { isDisabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(401);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without the token, and accepts it with', async () => {
    const { email } = await createUser();
    const login = await signIn(email, TEST_PASSWORD);
    const cookies = { cadre_session: sessionCookie(login).value };
    const payload = { name: `CSRF Test PD ${Date.now()}`, kind: 'municipal_police', country: 'US' };
    const without = await t.app.inject({ method: 'POST', url: '/api/organizations', cookies, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toContain('x-csrf-token');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/organizations', cookies, payload, headers: { 'x-csrf-token': 'f'.repeat(64) } });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({ method: 'POST', url: '/api/organizations', cookies, payload, headers: { 'x-csrf-token': login.json().csrfToken } });
    expect(right.statusCode).toBe(201);
  });

  it('does not ask API tokens for it', async () => {
    const agent = await agentFor(t, 'program_officer');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: `Bearer ${agent.token}` },
      payload: { name: `Token PD ${Date.now()}`, kind: 'municipal_police', country: 'US' },
    });
    expect(response.statusCode).toBe(201);
  });
});

describe('one-time passwords', () => {
  it('makes a user with a generated password change it before anything else', async () => {
    const admin = await agentFor(t, 'admin');
    const created = await admin.post('/api/users', { email: 'first.timer@example.test', name: 'First Timer', role: 'viewer' });
    expect(created.statusCode).toBe(201);
    const { oneTimePassword, user } = created.json();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{6}(-[a-z2-9]{6}){3}$/);
    expect(user.mustChangePassword).toBe(true);

    const login = await signIn('first.timer@example.test', oneTimePassword);
    const cookies = { cadre_session: sessionCookie(login).value };
    const headers = { 'x-csrf-token': login.json().csrfToken };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/organizations', cookies });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      cookies,
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0]).toEqual({ pointer: '/body/newPassword', detail: 'must be at least 15 characters' });

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      cookies,
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: 'my own long passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations', cookies })).statusCode).toBe(200);
    expect((await signIn('first.timer@example.test', oneTimePassword)).statusCode).toBe(401);
  });

  it('signs a user out everywhere when an admin resets their password', async () => {
    const admin = await agentFor(t, 'admin');
    const { email, user } = await createUser('viewer');
    const cookies = { cadre_session: sessionCookie(await signIn(email, TEST_PASSWORD)).value };
    const reset = await admin.post(`/api/users/${user.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    expect((await signIn(email, reset.json().oneTimePassword)).json().user.mustChangePassword).toBe(true);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, lists it by prefix, and revokes it', async () => {
    const agent = await agentFor(t, 'viewer');
    const created = await agent.post('/api/tokens', { name: 'nightly export', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret.startsWith(token.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).json().authenticatedBy).toBe('token');

    const list = (await agent.get('/api/tokens')).json().items;
    expect(list.map((item: { id: string }) => item.id)).toContain(token.id);
    expect(JSON.stringify(list)).not.toContain(secret);

    expect((await agent.delete(`/api/tokens/${token.id}`)).json().revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
  });

  it('stops a token at its expiry', async () => {
    const agent = await agentFor(t, 'viewer');
    const { secret } = (await agent.post('/api/tokens', { name: 'short-lived', expiresInDays: 1 })).json();
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
  });

  it('does not let one user revoke another’s token', async () => {
    const owner = await agentFor(t, 'viewer');
    const other = await agentFor(t, 'admin');
    const { token } = (await owner.post('/api/tokens', { name: 'mine' })).json();
    expect((await other.delete(`/api/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it('answers a bad token with 401, not as an anonymous call', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Bearer cadre_nonsense' } });
    expect(response.statusCode).toBe(401);
  });
});
