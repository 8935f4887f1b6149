import type { LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Config } from '../src/config.js';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import type { Services } from '../src/modules/index.js';
import { type Actor, type RequestContext, type Role, systemContext } from '../src/platform/access.js';
import { type Clock, fixedClock } from '../src/platform/clock.js';
import { createPasswordHasher } from '../src/platform/crypto.js';
import type { App } from '../src/platform/http/context.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_PASSWORD = 'a long test passphrase';

export interface TestApp {
  app: App;
  services: Services;
  testDb: TestDatabase;
  clock: Clock & { set(to: Date | string): void };
  config: Config;
  system: RequestContext;
  close(): Promise<void>;
}

/** The real application on a fresh database of the engine under test, driven through app.inject. */
export async function createTestApp(
  options: { now?: string; env?: Record<string, string>; webRoot?: string; hashing?: { concurrent: number; queued: number }; plugins?: KyselyPlugin[] } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  // A plugin sees every statement the application runs (a test counting them wraps the database so).
  const database = (options.plugins ?? []).reduce((d, plugin) => ({ ...d, db: d.db.withPlugin(plugin) }), testDb.database);
  const clock = fixedClock(options.now ?? '2026-11-28T12:00:00Z');
  // Second factors are off unless a suite turns them on: the suites sign in with passwords alone.
  const config = loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent', CADRE_REQUIRE_SECOND_FACTOR: '', ...options.env });
  // A cheaper scrypt cost keeps the suite fast; the stored hash records its own cost.
  const passwords = createPasswordHasher({ logCost: 10, ...options.hashing });
  const { app, services } = await createApp({ config, database, secretKey: TEST_SECRET, clock, passwords, webRoot: options.webRoot ?? null });
  await app.ready();
  return {
    app,
    services,
    testDb,
    clock,
    config,
    system: systemContext('test'),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface Agent {
  user: { id: string; email: string; name: string; role: Role };
  actor: Actor;
  /** An API token of the user that may read and write in every area, for calls made as a script. */
  token: string;
  /** The id of the session the agent's calls come with. */
  sessionId: string;
  ctx: RequestContext;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, version?: number): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, version?: number): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, version?: number): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** The same person calling with `Accept-Language: <language>`, as a browser set to it does. */
  speaking(language: string): Agent;
}

let userCounter = 0;

/**
 * Creates a user with a role (bound as the role needs) and returns a client that calls as them
 * as from a browser: the session cookie and the CSRF header. `token` is an API token of theirs.
 */
export async function agentFor(
  t: TestApp,
  role: Role,
  binding: { organizationId?: string; personId?: string } = {},
): Promise<Agent> {
  userCounter += 1;
  const { user } = await t.services.users.create(t.system, {
    email: `${role}.${userCounter}.${Date.now()}@example.test`,
    name: `Test ${role} ${userCounter}`,
    role,
    organizationId: binding.organizationId ?? null,
    personId: binding.personId ?? null,
    password: TEST_PASSWORD,
  });
  const actor: Actor = { id: user.id, label: user.email, role, organizationId: user.organizationId, personId: user.personId };
  const ctx: RequestContext = { actor, requestId: null, ip: null };
  const { secret } = await t.services.tokens.create(ctx, { name: 'test', access: 'write', expiresInDays: 365 });
  const signIn = () => signedIn(t.services.auth.signIn({ email: user.email, password: TEST_PASSWORD, ip: '127.0.0.1', userAgent: null, requestId: 'harness' }));
  let session = await signIn();
  let lastCall = t.clock.now().getTime();
  // A test that moves the clock past the session's lifetime or its idle limit finds the agent
  // signed in again, as a person would sign in again; a session ended any other way stays ended.
  const current = async () => {
    const now = t.clock.now();
    const isIdle = now.getTime() - lastCall >= t.config.sessionIdleMinutes * 60_000;
    if (now.toISOString() >= session.expiresAt || isIdle) session = await signIn().catch(() => session);
    lastCall = now.getTime();
    return session;
  };
  const requestIn =
    (language: string | undefined) =>
    async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, version?: number) => {
      const { token, csrfToken } = await current();
      return t.app.inject({
        method,
        url,
        cookies: { cadre_session: token },
        headers: {
          'x-csrf-token': csrfToken,
          ...(version !== undefined && { 'if-match': `"${version}"` }),
          ...(language !== undefined && { 'accept-language': language }),
        },
        ...(body !== undefined && { payload: body as object }),
      });
    };
  const agentSpeaking = (language: string | undefined): Agent => {
    const request = requestIn(language);
    return {
      user: { id: user.id, email: user.email, name: user.name, role },
      actor,
      token: secret,
      get sessionId() {
        return session.sessionId;
      },
      ctx,
      get: (url) => request('GET', url),
      post: (url, body, version) => request('POST', url, body, version),
      put: (url, body, version) => request('PUT', url, body, version),
      patch: (url, body, version) => request('PATCH', url, body, version),
      delete: (url) => request('DELETE', url),
      speaking: (other) => agentSpeaking(other),
    };
  };
  return agentSpeaking(undefined);
}

/** A password sign-in that opens a session at once, as test users have no second factor. */
export async function signedIn<T extends { status: string }>(result: Promise<T>): Promise<Extract<T, { status: 'signed_in' }>> {
  const outcome = await result;
  if (outcome.status !== 'signed_in') throw new Error(`the sign-in asked for a second factor (${outcome.status})`);
  return outcome as Extract<T, { status: 'signed_in' }>;
}

/** Calls as the agent's API token (Authorization: Bearer), as a script would. */
export function scriptOf(t: TestApp, agent: Agent) {
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${agent.token}` }, ...(body !== undefined && { payload: body as object }) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body),
    delete: (url: string) => call('DELETE', url),
  };
}
