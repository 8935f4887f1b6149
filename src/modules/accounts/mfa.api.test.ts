import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, scriptOf, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { softAuthenticator } from '../../../test/support/soft-authenticator.js';
import type { Role } from '../../platform/access.js';
import { SECOND_FACTOR_LIMITS } from './mfa.service.js';

const PUBLIC_URL = 'https://cadre.example.test';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { CADRE_REQUIRE_SECOND_FACTOR: 'admin,program_officer', CADRE_PUBLIC_URL: PUBLIC_URL } });
});
afterAll(() => t.close());

/** A browser: keeps the cookies the API sets and sends the CSRF token with writes. */
function browser() {
  const cookies: Record<string, string> = {};
  let csrf = '';
  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
    const response = await t.app.inject({ method, url, cookies, headers: csrf ? { 'x-csrf-token': csrf } : {}, ...(payload && { payload }) });
    for (const cookie of response.cookies) {
      if (cookie.maxAge === 0 || cookie.value === '') delete cookies[cookie.name];
      else cookies[cookie.name] = cookie.value;
    }
    const body = String(response.headers['content-type'] ?? '').includes('json') ? response.json() : null;
    if (typeof body?.csrfToken === 'string') csrf = body.csrfToken;
    return { status: response.statusCode, body, response };
  }
  return {
    cookies,
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: object) => call('POST', url, payload),
    delete: (url: string) => call('DELETE', url),
    signOut: async () => {
      await call('POST', '/api/auth/logout');
      csrf = '';
    },
  };
}

let counter = 0;
async function account(role: Role) {
  const email = `mfa.${role}.${++counter}@example.test`;
  const { user } = await t.services.users.create(t.system, { email, name: `MFA ${role}`, role, password: TEST_PASSWORD });
  return { email, user, page: browser() };
}

const codeAt = (secret: string, offsetSeconds = 0) => new TOTP({ secret }).generate({ timestamp: t.clock.now().getTime() + offsetSeconds * 1000 });
const later = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000));

async function enrolTotp(page: ReturnType<typeof browser>) {
  const started = await page.post('/api/account/totp');
  expect(started.status).toBe(200);
  const confirmed = await page.post('/api/account/totp/confirm', { code: codeAt(started.body.secret) });
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

let auditor: Awaited<ReturnType<typeof agentFor>>;
async function auditOf(userId: string): Promise<{ action: string; after: unknown }[]> {
  auditor ??= await agentFor(t, 'admin');
  return (await scriptOf(t, auditor).get(`/api/audit?entityId=${userId}&limit=100`)).json().items;
}

describe('a role that requires a second factor', () => {
  it('enrols an authenticator app before anything else, then signs in with a code, once', async () => {
    const { email, user, page } = await account('admin');
    const first = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.mustEnrolSecondFactor).toBe(true);
    const held = await page.get('/api/organizations');
    expect(held.status).toBe(403);
    expect(held.body.code).toBe('second_factor_enrolment_required');
    expect((await page.get('/api/account/security')).body).toMatchObject({ isSecondFactorRequired: true, totp: { isEnrolled: false }, passkeys: [] });

    const started = await page.post('/api/account/totp');
    expect(started.body.uri).toContain(`otpauth://totp/Cadre:${encodeURIComponent(email)}`);
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const wrong = await page.post('/api/account/totp/confirm', { code: '000000' === codeAt(started.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].pointer).toBe('/body/code');
    const confirmed = await page.post('/api/account/totp/confirm', { code: codeAt(started.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.security).toMatchObject({ totp: { isEnrolled: true }, recoveryCodesLeft: 10 });
    // The session that enrolled has proved the factor.
    expect((await page.get('/api/organizations')).status).toBe(200);
    expect((await page.get('/api/auth/me')).body.mustEnrolSecondFactor).toBe(false);

    // The secret is sealed at rest.
    const row = await t.testDb.database.db.selectFrom('totp_authenticators').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.secret_sealed).not.toContain(started.body.secret);

    await page.signOut();
    later(30);
    const password = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(password.status).toBe(200);
    expect(password.body).toMatchObject({ secondFactorRequired: true, methods: ['totp', 'recovery_code'] });
    expect(page.cookies.cadre_session).toBeUndefined();
    expect((await page.get('/api/auth/me')).status).toBe(401);
    const pendingCookie = password.response.cookies.find((cookie) => cookie.name === 'cadre_sign_in');
    expect(pendingCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login' });
    // The second step's page reads what the sign-in can be finished with.
    expect((await page.get('/api/auth/login/second-factor')).body).toMatchObject({ methods: ['totp', 'recovery_code'], passkeyOptions: null });
    expect((await browser().get('/api/auth/login/second-factor')).status).toBe(401);

    const code = codeAt(started.body.secret);
    const signedIn = await page.post('/api/auth/login/second-factor', { method: 'totp', code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { email }, mustEnrolSecondFactor: false });
    expect((await page.get('/api/organizations')).status).toBe(200);

    // The same code, within its 30 seconds, does not open a second session.
    const thief = browser();
    await thief.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const replayed = await thief.post('/api/auth/login/second-factor', { method: 'totp', code });
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toContain('already used');

    const actions = (await auditOf(user.id)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['user.totp_enrol', 'user.recovery_codes_generate', 'session.second_factor_failed']));
    const signIns = (await auditOf(user.id)).filter((event) => event.action === 'session.sign_in').map((event) => event.after);
    expect(signIns).toContainEqual({ method: 'password', secondFactor: 'totp' });
  });

  it('has a new admin choose a password first, then enrol', async () => {
    const email = `mfa.first.${++counter}@example.test`;
    const { oneTimePassword } = await t.services.users.create(t.system, { email, name: 'New admin', role: 'admin' });
    const page = browser();
    const first = await page.post('/api/auth/login', { email, password: oneTimePassword });
    expect(first.body).toMatchObject({ user: { mustChangePassword: true }, mustEnrolSecondFactor: true });
    expect((await page.get('/api/account/security')).body.code).toBe('password_change_required');
    const changed = await page.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'a brand new admin passphrase' });
    expect(changed.status).toBe(200);
    expect((await page.get('/api/organizations')).body.code).toBe('second_factor_enrolment_required');
    await enrolTotp(page);
    expect((await page.get('/api/organizations')).status).toBe(200);
  });

  it('takes each recovery code once', async () => {
    const { email, user, page } = await account('program_officer');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const { recoveryCodes } = await enrolTotp(page);
    await page.signOut();

    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const code = recoveryCodes[3]!;
    expect((await page.post('/api/auth/login/second-factor', { method: 'recovery_code', code: code.toUpperCase() })).status).toBe(200);
    await page.signOut();
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect((await page.post('/api/auth/login/second-factor', { method: 'recovery_code', code })).status).toBe(401);
    expect((await page.get('/api/account/security')).status).toBe(401);
    const used = (await auditOf(user.id)).find((event) => event.action === 'user.recovery_code_use');
    expect(used?.after).toEqual({ left: 9 });

    // New codes replace the old ones, all of them.
    expect((await page.post('/api/auth/login/second-factor', { method: 'recovery_code', code: recoveryCodes[4]! })).status).toBe(200);
    const renewed = await page.post('/api/account/recovery-codes');
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    await page.signOut();
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect((await page.post('/api/auth/login/second-factor', { method: 'recovery_code', code: recoveryCodes[5]! })).status).toBe(401);
    expect((await page.post('/api/auth/login/second-factor', { method: 'recovery_code', code: renewed.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('ends a pending sign-in after a few wrong codes, and slows down an account after more', async () => {
    const { email, page } = await account('admin');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const { secret } = await enrolTotp(page);
    await page.signOut();
    later(30);
    const wrongCode = () => (codeAt(secret) === '123456' ? '654321' : '123456');

    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    for (let i = 0; i < SECOND_FACTOR_LIMITS.perSignIn; i += 1) {
      expect((await page.post('/api/auth/login/second-factor', { method: 'totp', code: wrongCode() })).status).toBe(401);
    }
    const ended = await page.post('/api/auth/login/second-factor', { method: 'totp', code: codeAt(secret) });
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toContain('sign in with your password again');

    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    for (let i = SECOND_FACTOR_LIMITS.perSignIn; i < SECOND_FACTOR_LIMITS.perAccount; i += 1) {
      expect((await page.post('/api/auth/login/second-factor', { method: 'totp', code: wrongCode() })).status).toBe(401);
    }
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const limited = await page.post('/api/auth/login/second-factor', { method: 'totp', code: codeAt(secret) });
    expect(limited.status).toBe(429);
    expect(Number(limited.response.headers['retry-after'])).toBeGreaterThan(0);

    later(SECOND_FACTOR_LIMITS.windowMinutes * 60 + 30);
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect((await page.post('/api/auth/login/second-factor', { method: 'totp', code: codeAt(secret) })).status).toBe(200);
  });

  it('counts answers sent at once each against the limit, not all against the count before them', async () => {
    const { email, user, page } = await account('admin');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const { secret } = await enrolTotp(page);
    await page.signOut();
    later(30);
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const guesses = Array.from({ length: 20 }, (_, i) => String(i).padStart(6, '0')).filter((code) => code !== codeAt(secret));
    const answers = await Promise.all(guesses.map((code) => page.post('/api/auth/login/second-factor', { method: 'totp', code })));
    const checked = answers.filter((answer) => String(answer.body?.detail).includes('not right'));
    expect(checked.length).toBeLessThanOrEqual(SECOND_FACTOR_LIMITS.perSignIn);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    const failed = (await auditOf(user.id)).filter((event) => event.action === 'session.second_factor_failed');
    expect(failed.length).toBe(checked.length);
  });

  it('stops after 100 wrong answers in a row until an admin resets the factors', async () => {
    const { email, user, page } = await account('program_officer');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const { secret } = await enrolTotp(page);
    await page.signOut();
    const wrongCode = () => (codeAt(secret) === '123456' ? '654321' : '123456');
    for (let wrong = 0; wrong < SECOND_FACTOR_LIMITS.inARow; wrong += SECOND_FACTOR_LIMITS.perAccount) {
      later(SECOND_FACTOR_LIMITS.windowMinutes * 60 + 30);
      for (let i = 0; i < SECOND_FACTOR_LIMITS.perAccount; i += 1) {
        if (i % SECOND_FACTOR_LIMITS.perSignIn === 0) await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
        expect((await page.post('/api/auth/login/second-factor', { method: 'totp', code: wrongCode() })).status).toBe(401);
      }
    }
    later(SECOND_FACTOR_LIMITS.windowMinutes * 60 + 30);
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const stopped = await page.post('/api/auth/login/second-factor', { method: 'totp', code: codeAt(secret) });
    expect(stopped.status).toBe(403);
    expect(stopped.body.detail).toContain('an admin must reset');

    // A leaked admin token cannot do it; an admin signed in at a browser can.
    expect((await scriptOf(t, await agentFor(t, 'admin')).delete(`/api/users/${user.id}/second-factors`)).statusCode).toBe(403);
    const admin = await account('admin');
    await admin.page.post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD });
    await enrolTotp(admin.page);
    expect((await admin.page.delete(`/api/users/${user.id}/second-factors`)).status).toBe(204);
    expect((await page.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.mustEnrolSecondFactor).toBe(true);
  });

  it('adds a named passkey and signs in with it; one made for another site is refused', async () => {
    const { email, user, page } = await account('admin');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const key = softAuthenticator(PUBLIC_URL);

    const phishing = await page.post('/api/account/passkeys', {
      name: 'Elsewhere',
      response: key.register((await page.post('/api/account/passkeys/options')).body, 'https://cadre.example.evil'),
    });
    expect(phishing.status).toBe(400);

    const options = (await page.post('/api/account/passkeys/options')).body;
    expect(options.rp).toEqual({ name: 'Cadre', id: 'cadre.example.test' });
    const added = await page.post('/api/account/passkeys', { name: 'Blue security key', response: key.register(options) });
    expect(added.status).toBe(200);
    expect(added.body.recoveryCodes).toHaveLength(10);
    expect(added.body.security.passkeys).toEqual([expect.objectContaining({ name: 'Blue security key', lastUsedAt: null })]);
    expect((await page.get('/api/organizations')).status).toBe(200);
    // The same answer twice: the registration challenge was spent.
    expect((await page.post('/api/account/passkeys', { name: 'Again', response: key.register(options) })).status).toBe(409);
    await page.signOut();

    const pending = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(pending.body.methods).toEqual(['passkey', 'recovery_code']);
    expect(pending.body.passkeyOptions.allowCredentials).toEqual([{ id: key.credentialId, type: 'public-key', transports: ['usb'] }]);
    const signedIn = await page.post('/api/auth/login/second-factor', { method: 'passkey', response: key.assert(pending.body.passkeyOptions) });
    expect(signedIn.status).toBe(200);
    expect((await page.get('/api/account/security')).body.passkeys[0].lastUsedAt).not.toBeNull();
    const signIns = (await auditOf(user.id)).filter((event) => event.action === 'session.sign_in').map((event) => event.after);
    expect(signIns).toContainEqual({ method: 'password', secondFactor: 'passkey' });

    // The last factor of a role that requires one stays.
    const passkeyId = added.body.security.passkeys[0].id;
    const refused = await page.delete(`/api/account/passkeys/${passkeyId}`);
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('account.second_factor_required');
    await enrolTotp(page);
    const removed = await page.delete(`/api/account/passkeys/${passkeyId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.passkeys).toEqual([]);
    expect((await auditOf(user.id)).map((event) => event.action)).toEqual(expect.arrayContaining(['user.passkey_add', 'user.passkey_remove']));
  });

  it('lets an admin clear a user’s factors after a lost phone: they enrol again', async () => {
    const { email, user, page } = await account('program_officer');
    await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    await enrolTotp(page);
    const officer = await account('program_officer');
    await officer.page.post('/api/auth/login', { email: officer.email, password: TEST_PASSWORD });
    await enrolTotp(officer.page);
    expect((await officer.page.delete(`/api/users/${user.id}/second-factors`)).status).toBe(403);
    const admin = await account('admin');
    await admin.page.post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD });
    await enrolTotp(admin.page);
    expect((await admin.page.delete(`/api/users/${user.id}/second-factors`)).status).toBe(204);
    expect((await page.get('/api/auth/me')).status).toBe(401);
    const again = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(again.body.mustEnrolSecondFactor).toBe(true);
    expect((await auditOf(user.id)).map((event) => event.action)).toContain('user.second_factor_reset');
  });
});

describe('a role that may add a second factor', () => {
  it('signs in with the password alone until it enrols one, and may remove it again', async () => {
    const { email, page } = await account('viewer');
    const first = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(first.body.mustEnrolSecondFactor).toBe(false);
    // The session's cookie first, as scripts that read the first Set-Cookie expect; then the device's.
    expect(first.response.cookies.map((cookie) => cookie.name)).toEqual(['cadre_session', 'cadre_device']);
    expect((await page.get('/api/account/security')).body.isSecondFactorRequired).toBe(false);
    const { secret } = await enrolTotp(page);
    await page.signOut();
    later(30);
    expect((await page.post('/api/auth/login', { email, password: TEST_PASSWORD })).body.secondFactorRequired).toBe(true);
    expect((await page.post('/api/auth/login/second-factor', { method: 'totp', code: codeAt(secret) })).status).toBe(200);

    const removed = await page.delete('/api/account/totp');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ totp: { isEnrolled: false }, recoveryCodesLeft: 0 });
    await page.signOut();
    const again = await page.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(again.body.user.email).toBe(email);
  });

  it('keeps factors to browser sessions: an API token cannot change them', async () => {
    const agent = await agentFor(t, 'viewer');
    expect((await scriptOf(t, agent).post('/api/account/totp')).statusCode).toBe(403);
    expect((await agent.get('/api/account/security')).statusCode).toBe(200);
  });

  it('answers a second step without a pending sign-in as expired', async () => {
    const response = await browser().post('/api/auth/login/second-factor', { method: 'totp', code: '123456' });
    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('sign in with your password again');
  });
});
