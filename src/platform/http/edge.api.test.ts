import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { buildPerson } from '../../../test/factories.js';
import { CSRF_HEADER, SESSION_COOKIE } from './auth.js';

/**
 * The HTTP edge: what the router matched decides who may call, however the path is spelled;
 * every refusal, whoever makes it, is a problem; text no engine can store is refused up front;
 * cookie writes come from our own pages. Run with and without the built web app mounted, since its
 * catch-all route is where a misspelled API path lands.
 */
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-web-'));
fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Cadre</title>');
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');

interface Session {
  cookies: Record<string, string>;
  csrf: string;
}

async function signIn(t: TestApp, email: string, password: string): Promise<Session> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(login.statusCode).toBe(200);
  return { cookies: { [SESSION_COOKIE]: login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' }, csrf: login.json().csrfToken };
}

function expectProblem(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (response.body === '') return null;
  const problem = response.json();
  expect(problem).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  return problem;
}

/** Ways of writing `/api/<rest>` that a client, a proxy or an attacker may send. */
function spellings(rest: string): string[] {
  return [
    `/api/${rest}`,
    `/%61pi/${rest}`,
    `/%61%70%69/${rest}`,
    `/API/${rest}`,
    `/Api/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/api/./${rest}`,
    `/./api/${rest}`,
    `/x/../api/${rest}`,
    `/api/${rest}/`,
    `/api%2F${rest}`,
    `/api%2f${rest.replaceAll('/', '%2F')}`,
    `/api/${rest.replace(/^(.)/, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
  ];
}

for (const mounted of [false, true]) {
  describe(`the HTTP edge${mounted ? ', with the web app mounted' : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let session: Session;
    let fresh: Session;
    let personId: string;

    beforeAll(async () => {
      t = await createTestApp(mounted ? { webRoot } : {});
      admin = await agentFor(t, 'admin');
      session = await signIn(t, admin.user.email, TEST_PASSWORD);
      const created = await t.services.users.create(t.system, { email: `fresh.${mounted}@example.test`, name: 'Fresh', role: 'admin' });
      fresh = await signIn(t, created.user.email, created.oneTimePassword as string);
      personId = (await buildPerson(t.services, t.system)).id;
      await t.services.people.setReadiness(t.system, personId, 'passport', { completedOn: '2026-01-05', expiresOn: '2034-01-04', passportNumber: 'P1234567' });
    });
    afterAll(() => t.close());

    async function organizationCount() {
      return (await admin.get('/api/organizations?limit=200')).json().items.length as number;
    }

    it('refuses a cookie write without the CSRF header however the path is spelled', async () => {
      const before = await organizationCount();
      for (const url of spellings('organizations')) {
        const response = await t.app.inject({ method: 'POST', url, cookies: session.cookies, payload: { name: `Spelled ${url}`, kind: 'other', country: 'US' } });
        expect([403, 404], `${url}: ${response.body}`).toContain(response.statusCode);
        expectProblem(response, response.statusCode);
      }
      for (const url of spellings(`people/${personId}/passport-number/reveal`)) {
        const response = await t.app.inject({ method: 'POST', url, cookies: session.cookies });
        expect([403, 404], `${url}: ${response.body}`).toContain(response.statusCode);
        expect(response.body).not.toContain('P1234567');
      }
      expect(await organizationCount()).toBe(before);
      expectProblem(await t.app.inject({ method: 'POST', url: '/%61pi/organizations', cookies: session.cookies, payload: { name: 'Encoded', kind: 'other', country: 'US' } }), 403);
    });

    it('holds a user on a one-time password to changing it, however the path is spelled', async () => {
      for (const url of spellings('people')) {
        const response = await t.app.inject({ method: 'GET', url, cookies: fresh.cookies });
        expect([403, 404], `${url}: ${response.body}`).toContain(response.statusCode);
        expectProblem(response, response.statusCode);
      }
      expect(expectProblem(await t.app.inject({ method: 'GET', url: '/%61pi/people', cookies: fresh.cookies }), 403).code).toBe('password_change_required');
      expect((await t.app.inject({ method: 'GET', url: '/%61pi/auth/me', cookies: fresh.cookies })).statusCode).toBe(200);
    });

    it('answers an unknown API path, however spelled, with a problem 404', async () => {
      for (const url of spellings('no-such-thing')) {
        for (const method of ['GET', 'POST', 'HEAD', 'OPTIONS', 'DELETE'] as const) expectProblem(await t.app.inject({ method, url }), 404);
      }
    });

    it('sends the same security headers with every answer, a record, a refusal and a missing route alike', async () => {
      const answers = [await admin.get(`/api/people/${personId}`), await t.app.inject({ method: 'GET', url: '/api/people' }), await t.app.inject({ method: 'GET', url: '/api/no-such-thing' })];
      for (const response of answers) {
        expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin' });
        // HSTS belongs to the TLS terminator in front.
        expect(response.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('still accepts the plain, signed-in write', async () => {
      const headers = { [CSRF_HEADER]: session.csrf };
      const response = await t.app.inject({ method: 'POST', url: '/%61pi/organizations', cookies: session.cookies, headers, payload: { name: `Plain ${mounted}`, kind: 'other', country: 'US' } });
      expect(response.statusCode).toBe(201);
    });

    if (mounted) {
      it('serves the web app and its files to anyone, and never the API from them', async () => {
        const page = await t.app.inject({ method: 'GET', url: '/people' });
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.headers['content-security-policy']).toContain("default-src 'self'");
        expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
        expectProblem(await t.app.inject({ method: 'GET', url: '/api/people' }), 401);
        expectProblem(await t.app.inject({ method: 'GET', url: '/%61pi/people' }), 401);
      });
    }
  });
}

describe('the HTTP edge refuses', () => {
  let t: TestApp;
  let admin: Agent;
  let session: Session;

  beforeAll(async () => {
    t = await createTestApp({ env: { CADRE_PUBLIC_URL: 'https://cadre.example.org' } });
    admin = await agentFor(t, 'admin');
    session = await signIn(t, admin.user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('a NUL character in the body, query or path, naming the field', async () => {
    let problem = expectProblem(await admin.post('/api/organizations', { name: 'Nul\u0000PD', kind: 'other', country: 'US' }), 400);
    expect(problem.errors).toEqual([{ pointer: '/body/name', detail: expect.stringContaining('NUL') }]);
    problem = expectProblem(await admin.post('/api/organizations', { name: 'Nul PD', kind: 'other', country: 'US', extra: { list: ['ok', 'n\u0000'] } }), 400);
    expect(problem.errors).toEqual([{ pointer: '/body/extra/list/1', detail: expect.stringContaining('NUL') }]);
    problem = expectProblem(await admin.get('/api/people?q=a%00b'), 400);
    expect(problem.errors).toEqual([{ pointer: '/query/q', detail: expect.stringContaining('NUL') }]);
    problem = expectProblem(await admin.get('/api/organizations/%00'), 400);
    expect(problem.errors).toEqual([{ pointer: '/path/id', detail: expect.stringContaining('NUL') }]);
  });

  it('JSON nested deeper than any record', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      payload: `{"name": "Deep PD", "kind": "other", "country": "US", "description": ${deep}}`,
    });
    const problem = expectProblem(response, 400);
    expect(problem.errors[0].detail).toMatch(/nested deeper/);
  });

  it('what the router refuses before any route, as problems', async () => {
    expect(expectProblem(await admin.get('/api/people/%E0%A4%A'), 400).errors[0].pointer).toBe('/path');
    expect(expectProblem(await admin.get(`/api/organizations/${'a'.repeat(5000)}`), 400).errors[0].pointer).toBe('/path');
    expectProblem(await admin.get(`/api/organizations/${'a'.repeat(99)}`), 400);
    expectProblem(await t.app.inject({ method: 'HEAD', url: '/api/no-such-thing' }), 404);
    expectProblem(await t.app.inject({ method: 'OPTIONS', url: '/api/organizations' }), 404);
    expectProblem(await t.app.inject({ method: 'PROPFIND', url: '/api/organizations' }), 404);
  });

  it('a cookie write from another origin, and lets our own pages and API tokens through', async () => {
    const write = (headers: Record<string, string>, cookie = true) =>
      t.app.inject({
        method: 'POST',
        url: '/api/organizations',
        ...(cookie && { cookies: session.cookies }),
        headers: cookie ? { [CSRF_HEADER]: session.csrf, ...headers } : { authorization: `Bearer ${admin.token}`, ...headers },
        payload: { name: `Origin ${Object.values(headers).join(' ')} ${cookie}`, kind: 'other', country: 'US' },
      });
    expect(expectProblem(await write({ origin: 'https://evil.example' }), 403).detail).toMatch(/Origin/);
    expectProblem(await write({ origin: 'null' }), 403);
    expectProblem(await write({ origin: 'http://localhost.evil.example' }), 403);
    expectProblem(await write({ 'sec-fetch-site': 'cross-site' }), 403);
    expect((await write({ origin: 'http://localhost' })).statusCode).toBe(201);
    expect((await write({ origin: 'https://cadre.example.org' })).statusCode).toBe(201);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await write({})).statusCode).toBe(201);
    expect((await write({ origin: 'https://evil.example' }, false)).statusCode).toBe(201);
    const ownLogout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: session.cookies, headers: { [CSRF_HEADER]: session.csrf, origin: 'https://evil.example' } });
    expectProblem(ownLogout, 403);
  });

  it('nothing of the public verification, from any origin', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/public/verifications', headers: { origin: 'https://verifier.example' }, payload: { credential: 'not.a.jwt' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().isVerified).toBe(false);
  });
});
