import type { LightMyRequestResponse } from 'fastify';
import { TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestContext, Role } from '../src/platform/access.js';
import { addDays } from '../src/platform/dates.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/platform/http/auth.js';
import { sessionHandle } from '../src/modules/accounts/accounts.mapper.js';
import { buildEngagement, buildOrganization, buildPartnership, buildPerson } from './factories.js';
import { type Agent, agentFor, createTestApp, signedIn, TEST_PASSWORD, type TestApp } from './harness.js';
import { softAuthenticator } from './support/soft-authenticator.js';

/** Where the harness's Cadre says it is (no CADRE_PUBLIC_URL: localhost on the default port): passkeys are made for it. */
const HARNESS_ORIGIN = 'http://localhost:3000';

/**
 * Every role against every route, on a record of the caller's own agency and of another one:
 * allowed, refused (403), or answered as if the record did not exist (404). A coordinator must
 * never learn that another agency's record exists.
 */

type Caller = Role | 'anonymous';
type Scope = 'own' | 'other';
type Expectation = number | { own: number; other: number };

interface Fixture {
  organizationId: string;
  partnershipId: string;
  agreementId: string;
  engagementId: string;
  taskId: string;
  personId: string;
  deploymentId: string;
  assignmentId: string;
  offeringId: string;
  enrollmentId: string;
  certificationId: string;
}

let t: TestApp;
let fixtures: Record<Scope, Fixture>;
let callers: Record<Caller, Agent>;
let userId: string;
let counter = 0;

async function fixture(): Promise<Fixture> {
  const partnership = await buildPartnership(t.services, t.system, { startedOn: '2026-01-01' });
  counter += 1;
  const agreement = await t.services.agreements.create(t.system, partnership.id, {
    kind: 'mou',
    reference: `MATRIX-${counter}-${Date.now()}`,
    signedOn: '2026-01-02',
    currency: 'USD',
  });
  const engagement = await buildEngagement(t.services, t.system, {
    organizationId: partnership.organization.id,
    followUps: [{ title: 'Follow up', dueOn: '2026-12-01' }],
  });
  const person = await buildPerson(t.services, t.system, { organizationId: partnership.organization.id });
  await t.services.people.setReadiness(t.system, person.id, 'passport', { completedOn: '2020-01-01', expiresOn: '2030-01-01', passportNumber: 'P1234567' });
  const assignment = await t.services.assignments.nominate(t.system, deploymentId, { personId: person.id, role: 'mentor' });
  const closed = await closedOffering(partnership.organization.id, person.id);
  const open = await t.services.offerings.schedule(t.system, { courseId, startOn: '2027-03-01', endOn: '2027-03-05', country: 'US', capacity: 50, isUsFunded: true, isRefresher: false });
  const enrollment = await t.services.enrollments.enroll(t.system, open.id, person.id);
  return {
    organizationId: partnership.organization.id,
    partnershipId: partnership.id,
    agreementId: agreement.id,
    engagementId: engagement.id,
    taskId: engagement.tasks[0]?.id as string,
    personId: person.id,
    deploymentId,
    assignmentId: assignment.id,
    offeringId: open.id,
    enrollmentId: enrollment.id,
    certificationId: closed.certificationId,
  };
}

let courseId: string;
let credentialId: string;
let officeId: string;

/** A finished offering that certified the person: for certification, follow-up and close routes. */
async function closedOffering(organizationId: string, personId?: string) {
  const participant = personId ?? (await buildPerson(t.services, t.system, { organizationId })).id;
  counter += 1;
  const start = addDays('2026-01-05', counter);
  const offering = await t.services.offerings.schedule(t.system, { courseId, startOn: start, endOn: start, country: 'US', capacity: 50, isUsFunded: true, isRefresher: false });
  const enrollment = await t.services.enrollments.enroll(t.system, offering.id, participant);
  await t.services.enrollments.recordResult(t.system, offering.id, enrollment.id, enrollment.version, { attendancePercent: 100, score: 100 });
  const report = await t.services.enrollments.close(t.system, offering.id, (await t.services.offerings.get(t.system, offering.id)).version);
  return { offeringId: offering.id, personId: participant, certificationId: report.certified[0]?.certificationId as string };
}

let deploymentId: string;

function anonymous(): Agent {
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, body?: unknown, version?: number) =>
    t.app.inject({ method, url, ...(body !== undefined && { payload: body as object }), headers: version ? { 'if-match': `"${version}"` } : {} });
  return { get: inject('GET'), post: inject('POST'), put: inject('PUT'), patch: inject('PATCH'), delete: inject('DELETE') } as unknown as Agent;
}

async function versionOf(url: string): Promise<number> {
  return (await callers.admin.get(url)).json().version as number;
}

/** The harness's agents send DELETE without If-Match; this sends it, as the caller. */
function deleteAt(a: Agent, url: string, version: number) {
  const authorization = a === callers.anonymous ? {} : { authorization: `Bearer ${a.token}` };
  return t.app.inject({ method: 'DELETE', url, headers: { ...authorization, 'if-match': `"${version}"` } });
}

/** A user who is none of the callers, to own the records that are nobody else's business. */
let stranger: Agent;

/**
 * API tokens and notifications belong to a user, not an agency: on the "own" side the record is
 * the caller's, on the "other" side the stranger's.
 */
function holderFor(a: Agent, f: Fixture): RequestContext {
  return f === fixtures.own && a !== callers.anonymous ? a.ctx : stranger.ctx;
}

/** The caller signed in with their password, as in the browser: the session cookie and the CSRF header. */
async function sessionOf(a: Agent) {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.user.email, password: TEST_PASSWORD } });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE);
  return { cookies: { [SESSION_COOKIE]: cookie?.value ?? '' }, headers: { [CSRF_HEADER]: login.json().csrfToken as string } };
}

/** A new session of the agent's user, named as the API names sessions. */
async function freshSessionOf(a: Agent): Promise<string> {
  const session = await signedIn(t.services.auth.signIn({ email: a.user.email, password: TEST_PASSWORD, ip: '127.0.0.1', userAgent: 'matrix', requestId: 'matrix' }));
  return sessionHandle(session.sessionId);
}

interface Case {
  route: string;
  call: (agent: Agent, f: Fixture) => Promise<{ statusCode: number }>;
  expect: Record<Caller, Expectation>;
}

const staffOnly = (ok: number): Record<Caller, Expectation> => ({
  admin: ok,
  program_officer: ok,
  coordinator: 403,
  instructor: 403,
  viewer: 403,
  anonymous: 401,
});
const partnerRead: Record<Caller, Expectation> = {
  admin: 200,
  program_officer: 200,
  coordinator: { own: 200, other: 404 },
  instructor: 403,
  viewer: 200,
  anonymous: 401,
};
const adminOnly = (ok: number): Record<Caller, Expectation> => ({
  admin: ok,
  program_officer: 403,
  coordinator: 403,
  instructor: 403,
  viewer: 403,
  anonymous: 401,
});
const peopleRead: Record<Caller, Expectation> = {
  admin: 200,
  program_officer: 200,
  coordinator: { own: 200, other: 404 },
  instructor: 404,
  viewer: 200,
  anonymous: 401,
};
const peopleWrite = (ok: number): Record<Caller, Expectation> => ({
  admin: ok,
  program_officer: ok,
  coordinator: { own: ok, other: 404 },
  instructor: 404,
  viewer: 403,
  anonymous: 401,
});
const everyone = (ok: number): Record<Caller, Expectation> => ({
  admin: ok,
  program_officer: ok,
  coordinator: ok,
  instructor: ok,
  viewer: ok,
  anonymous: 401,
});

const officeRead = (ok: number): Record<Caller, Expectation> => ({ ...staffOnly(ok), viewer: ok });
/** A user's own record, whatever their role; anyone else's is answered as if it did not exist, even to an admin. */
const holderOnly = (ok: number): Record<Caller, Expectation> => ({
  admin: { own: ok, other: 404 },
  program_officer: { own: ok, other: 404 },
  coordinator: { own: ok, other: 404 },
  instructor: { own: ok, other: 404 },
  viewer: { own: ok, other: 404 },
  anonymous: 401,
});

/** A call made from a browser session (second factors are managed from one only), or anonymously. */
async function inSession(a: Agent, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  if (a === callers.anonymous) return t.app.inject({ method, url, ...(payload && { payload }) });
  return t.app.inject({ method, url, ...(await sessionOf(a)), ...(payload && { payload }) });
}

/** Enrols an authenticator app for the holder through the service, as if from a session of theirs. */
async function enrolTotp(ctx: RequestContext): Promise<string> {
  const { secret } = await t.services.mfa.startTotp(ctx, 'matrix-session');
  const { recoveryCodes } = await t.services.mfa.confirmTotp(ctx, 'matrix-session', new TOTP({ secret }).generate({ timestamp: t.clock.now().getTime() }));
  return recoveryCodes![0]!;
}

/** A call from a session signed in with the password and, when the caller has one, a recovery code as the second factor. */
async function inSessionWithFactor(a: Agent, method: 'POST' | 'DELETE', url: string, recoveryCode: string | null) {
  if (a === callers.anonymous || recoveryCode === null) return inSession(a, method, url);
  const password = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.user.email, password: TEST_PASSWORD } });
  const pending = { cadre_sign_in: password.cookies.find((cookie) => cookie.name === 'cadre_sign_in')?.value ?? '' };
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login/second-factor', cookies: pending, payload: { method: 'recovery_code', code: recoveryCode } });
  const cookies = { [SESSION_COOKIE]: login.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '' };
  return t.app.inject({ method, url, cookies, headers: { [CSRF_HEADER]: login.json().csrfToken as string } });
}

/**
 * Leaves the caller without second factors, so that signing in with the password alone still opens
 * a session; straight in the database, since an admin's reset would also end the caller's session.
 */
async function withoutFactors(a: Agent, response: LightMyRequestResponse) {
  if (a !== callers.anonymous) {
    for (const table of ['totp_authenticators', 'passkeys', 'recovery_codes'] as const) {
      await t.testDb.database.db.deleteFrom(table).where('user_id', '=', a.user.id).execute();
    }
  }
  return response;
}

async function addPasskey(ctx: RequestContext) {
  const options = await t.services.mfa.passkeyOptions(ctx, 'matrix-session');
  const added = await t.services.mfa.addPasskey(ctx, 'matrix-session', { name: 'matrix', response: softAuthenticator(HARNESS_ORIGIN).register(options) });
  return { id: added.security.passkeys[0]!.id, recoveryCode: added.recoveryCodes![0]! };
}

let officerRun: string | undefined;
async function finishedRun(): Promise<string> {
  if (!officerRun) {
    const run = await t.services.reports.startRun(callers.program_officer.ctx, { kind: 'year', year: 2026, format: 'md' });
    await vi.waitFor(async () => expect((await t.services.reports.run(callers.program_officer.ctx, run.id)).status).toBe('done'), { timeout: 20_000, interval: 20 });
    officerRun = run.id;
  }
  return officerRun;
}

/** An uploaded roster of the fixture's agency, fresh for each call that changes it. */
async function freshImport(f: Fixture): Promise<{ id: string; version: number }> {
  async function* body() {
    yield Buffer.from('Given name,Family name\nMatrix,Importee\n');
  }
  const view = await t.services.imports.upload(t.system, { kind: 'people', filename: 'matrix.csv', organizationId: f.organizationId }, body());
  return { id: view.id, version: view.version };
}

/** A saved mapping of the fixture's agency, as its coordinator keeps it, fresh for each call. */
async function agencyMapping(f: Fixture): Promise<string> {
  const keeper: RequestContext = { actor: { id: null, label: 'matrix coordinator', role: 'coordinator', organizationId: f.organizationId, personId: null }, requestId: null, ip: null };
  counter += 1;
  return (await t.services.imports.createMapping(keeper, { kind: 'people', name: `Agency mapping ${counter}`, columns: { Nombre: 'givenName' }, leftOut: [], dateFormat: null })).id;
}

function uploadAs(a: Agent, query: string, body: string) {
  const authorization = a === callers.anonymous ? {} : { authorization: `Bearer ${a.token}` };
  return t.app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { ...authorization, 'content-type': 'text/csv' }, payload: Buffer.from(body) });
}

const importRead: Record<Caller, Expectation> = {
  admin: 200,
  program_officer: 200,
  coordinator: { own: 200, other: 404 },
  instructor: 404,
  viewer: 403,
  anonymous: 401,
};
const importRun = (ok: number): Record<Caller, Expectation> => ({ ...importRead, admin: ok, program_officer: ok, coordinator: { own: ok, other: 404 } });

const cases: Case[] = [
  {
    route: 'POST /api/imports',
    call: (a, f) => uploadAs(a, `kind=people&filename=roster.csv&organizationId=${f.organizationId}`, 'Given name,Family name\nUploaded,Person\n'),
    expect: { admin: 201, program_officer: 201, coordinator: { own: 201, other: 404 }, instructor: 403, viewer: 403, anonymous: 401 },
  },
  { route: 'GET /api/imports', call: (a) => a.get('/api/imports'), expect: { ...everyone(200), viewer: 403 } },
  { route: 'GET /api/imports/kinds', call: (a) => a.get('/api/imports/kinds'), expect: everyone(200) },
  { route: 'GET /api/imports/mappings', call: (a) => a.get('/api/imports/mappings?kind=people'), expect: { ...everyone(200), viewer: 403 } },
  {
    route: 'POST /api/imports/mappings',
    call: (a) => a.post('/api/imports/mappings', { kind: 'people', name: `Matrix mapping ${Math.random()}`, columns: { Nombre: 'givenName', Apellido: 'familyName' } }),
    expect: { admin: 201, program_officer: 201, coordinator: 201, instructor: 403, viewer: 403, anonymous: 401 },
  },
  { route: 'GET /api/imports/:id', call: async (a, f) => a.get(`/api/imports/${(await freshImport(f)).id}`), expect: importRead },
  {
    route: 'PATCH /api/imports/:id',
    call: async (a, f) => {
      const made = await freshImport(f);
      return a.patch(`/api/imports/${made.id}`, { dateFormat: 'DMY' }, made.version);
    },
    expect: importRun(200),
  },
  { route: 'POST /api/imports/:id/validate', call: async (a, f) => a.post(`/api/imports/${(await freshImport(f)).id}/validate`), expect: importRun(202) },
  { route: 'POST /api/imports/:id/commit', call: async (a, f) => a.post(`/api/imports/${(await freshImport(f)).id}/commit`, { mode: 'all' }), expect: importRun(202) },
  { route: 'GET /api/imports/:id/problems', call: async (a, f) => a.get(`/api/imports/${(await freshImport(f)).id}/problems`), expect: importRead },
  {
    route: 'DELETE /api/imports/:id',
    call: async (a, f) => {
      const made = await freshImport(f);
      return deleteAt(a, `/api/imports/${made.id}`, made.version);
    },
    expect: importRun(204),
  },
  {
    route: 'DELETE /api/imports/mappings/:id',
    call: async (a, f) => a.delete(`/api/imports/mappings/${await agencyMapping(f)}`),
    expect: { admin: 204, program_officer: 204, coordinator: { own: 204, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  { route: 'GET /api/health', call: (a) => a.get('/api/health'), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/auth/me', call: (a) => a.get('/api/auth/me'), expect: everyone(200) },
  { route: 'PATCH /api/auth/me', call: (a) => a.patch('/api/auth/me', { locale: null }), expect: everyone(200) },
  {
    // Signing in is open to anyone, signed in already or not.
    route: 'POST /api/auth/login',
    call: async (a) => {
      const email = `matrix.login.${++counter}@example.test`;
      await t.services.users.create(t.system, { email, name: 'Matrix sign-in', role: 'viewer', password: TEST_PASSWORD });
      return a.post('/api/auth/login', { email, password: TEST_PASSWORD });
    },
    expect: { ...everyone(200), anonymous: 200 },
  },
  {
    // Signing out ends a session, which an API token has none of: each caller signs in with their password first.
    route: 'POST /api/auth/logout',
    call: async (a) => {
      if (a === callers.anonymous) return a.post('/api/auth/logout');
      return t.app.inject({ method: 'POST', url: '/api/auth/logout', ...(await sessionOf(a)) });
    },
    expect: everyone(204),
  },
  {
    // Every caller changes their own password; a user of the caller's role does it, since a change revokes the caller's tokens.
    route: 'POST /api/auth/password',
    call: async (a) => {
      const body = { currentPassword: TEST_PASSWORD, newPassword: `matrix passphrase number ${++counter}` };
      if (a === callers.anonymous) return a.post('/api/auth/password', body);
      const binding = { ...(a.actor.organizationId && { organizationId: a.actor.organizationId }), ...(a.actor.personId && { personId: a.actor.personId }) };
      return (await agentFor(t, a.user.role, binding)).post('/api/auth/password', body);
    },
    expect: everyone(200),
  },
  { route: 'GET /api/auth/options', call: (a) => a.get('/api/auth/options'), expect: { ...everyone(200), anonymous: 200 } },
  {
    // The second step needs the pending sign-in of a password step: without one, nobody gets further.
    route: 'POST /api/auth/login/second-factor',
    call: (a) => a.post('/api/auth/login/second-factor', { method: 'totp', code: '123456' }),
    expect: { ...everyone(401), anonymous: 401 },
  },
  {
    route: 'GET /api/auth/login/second-factor',
    call: (a) => a.get('/api/auth/login/second-factor'),
    expect: { ...everyone(401), anonymous: 401 },
  },
  { route: 'GET /api/account/security', call: (a) => a.get('/api/account/security'), expect: everyone(200) },
  { route: 'POST /api/account/totp', call: async (a) => withoutFactors(a, await inSession(a, 'POST', '/api/account/totp')), expect: everyone(200) },
  {
    route: 'POST /api/account/totp/confirm',
    call: async (a) => {
      if (a === callers.anonymous) return a.post('/api/account/totp/confirm', { code: '123456' });
      const { secret } = await t.services.mfa.startTotp(a.ctx, 'matrix-session');
      const code = new TOTP({ secret }).generate({ timestamp: t.clock.now().getTime() });
      return withoutFactors(a, await inSession(a, 'POST', '/api/account/totp/confirm', { code }));
    },
    expect: everyone(200),
  },
  {
    route: 'DELETE /api/account/totp',
    call: async (a) => {
      const recoveryCode = a === callers.anonymous ? null : await enrolTotp(a.ctx);
      return withoutFactors(a, await inSessionWithFactor(a, 'DELETE', '/api/account/totp', recoveryCode));
    },
    expect: everyone(200),
  },
  { route: 'POST /api/account/passkeys/options', call: (a) => inSession(a, 'POST', '/api/account/passkeys/options'), expect: everyone(200) },
  {
    route: 'POST /api/account/passkeys',
    call: async (a) => {
      if (a === callers.anonymous) return a.post('/api/account/passkeys', { name: 'matrix', response: {} });
      const session = await sessionOf(a);
      const options = (await t.app.inject({ method: 'POST', url: '/api/account/passkeys/options', ...session })).json();
      const payload = { name: 'matrix', response: softAuthenticator(HARNESS_ORIGIN).register(options) };
      return withoutFactors(a, await t.app.inject({ method: 'POST', url: '/api/account/passkeys', ...session, payload }));
    },
    expect: everyone(200),
  },
  {
    route: 'DELETE /api/account/passkeys/:id',
    call: async (a, f) => {
      const holder = holderFor(a, f);
      const { id, recoveryCode } = await addPasskey(holder);
      const response = await withoutFactors(a, await inSessionWithFactor(a, 'DELETE', `/api/account/passkeys/${id}`, holder === a.ctx ? recoveryCode : null));
      await t.services.mfa.resetForUser(callers.admin.ctx, stranger.user.id);
      return response;
    },
    expect: holderOnly(200),
  },
  {
    route: 'POST /api/account/recovery-codes',
    call: async (a) => {
      const recoveryCode = a === callers.anonymous ? null : await enrolTotp(a.ctx);
      return withoutFactors(a, await inSessionWithFactor(a, 'POST', '/api/account/recovery-codes', recoveryCode));
    },
    expect: everyone(200),
  },
  { route: 'DELETE /api/users/:id/second-factors', call: (a) => a.delete(`/api/users/${userId}/second-factors`), expect: adminOnly(204) },
  { route: 'GET /api/auth/sessions', call: (a) => a.get('/api/auth/sessions'), expect: everyone(200) },
  { route: 'DELETE /api/auth/sessions', call: (a) => a.delete('/api/auth/sessions'), expect: everyone(200) },
  {
    route: 'DELETE /api/auth/sessions/:id',
    call: async (a, f) => a.delete(`/api/auth/sessions/${await freshSessionOf(f === fixtures.own && a !== callers.anonymous ? a : stranger)}`),
    expect: holderOnly(204),
  },
  { route: 'GET /api/tokens', call: (a) => a.get('/api/tokens'), expect: everyone(200) },
  { route: 'POST /api/tokens', call: (a) => a.post('/api/tokens', { name: 'matrix' }), expect: everyone(201) },
  {
    route: 'DELETE /api/tokens/:id',
    call: async (a, f) => {
      const { token } = await t.services.tokens.create(holderFor(a, f), { name: `matrix ${++counter}` });
      return a.delete(`/api/tokens/${token.id}`);
    },
    expect: holderOnly(200),
  },
  { route: 'GET /api/users', call: (a) => a.get('/api/users'), expect: adminOnly(200) },
  {
    route: 'POST /api/users',
    call: (a) => a.post('/api/users', { email: `matrix.${Math.random()}@example.test`, name: 'Matrix', role: 'viewer' }),
    expect: adminOnly(201),
  },
  { route: 'GET /api/users/assignable', call: (a) => a.get('/api/users/assignable'), expect: staffOnly(200) },
  { route: 'GET /api/users/:id', call: (a) => a.get(`/api/users/${userId}`), expect: adminOnly(200) },
  {
    route: 'PATCH /api/users/:id',
    call: async (a) => a.patch(`/api/users/${userId}`, { name: `Renamed ${Math.random()}` }, await versionOf(`/api/users/${userId}`)),
    expect: adminOnly(200),
  },
  { route: 'POST /api/users/:id/password-reset', call: (a) => a.post(`/api/users/${userId}/password-reset`), expect: adminOnly(200) },
  { route: 'GET /api/users/:id/sessions', call: (a) => a.get(`/api/users/${stranger.user.id}/sessions`), expect: adminOnly(200) },
  { route: 'DELETE /api/users/:id/sessions', call: (a) => a.delete(`/api/users/${userId}/sessions`), expect: adminOnly(200) },
  {
    route: 'DELETE /api/users/:id/sessions/:sessionId',
    call: async (a) => a.delete(`/api/users/${stranger.user.id}/sessions/${await freshSessionOf(stranger)}`),
    expect: adminOnly(204),
  },
  {
    route: 'DELETE /api/users/:id/tokens/:tokenId',
    call: async (a) => {
      const { token } = await t.services.tokens.create(stranger.ctx, { name: `matrix ${++counter}` });
      return a.delete(`/api/users/${stranger.user.id}/tokens/${token.id}`);
    },
    expect: adminOnly(200),
  },
  { route: 'GET /api/audit', call: (a) => a.get('/api/audit'), expect: adminOnly(200) },
  { route: 'GET /api/audit/verification', call: (a) => a.get('/api/audit/verification'), expect: adminOnly(200) },

  { route: 'GET /api/organizations', call: (a) => a.get('/api/organizations'), expect: { ...everyone(200), instructor: 403 } },
  {
    route: 'GET /api/organizations/:id',
    call: (a, f) => a.get(`/api/organizations/${f.organizationId}`),
    expect: { admin: 200, program_officer: 200, coordinator: { own: 200, other: 404 }, instructor: 404, viewer: 200, anonymous: 401 },
  },
  {
    route: 'POST /api/organizations',
    call: (a) => a.post('/api/organizations', { name: `Matrix PD ${Math.random()}`, kind: 'municipal_police', country: 'US' }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/organizations/:id',
    call: async (a, f) => a.patch(`/api/organizations/${f.organizationId}`, { city: `City ${Math.random()}` }, await versionOf(`/api/organizations/${f.organizationId}`)),
    expect: staffOnly(200),
  },
  {
    route: 'PUT /api/organizations/:id/archived',
    call: async (a, f) => a.put(`/api/organizations/${f.organizationId}/archived`, { isArchived: false }, await versionOf(`/api/organizations/${f.organizationId}`)),
    expect: staffOnly(200),
  },

  { route: 'GET /api/partnerships', call: (a) => a.get('/api/partnerships'), expect: { ...partnerRead, coordinator: 200 } },
  { route: 'GET /api/partnerships/board', call: (a) => a.get('/api/partnerships/board'), expect: { ...partnerRead, coordinator: 200 } },
  { route: 'GET /api/partnerships/:id', call: (a, f) => a.get(`/api/partnerships/${f.partnershipId}`), expect: partnerRead },
  {
    route: 'POST /api/partnerships',
    call: async (a) => a.post('/api/partnerships', { organizationId: (await buildOrganization(t.services, t.system)).id }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/partnerships/:id',
    call: async (a, f) => a.patch(`/api/partnerships/${f.partnershipId}`, { summary: `${Math.random()}` }, await versionOf(`/api/partnerships/${f.partnershipId}`)),
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/partnerships/:id/stage-changes',
    call: async (a, f) => {
      const current = (await callers.admin.get(`/api/partnerships/${f.partnershipId}`)).json();
      const next = current.stage === 'prospect' ? 'engaged' : 'prospect';
      return a.post(`/api/partnerships/${f.partnershipId}/stage-changes`, { stage: next }, current.version);
    },
    expect: staffOnly(200),
  },
  { route: 'GET /api/agreements', call: (a) => a.get('/api/agreements'), expect: { ...partnerRead, coordinator: 200 } },
  { route: 'GET /api/agreements/:id', call: (a, f) => a.get(`/api/agreements/${f.agreementId}`), expect: partnerRead },
  {
    route: 'POST /api/partnerships/:id/agreements',
    call: (a, f) => a.post(`/api/partnerships/${f.partnershipId}/agreements`, { kind: 'mou', reference: `M-${Math.random()}` }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/agreements/:id',
    call: async (a, f) => a.patch(`/api/agreements/${f.agreementId}`, { title: `${Math.random()}` }, await versionOf(`/api/agreements/${f.agreementId}`)),
    expect: staffOnly(200),
  },

  { route: 'GET /api/engagements', call: (a) => a.get('/api/engagements'), expect: { ...partnerRead, coordinator: 200 } },
  { route: 'GET /api/engagements/:id', call: (a, f) => a.get(`/api/engagements/${f.engagementId}`), expect: partnerRead },
  {
    route: 'POST /api/engagements',
    call: (a, f) => a.post('/api/engagements', { organizationId: f.organizationId, kind: 'call', occurredOn: '2026-11-01', title: 'Matrix call' }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/engagements/:id',
    call: async (a, f) => a.patch(`/api/engagements/${f.engagementId}`, { outcome: `${Math.random()}` }, await versionOf(`/api/engagements/${f.engagementId}`)),
    expect: staffOnly(200),
  },
  {
    // Withdrawing is once: each call withdraws a fresh meeting.
    route: 'POST /api/engagements/:id/withdrawal',
    call: async (a, f) => {
      const engagement = await t.services.engagements.create(t.system, { organizationId: f.organizationId, kind: 'call', occurredOn: '2026-11-01', title: 'Logged twice', participants: [], followUps: [] });
      return a.post(`/api/engagements/${engagement.id}/withdrawal`, { reason: 'matrix check' }, engagement.version);
    },
    expect: staffOnly(200),
  },
  { route: 'GET /api/tasks', call: (a) => a.get('/api/tasks'), expect: { ...partnerRead, coordinator: 200 } },
  { route: 'GET /api/tasks/:id', call: (a, f) => a.get(`/api/tasks/${f.taskId}`), expect: partnerRead },
  {
    route: 'POST /api/tasks',
    call: (a, f) => a.post('/api/tasks', { title: 'Matrix task', dueOn: '2026-12-01', organizationId: f.organizationId }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/tasks/:id',
    call: async (a, f) => a.patch(`/api/tasks/${f.taskId}`, { notes: `${Math.random()}` }, await versionOf(`/api/tasks/${f.taskId}`)),
    expect: staffOnly(200),
  },

  { route: 'GET /api/people', call: (a) => a.get('/api/people'), expect: everyone(200) },
  { route: 'GET /api/people/:id', call: (a, f) => a.get(`/api/people/${f.personId}`), expect: peopleRead },
  {
    route: 'POST /api/people',
    call: (a, f) => a.post('/api/people', { organizationId: f.organizationId, givenName: 'Matrix', familyName: `Person ${Math.random()}` }),
    expect: { admin: 201, program_officer: 201, coordinator: { own: 201, other: 403 }, instructor: 403, viewer: 403, anonymous: 401 },
  },
  {
    route: 'PATCH /api/people/:id',
    call: async (a, f) => a.patch(`/api/people/${f.personId}`, { rankTitle: `Rank ${Math.random()}` }, await versionOf(`/api/people/${f.personId}`)),
    expect: peopleWrite(200),
  },
  {
    route: 'PUT /api/people/:id/readiness/:item',
    call: async (a, f) => a.put(`/api/people/${f.personId}/readiness/medical_clearance`, { completedOn: '2026-01-05' }, await versionOf(`/api/people/${f.personId}`)),
    expect: peopleWrite(200),
  },
  {
    route: 'DELETE /api/people/:id/readiness/:item',
    call: async (a, f) => {
      await t.services.people.setReadiness(t.system, f.personId, 'agency_release', { completedOn: '2026-01-05' });
      return deleteAt(a, `/api/people/${f.personId}/readiness/agency_release`, await versionOf(`/api/people/${f.personId}`));
    },
    expect: peopleWrite(200),
  },
  {
    route: 'POST /api/people/:id/passport-number/reveal',
    call: (a, f) => a.post(`/api/people/${f.personId}/passport-number/reveal`),
    expect: staffOnly(200),
  },
  {
    route: 'GET /api/people/:id/assignments',
    call: (a, f) => a.get(`/api/people/${f.personId}/assignments`),
    expect: { ...peopleRead, viewer: 404 },
  },
  { route: 'GET /api/deployments', call: (a) => a.get('/api/deployments'), expect: everyone(200) },
  {
    route: 'GET /api/deployments/:id',
    call: (a, f) => a.get(`/api/deployments/${f.deploymentId}`),
    expect: { ...everyone(200), instructor: 404 },
  },
  {
    route: 'POST /api/deployments',
    call: (a) =>
      a.post('/api/deployments', { title: 'Matrix', hostCountry: 'HT', track: 'policing', purposes: ['mentor'], startOn: '2027-01-04', authorizedHeadcount: 2 }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/deployments/:id',
    call: async (a, f) => a.patch(`/api/deployments/${f.deploymentId}`, { summary: `${Math.random()}` }, await versionOf(`/api/deployments/${f.deploymentId}`)),
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/deployments/:id/status-changes',
    call: async (a, f) => {
      const current = (await callers.admin.get(`/api/deployments/${f.deploymentId}`)).json();
      return a.post(`/api/deployments/${f.deploymentId}/status-changes`, { status: current.status === 'staffing' ? 'planning' : 'staffing' }, current.version);
    },
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/deployments/:id/rotations',
    call: (a, f) => {
      counter += 1;
      return a.post(`/api/deployments/${f.deploymentId}/rotations`, { startOn: addDays('2028-01-01', counter * 7), authorizedHeadcount: 2 });
    },
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/deployments/:id/rotations/:rotationId',
    call: async (a, f) => {
      const [rotation] = (await callers.admin.get(`/api/deployments/${f.deploymentId}`)).json().rotations;
      return a.patch(`/api/deployments/${f.deploymentId}/rotations/${rotation.id}`, { authorizedHeadcount: 10 + (++counter % 5) }, rotation.version);
    },
    expect: staffOnly(200),
  },
  {
    route: 'GET /api/deployments/:id/candidates',
    call: (a, f) => a.get(`/api/deployments/${f.deploymentId}/candidates`),
    expect: { admin: 200, program_officer: 200, coordinator: 200, instructor: 403, viewer: 403, anonymous: 401 },
  },
  {
    route: 'GET /api/deployments/:id/assignments',
    call: (a, f) => a.get(`/api/deployments/${f.deploymentId}/assignments`),
    expect: { ...everyone(200), instructor: 404 },
  },
  {
    route: 'POST /api/deployments/:id/assignments',
    call: async (a, f) =>
      a.post(`/api/deployments/${f.deploymentId}/assignments`, {
        personId: (await buildPerson(t.services, t.system, { organizationId: f.organizationId })).id,
        role: 'mentor',
        startOn: '2027-02-01',
        endOn: '2027-02-10',
      }),
    expect: { admin: 201, program_officer: 201, coordinator: { own: 201, other: 400 }, instructor: 403, viewer: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/deployments/:id/assignments/:assignmentId/status-changes',
    call: async (a, f) => {
      const current = (await callers.admin.get(`/api/deployments/${f.deploymentId}/assignments`)).json().items.find((x: { id: string }) => x.id === f.assignmentId);
      const to = current.status === 'nominated' ? 'selected' : 'nominated';
      return a.post(`/api/deployments/${f.deploymentId}/assignments/${f.assignmentId}/status-changes`, { status: to }, current.version);
    },
    expect: { admin: 200, program_officer: 200, coordinator: { own: 403, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/deployments/:id/assignments/:assignmentId/extensions',
    call: async (a, f) => {
      const current = (await callers.admin.get(`/api/deployments/${f.deploymentId}/assignments`)).json().items.find((x: { id: string }) => x.id === f.assignmentId);
      return a.post(`/api/deployments/${f.deploymentId}/assignments/${f.assignmentId}/extensions`, { endOn: addDays(current.endOn, 1) }, current.version);
    },
    expect: staffOnly(200),
  },
  { route: 'GET /api/credentials', call: (a) => a.get('/api/credentials'), expect: everyone(200) },
  { route: 'GET /api/credentials/:id', call: (a) => a.get(`/api/credentials/${credentialId}`), expect: everyone(200) },
  {
    route: 'PATCH /api/credentials/:id',
    call: async (a) => a.patch(`/api/credentials/${credentialId}`, { description: `Matrix ${Math.random()}` }, await versionOf(`/api/credentials/${credentialId}`)),
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/credentials',
    call: (a) => a.post('/api/credentials', { name: `Matrix credential ${Math.random()}`, criteria: 'x', track: 'corrections', minAttendancePercent: 80 }),
    expect: staffOnly(201),
  },
  { route: 'GET /api/courses', call: (a) => a.get('/api/courses'), expect: everyone(200) },
  { route: 'GET /api/courses/:id', call: (a) => a.get(`/api/courses/${courseId}`), expect: everyone(200) },
  {
    route: 'POST /api/courses',
    call: (a) => a.post('/api/courses', { code: `MX-${String(++counter)}`, track: 'corrections', level: 'basic', language: 'en', title: 'Matrix', hours: 8 }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/courses/:id',
    call: async (a) => a.patch(`/api/courses/${courseId}`, { language: 'en' }, await versionOf(`/api/courses/${courseId}`)),
    expect: staffOnly(200),
  },
  { route: 'GET /api/offerings', call: (a) => a.get('/api/offerings'), expect: everyone(200) },
  {
    route: 'GET /api/offerings/:id',
    call: (a, f) => a.get(`/api/offerings/${f.offeringId}`),
    expect: { admin: 200, program_officer: 200, coordinator: { own: 200, other: 404 }, instructor: 404, viewer: 200, anonymous: 401 },
  },
  {
    route: 'POST /api/offerings',
    call: (a) => a.post('/api/offerings', { courseId, startOn: '2027-06-01', endOn: '2027-06-02', country: 'US', capacity: 5 }),
    expect: staffOnly(201),
  },
  {
    route: 'PATCH /api/offerings/:id',
    call: async (a, f) => a.patch(`/api/offerings/${f.offeringId}`, { notes: `${Math.random()}` }, await versionOf(`/api/offerings/${f.offeringId}`)),
    expect: staffOnly(200),
  },
  {
    route: 'PUT /api/offerings/:id/instructors',
    call: async (a, f) =>
      a.put(
        `/api/offerings/${f.offeringId}/instructors`,
        { personId: (await buildPerson(t.services, t.system, { organizationId: f.organizationId })).id, role: 'co' },
        await versionOf(`/api/offerings/${f.offeringId}`),
      ),
    expect: staffOnly(200),
  },
  {
    route: 'DELETE /api/offerings/:id/instructors/:personId',
    call: async (a, f) => {
      const { id: personId } = await buildPerson(t.services, t.system, { organizationId: f.organizationId });
      const offering = await t.services.offerings.setInstructor(t.system, f.offeringId, await versionOf(`/api/offerings/${f.offeringId}`), { personId, role: 'co' });
      return deleteAt(a, `/api/offerings/${f.offeringId}/instructors/${personId}`, offering.version);
    },
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/offerings/:id/enrollments',
    call: async (a, f) => a.post(`/api/offerings/${f.offeringId}/enrollments`, { personId: (await buildPerson(t.services, t.system, { organizationId: f.organizationId })).id }),
    expect: { admin: 201, program_officer: 201, coordinator: { own: 201, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  {
    route: 'PATCH /api/offerings/:id/enrollments/:enrollmentId',
    call: async (a, f) => {
      const current = (await callers.admin.get(`/api/offerings/${f.offeringId}`)).json().enrollments.find((e: { id: string }) => e.id === f.enrollmentId);
      return a.patch(`/api/offerings/${f.offeringId}/enrollments/${f.enrollmentId}`, { attendancePercent: 50 + (++counter % 50) }, current.version);
    },
    expect: { admin: 200, program_officer: 200, coordinator: { own: 403, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/offerings/:id/close',
    call: async (a, f) => {
      const start = addDays('2026-05-04', ++counter);
      const offering = await t.services.offerings.schedule(t.system, { courseId, startOn: start, endOn: start, country: 'US', capacity: 5, isUsFunded: true, isRefresher: false });
      await t.services.enrollments.enroll(t.system, offering.id, f.personId);
      return a.post(`/api/offerings/${offering.id}/close`, { acknowledgedAddress: t.services.address.url }, offering.version);
    },
    expect: { admin: 200, program_officer: 200, coordinator: { own: 403, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  {
    route: 'POST /api/offerings/:id/follow-ups',
    call: async (a, f) => {
      const closed = await closedOffering(f.organizationId);
      return a.post(`/api/offerings/${closed.offeringId}/follow-ups`, { personId: closed.personId, recordedOn: '2026-11-01', hasTaught: true });
    },
    expect: { admin: 200, program_officer: 200, coordinator: { own: 403, other: 404 }, instructor: 404, viewer: 403, anonymous: 401 },
  },
  { route: 'GET /api/certifications', call: (a) => a.get('/api/certifications'), expect: everyone(200) },
  {
    route: 'GET /api/certifications/:id',
    call: (a, f) => a.get(`/api/certifications/${f.certificationId}`),
    expect: { admin: 200, program_officer: 200, coordinator: { own: 200, other: 404 }, instructor: 404, viewer: 200, anonymous: 401 },
  },
  {
    route: 'POST /api/certifications/:id/revocation',
    call: async (a, f) => {
      const { certificationId } = await closedOffering(f.organizationId);
      return a.post(`/api/certifications/${certificationId}/revocation`, { reason: 'matrix check' }, 1);
    },
    expect: staffOnly(200),
  },
  {
    route: 'GET /api/people/:id/transcript',
    call: (a, f) => a.get(`/api/people/${f.personId}/transcript`),
    expect: { admin: 200, program_officer: 200, coordinator: { own: 200, other: 404 }, instructor: 404, viewer: 404, anonymous: 401 },
  },
  { route: 'GET /api/vetting', call: (a) => a.get('/api/vetting'), expect: staffOnly(200) },
  { route: 'GET /api/vetting/queue', call: (a) => a.get('/api/vetting/queue'), expect: staffOnly(200) },
  {
    route: 'POST /api/vetting',
    call: (a, f) => a.post('/api/vetting', { personId: f.personId, caseReference: `MATRIX-${++counter}`, submittedOn: '2026-10-01' }),
    expect: staffOnly(201),
  },
  {
    route: 'POST /api/vetting/:id/result',
    call: async (a, f) => {
      const record = await t.services.vetting.submit(t.system, { personId: f.personId, caseReference: `MATRIX-R-${++counter}`, submittedOn: '2026-10-01' });
      return a.post(`/api/vetting/${record.id}/result`, { status: 'cleared', resultOn: '2026-10-15', validUntil: '2027-10-14' }, record.version);
    },
    expect: staffOnly(200),
  },
  {
    route: 'GET /api/cascade',
    call: (a) => a.get('/api/cascade'),
    expect: { admin: 200, program_officer: 200, coordinator: 403, instructor: 403, viewer: 200, anonymous: 401 },
  },
  {
    route: 'GET /api/cascade/instructors/:id',
    call: (a, f) => a.get(`/api/cascade/instructors/${f.personId}`),
    expect: { admin: 200, program_officer: 200, coordinator: { own: 200, other: 404 }, instructor: 404, viewer: 200, anonymous: 401 },
  },
  { route: 'GET /api/public/certificates/:id', call: (a, f) => a.get(`/api/public/certificates/${f.certificationId}`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/credentials/:id', call: (a, f) => a.get(`/api/public/credentials/${f.certificationId}`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/credentials/:id/jwt', call: (a, f) => a.get(`/api/public/credentials/${f.certificationId}/jwt`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/credentials/:id/pdf', call: (a, f) => a.get(`/api/public/credentials/${f.certificationId}/pdf`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/issuers/:id', call: (a) => a.get(`/api/public/issuers/${officeId}`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/issuers/:id/jwks.json', call: (a) => a.get(`/api/public/issuers/${officeId}/jwks.json`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/public/issuers/:id/status/revocation', call: (a) => a.get(`/api/public/issuers/${officeId}/status/revocation`), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'POST /api/public/verifications', call: (a) => a.post('/api/public/verifications', { credential: 'not a credential' }), expect: { ...everyone(200), anonymous: 200 } },
  { route: 'GET /api/endorsements', call: (a) => a.get('/api/endorsements'), expect: { ...staffOnly(200), viewer: 200 } },
  {
    route: 'GET /api/public/issuers/:id/mark',
    call: async (a) => {
      const profile = await t.services.issuerProfiles.get(t.system, officeId);
      if (!profile.mark) await t.services.issuerProfiles.update(t.system, officeId, profile.version, { mark: { data: (await QRCode.toBuffer('mark', { width: 96 })).toString('base64') } });
      return a.get(`/api/public/issuers/${officeId}/mark`);
    },
    expect: { ...everyone(200), anonymous: 200 },
  },
  { route: 'GET /api/issuers', call: (a) => a.get('/api/issuers'), expect: { ...staffOnly(200), viewer: 200 } },
  { route: 'GET /api/issuers/:id', call: (a) => a.get(`/api/issuers/${officeId}`), expect: { ...staffOnly(200), viewer: 200 } },
  {
    route: 'PATCH /api/issuers/:id',
    call: async (a) => a.patch(`/api/issuers/${officeId}`, { signatoryName: `Signatory ${++counter}` }, (await t.services.issuerProfiles.get(t.system, officeId)).version),
    expect: staffOnly(200),
  },
  {
    route: 'POST /api/endorsements',
    call: async (a, f) =>
      a.post('/api/endorsements', {
        organizationId: f.organizationId,
        credentialId: (await t.services.catalog.createCredential(t.system, { name: `Endorsable ${++counter}`, criteria: 'x', track: 'corrections', minAttendancePercent: 0, coTeachingsBeforeLead: 0 })).id,
        statement: 'Endorsed for the matrix.',
      }),
    expect: staffOnly(201),
  },
  {
    // Withdrawing ends the endorsement: each call withdraws a fresh one.
    route: 'POST /api/endorsements/:id/withdrawal',
    call: async (a, f) => {
      const credential = await t.services.catalog.createCredential(t.system, { name: `Withdrawable ${++counter}`, criteria: 'x', track: 'corrections', minAttendancePercent: 0, coTeachingsBeforeLead: 0 });
      const endorsement = await t.services.endorsements.endorse(t.system, { organizationId: f.organizationId, credentialId: credential.id, statement: 'Endorsed, to be withdrawn.' });
      return a.post(`/api/endorsements/${endorsement.id}/withdrawal`, { reason: 'matrix check' }, endorsement.version);
    },
    expect: staffOnly(200),
  },
  { route: 'GET /api/reports/dashboard', call: (a) => a.get('/api/reports/dashboard?year=2026'), expect: officeRead(200) },
  { route: 'GET /api/reports/years', call: (a) => a.get('/api/reports/years'), expect: officeRead(200) },
  { route: 'GET /api/reports/year/:year', call: (a) => a.get('/api/reports/year/2026?format=md'), expect: officeRead(200) },
  { route: 'GET /api/reports/iati', call: (a) => a.get('/api/reports/iati?year=2027'), expect: officeRead(200) },
  { route: 'POST /api/reports/runs', call: (a) => a.post('/api/reports/runs', { kind: 'year', year: 2026, format: 'md' }), expect: officeRead(202) },
  { route: 'GET /api/reports/runs', call: (a) => a.get('/api/reports/runs'), expect: officeRead(200) },
  // A run is its starter's (a program officer here) and the admins'; the others cannot tell it exists.
  { route: 'GET /api/reports/runs/:id', call: async (a) => a.get(`/api/reports/runs/${await finishedRun()}`), expect: { ...officeRead(200), viewer: 404 } },
  { route: 'GET /api/reports/runs/:id/download', call: async (a) => a.get(`/api/reports/runs/${await finishedRun()}/download`), expect: { ...officeRead(200), viewer: 404 } },
  { route: 'GET /api/notifications', call: (a) => a.get('/api/notifications'), expect: everyone(200) },
  // Every role searches; what each finds is its lists' (modules/search/search.api.test.ts).
  { route: 'GET /api/search', call: (a) => a.get('/api/search?q=matrix'), expect: everyone(200) },
  {
    route: 'POST /api/notifications/:id/read',
    call: async (a, f) => {
      const holder = holderFor(a, f);
      const title = `Matrix notice ${++counter}`;
      await t.services.notifications.notify([{ userId: holder.actor.id as string, kind: 'task.overdue', subjectId: `matrix-${counter}`, occurrence: '2026-01-01', title, body: 'Read me.', link: '/tasks' }]);
      const notice = (await t.services.notifications.list(holder, { isUnread: 'true', limit: 100 })).items.find((n) => n.title === title);
      return a.post(`/api/notifications/${notice?.id}/read`);
    },
    expect: holderOnly(200),
  },
  { route: 'POST /api/notifications/read', call: (a) => a.post('/api/notifications/read'), expect: everyone(200) },
  { route: 'GET /api/notifications/settings', call: (a) => a.get('/api/notifications/settings'), expect: everyone(200) },
  {
    route: 'PUT /api/notifications/settings',
    call: async (a) => a.put('/api/notifications/settings', { isDigestOn: true }, (await a.get('/api/notifications/settings')).json().version),
    expect: everyone(200),
  },
  {
    route: 'GET /api/deployments/timeline',
    call: (a) => a.get('/api/deployments/timeline?from=2026-01-01&to=2027-12-31'),
    expect: everyone(200),
  },
  {
    route: 'GET /api/deployments/person-days',
    call: (a) => a.get('/api/deployments/person-days?groupBy=year'),
    expect: { ...everyone(200), instructor: 403 },
  },
];

beforeAll(async () => {
  t = await createTestApp();
  officeId = (await buildOrganization(t.services, t.system, { kind: 'program_office', name: 'Matrix Program Office' })).id;
  const deployment = await t.services.deployments.create(t.system, {
    title: 'Matrix mission',
    hostCountry: 'HT',
    track: 'policing',
    purposes: ['mentor'],
    startOn: '2027-01-04',
    authorizedHeadcount: 10,
    requiredLanguages: [],
    specialties: [],
    isHighThreat: false,
  });
  deploymentId = deployment.id;
  const credential = await t.services.catalog.createCredential(t.system, {
    name: 'Matrix credential',
    criteria: 'Attend.',
    track: 'corrections',
    validityMonths: 24,
    passMark: null,
    minAttendancePercent: 0,
    coTeachingsBeforeLead: 0,
  });
  courseId = (
    await t.services.catalog.createCourse(t.system, {
      code: 'MATRIX-COURSE',
      track: 'corrections',
      level: 'basic',
      language: 'en',
      title: 'Matrix course',
      hours: 8,
      grantsCredentialId: credential.id,
    })
  ).id;
  credentialId = credential.id;
  await t.services.deployments.changeStatus(t.system, deploymentId, deployment.version, { status: 'staffing' });
  fixtures = { own: await fixture(), other: await fixture() };
  callers = {
    admin: await agentFor(t, 'admin'),
    program_officer: await agentFor(t, 'program_officer'),
    coordinator: await agentFor(t, 'coordinator', { organizationId: fixtures.own.organizationId }),
    instructor: await agentFor(t, 'instructor', { personId: (await buildPerson(t.services, t.system, { organizationId: fixtures.own.organizationId })).id }),
    viewer: await agentFor(t, 'viewer'),
    anonymous: anonymous(),
  };
  stranger = await agentFor(t, 'viewer');
  userId = (await t.services.users.create(t.system, { email: 'matrix.target@example.test', name: 'Target', role: 'viewer' })).user.id;
});
afterAll(async () => {
  const checks = cases.reduce((sum, c) => sum + Object.keys(c.expect).length * 2, 0);
  console.info(`access matrix: ${cases.length} routes × ${Object.keys(callers).length} callers × own and another agency = ${checks} checks`);
  await t.close();
});

describe('access matrix', () => {
  for (const c of cases) {
    for (const caller of Object.keys(c.expect) as Caller[]) {
      for (const scope of ['own', 'other'] as const) {
        const rule = c.expect[caller];
        const status = typeof rule === 'number' ? rule : rule[scope];
        it(`${c.route} as ${caller} on ${scope} agency → ${status}`, async () => {
          const response = await c.call(callers[caller], fixtures[scope]);
          expect(response.statusCode).toBe(status);
        });
      }
    }
  }

  it('covers every route the API documents', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set(cases.map((c) => c.route));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  it('shows a coordinator only their own agency in every list', async () => {
    const coordinator = callers.coordinator;
    const own = fixtures.own.organizationId;
    const lists = ['/api/organizations', '/api/partnerships', '/api/agreements', '/api/engagements', '/api/tasks'];
    for (const url of lists) {
      const items = (await coordinator.get(`${url}?limit=200`)).json().items as Record<string, unknown>[];
      expect(items.length, url).toBeGreaterThan(0);
      for (const item of items) {
        const orgId = item.organizationId ?? (item.organization as { id: string } | undefined)?.id ?? item.id;
        expect(orgId, url).toBe(own);
      }
    }
    const board = (await coordinator.get('/api/partnerships/board')).json();
    const onBoard = board.columns.flatMap((c: { items: { organization: { id: string } }[] }) => c.items.map((p) => p.organization.id));
    expect(onBoard).toEqual([own]);
  });
});
