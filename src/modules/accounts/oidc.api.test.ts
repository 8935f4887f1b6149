import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, scriptOf, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { startIdentityProvider } from '../../../test/support/identity-provider.js';
import { loadClientKey } from './oidc-client.js';
import { assertsMultiFactor } from './oidc.service.js';

const PUBLIC_URL = 'https://cadre.example.test';
const REDIRECT = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_ID = 'urn:gov:gsa:openidconnect.profiles:sp:sso:program-office:cadre';

let t: TestApp;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let keyDir: string;

beforeAll(async () => {
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-oidc-'));
  const keyFile = path.join(keyDir, 'client.pem');
  fs.writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const { publicJwk } = await loadClientKey(keyFile);
  idp = await startIdentityProvider({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    clientJwks: { keys: [publicJwk] },
    accounts: [
      { email: 'officer@program.example.gov', isEmailVerified: true },
      { email: 'admin@program.example.gov', isEmailVerified: true },
      { email: 'stranger@elsewhere.example', isEmailVerified: true },
      { email: 'unverified@program.example.gov', isEmailVerified: false },
    ],
  });
  t = await createTestApp({
    env: {
      CADRE_PUBLIC_URL: PUBLIC_URL,
      CADRE_REQUIRE_SECOND_FACTOR: 'admin,program_officer',
      CADRE_OIDC_ISSUER: idp.issuer,
      CADRE_OIDC_CLIENT_ID: CLIENT_ID,
      CADRE_OIDC_PRIVATE_KEY_FILE: keyFile,
      CADRE_OIDC_NAME: 'Test Login',
    },
  });
  for (const [email, role] of [
    ['officer@program.example.gov', 'program_officer'],
    ['admin@program.example.gov', 'admin'],
    ['unverified@program.example.gov', 'viewer'],
  ] as const) {
    await t.services.users.create(t.system, { email, name: email, role, password: TEST_PASSWORD });
  }
}, 30_000);

afterAll(async () => {
  await t?.close();
  await idp?.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

/** The browser's round trip: Cadre → provider (login, consent) → Cadre's callback. */
async function signInThroughProvider(login: { email: string; amr?: string[]; acr?: string }, options: { dropCookie?: boolean } = {}) {
  const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const requestCookie = start.cookies.find((cookie) => cookie.name === 'cadre_oidc');
  expect(requestCookie).toMatchObject({ httpOnly: true, path: '/api/auth/oidc' });
  const authorization = new URL(String(start.headers.location));
  expect(authorization.origin).toBe(idp.issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  const back = await idp.signIn(authorization.href, login);
  const callback = await t.app.inject({
    method: 'GET',
    url: `/api/auth/oidc/callback${back.search}`,
    cookies: options.dropCookie ? {} : { cadre_oidc: requestCookie!.value },
  });
  expect(callback.statusCode).toBe(302);
  const cookies = Object.fromEntries(callback.cookies.filter((cookie) => cookie.value !== '').map((cookie) => [cookie.name, cookie.value]));
  return { location: String(callback.headers.location), cookies };
}

async function auditActions(prefix: string) {
  const admin = await agentFor(t, 'admin');
  return (await scriptOf(t, admin).get(`/api/audit?action=${prefix}&limit=50`)).json().items as { action: string; actorLabel: string; after: Record<string, unknown> }[];
}

describe('signing in with an OpenID Connect provider', () => {
  it('offers the provider on the sign-in page', async () => {
    const options = await t.app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(options.json()).toEqual({ identityProvider: { name: 'Test Login', startUrl: '/api/auth/oidc/start' } });
  });

  it('signs in the Cadre user of the verified email; a provider asserting two factors stands as the second', async () => {
    const { location, cookies } = await signInThroughProvider({ email: 'officer@program.example.gov', amr: ['pwd', 'otp'] });
    expect(location).toBe('/');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { cadre_session: cookies.cadre_session! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'officer@program.example.gov' }, mustEnrolSecondFactor: false });
    const signIn = (await auditActions('session.sign_in')).find((event) => event.actorLabel === 'officer@program.example.gov');
    expect(signIn?.after).toEqual({ method: 'oidc', secondFactor: 'oidc' });
  });

  it('counts an acr of AAL2 as two factors too', async () => {
    const { cookies } = await signInThroughProvider({ email: 'officer@program.example.gov', acr: 'http://idmanagement.gov/ns/assurance/aal/2' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { cadre_session: cookies.cadre_session! } });
    expect(me.json().mustEnrolSecondFactor).toBe(false);
  });

  it('asks Cadre’s own second factor when the provider used one factor only', async () => {
    // The admin enrols an authenticator app first, signing in with the password.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@program.example.gov', password: TEST_PASSWORD } });
    const session = { cadre_session: login.cookies.find((cookie) => cookie.name === 'cadre_session')!.value };
    const headers = { 'x-csrf-token': login.json().csrfToken };
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/account/totp', cookies: session, headers })).json();
    const code = () => new TOTP({ secret }).generate({ timestamp: t.clock.now().getTime() });
    expect((await t.app.inject({ method: 'POST', url: '/api/account/totp/confirm', cookies: session, headers, payload: { code: code() } })).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 30_000));

    const { location, cookies } = await signInThroughProvider({ email: 'admin@program.example.gov', amr: ['pwd'] });
    expect(location).toBe('/sign-in/second-factor');
    expect(cookies.cadre_session).toBeUndefined();
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      cookies: { cadre_sign_in: cookies.cadre_sign_in! },
      payload: { method: 'totp', code: code() },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().user.email).toBe('admin@program.example.gov');
    const signIn = (await auditActions('session.sign_in')).find((event) => event.actorLabel === 'admin@program.example.gov');
    expect(signIn?.after).toEqual({ method: 'oidc', secondFactor: 'totp' });
  });

  it('refuses an email Cadre does not know, and one the provider has not verified, saying why', async () => {
    const stranger = await signInThroughProvider({ email: 'stranger@elsewhere.example', amr: ['mfa'] });
    expect(stranger.location).toBe('/sign-in/refused?reason=unknown_account');
    expect(stranger.cookies.cadre_session).toBeUndefined();
    const unverified = await signInThroughProvider({ email: 'unverified@program.example.gov', amr: ['mfa'] });
    expect(unverified.location).toBe('/sign-in/refused?reason=unverified_email');
    const refusals = (await auditActions('session.oidc_refused')).map((event) => event.after);
    expect(refusals).toEqual(
      expect.arrayContaining([
        { reason: 'unknown_account', email: 'stranger@elsewhere.example' },
        { reason: 'unverified_email', email: 'unverified@program.example.gov' },
      ]),
    );
  });

  it('refuses a callback the browser did not start (a forged or replayed response)', async () => {
    const forged = await signInThroughProvider({ email: 'officer@program.example.gov', amr: ['mfa'] }, { dropCookie: true });
    expect(forged.location).toBe('/sign-in/refused?reason=failed');
    expect(forged.cookies.cadre_session).toBeUndefined();
  });
});

describe('an identity provider that cannot be reached', () => {
  it('sends the browser to a page that says so, not to an error', async () => {
    const closed = await startIdentityProvider({ clientId: CLIENT_ID, redirectUri: REDIRECT, clientJwks: { keys: [] }, accounts: [] });
    await closed.close();
    const other = await createTestApp({
      env: { CADRE_PUBLIC_URL: PUBLIC_URL, CADRE_OIDC_ISSUER: closed.issuer, CADRE_OIDC_CLIENT_ID: CLIENT_ID, CADRE_OIDC_PRIVATE_KEY_FILE: path.join(keyDir, 'client.pem') },
    });
    try {
      const start = await other.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/sign-in/refused?reason=unavailable');
    } finally {
      await other.close();
    }
  });
});

describe('what counts as two factors from the provider', () => {
  it('reads amr and the configured acr values', () => {
    const aal2 = ['http://idmanagement.gov/ns/assurance/aal/2'];
    expect(assertsMultiFactor({ amr: ['mfa'] }, [])).toBe(true);
    expect(assertsMultiFactor({ amr: ['pwd', 'hwk'] }, [])).toBe(true);
    expect(assertsMultiFactor({ amr: ['pwd'] }, [])).toBe(false);
    expect(assertsMultiFactor({ amr: ['otp'] }, [])).toBe(false);
    expect(assertsMultiFactor({ acr: aal2[0] }, aal2)).toBe(true);
    expect(assertsMultiFactor({ acr: 'urn:example:aal1' }, aal2)).toBe(false);
    expect(assertsMultiFactor({ amr: 'mfa' }, [])).toBe(false);
  });
});
