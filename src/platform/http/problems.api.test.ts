import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestApp } from '../../../test/harness.js';
import { buildOrganization } from '../../../test/factories.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  officer = await agentFor(t, 'program_officer');
});
afterAll(() => t.close());

function expectProblem(response: Awaited<ReturnType<Agent['get']>>, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = response.json();
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  return problem;
}

describe('bad input gets a problem that names what is wrong', () => {
  it('malformed JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' },
      payload: '{"name": "Broken',
    });
    expect(expectProblem(response, 400).detail).toMatch(/not valid JSON/);
  });

  it('a body that is not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expectProblem(response, 415);
  });

  it('wrong types', async () => {
    const problem = expectProblem(await officer.post('/api/organizations', { name: 42, kind: 'municipal_police', country: 'US' }), 400);
    expect(problem.errors).toEqual([{ pointer: '/body/name', detail: expect.stringContaining('expected string') }]);
  });

  it('unknown fields', async () => {
    const problem = expectProblem(
      await officer.post('/api/organizations', { name: 'Extra Field PD', kind: 'municipal_police', country: 'US', budget: 1 }),
      400,
    );
    expect(problem.errors).toEqual([{ pointer: '/body/budget', detail: 'is not a field this request accepts' }]);
  });

  it('over-long strings', async () => {
    const problem = expectProblem(await officer.post('/api/organizations', { name: 'x'.repeat(201), kind: 'municipal_police', country: 'US' }), 400);
    expect(problem.errors).toEqual([{ pointer: '/body/name', detail: 'must be at most 200 characters' }]);
  });

  it('bad country codes', async () => {
    const problem = expectProblem(await officer.post('/api/organizations', { name: 'Nowhere PD', kind: 'municipal_police', country: 'XX' }), 400);
    expect(problem.errors).toEqual([{ pointer: '/body/country', detail: 'must be an ISO 3166-1 alpha-2 country code, such as HT' }]);
  });

  it('every missing field at once', async () => {
    const problem = expectProblem(await officer.post('/api/organizations', {}), 400);
    expect(problem.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/country', '/body/kind', '/body/name']);
  });

  it('a bad id in the path', async () => {
    const problem = expectProblem(await officer.get('/api/organizations/not-a-uuid'), 400);
    expect(problem.errors[0].pointer).toBe('/path/id');
  });

  it('a bad query parameter', async () => {
    const problem = expectProblem(await officer.get('/api/organizations?limit=5000'), 400);
    expect(problem.errors[0].pointer).toBe('/query/limit');
  });

  it('a stale version', async () => {
    const org = await buildOrganization(t.services, t.system);
    expectProblem(await officer.patch(`/api/organizations/${org.id}`, { city: 'X' }, 7), 412);
  });

  it('a malformed If-Match', async () => {
    const org = await buildOrganization(t.services, t.system);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${org.id}`,
      headers: { authorization: `Bearer ${officer.token}`, 'if-match': 'yesterday' },
      payload: { city: 'X' },
    });
    expect(expectProblem(response, 400).errors[0].pointer).toBe('/header/if-match');
  });

  it('a duplicate name', async () => {
    const org = await buildOrganization(t.services, t.system);
    expectProblem(await officer.post('/api/organizations', { name: org.name, kind: 'municipal_police', country: 'US' }), 409);
  });

  it('a record that does not exist', async () => {
    expectProblem(await officer.get('/api/organizations/01a22092-12b9-7c6d-8f98-6c1f800debff'), 404);
  });

  it('a path that does not exist', async () => {
    expectProblem(await officer.get('/api/no-such-thing'), 404);
  });

  it('a body too large', async () => {
    const response = await officer.post('/api/organizations', { name: 'Big', kind: 'other', country: 'US', description: 'x'.repeat(1_100_000) });
    expectProblem(response, 413);
  });
});
