import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let document: {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown>; requestBody?: unknown; parameters?: unknown[] }>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json();
});
afterAll(() => t.close());

/** The paths outside tools and scripts rely on (DESIGN.md); they must not move. */
const STABLE_PATHS = [
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/users',
  '/api/tokens',
  '/api/audit',
  '/api/organizations',
  '/api/partnerships',
  '/api/engagements',
  '/api/tasks',
];

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route with a summary and its responses', () => {
    const routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(routes.length).toBeGreaterThan(35);
    for (const { path, method, op } of routes) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      if (['post', 'put', 'patch'].includes(method) && !/\/(logout|password-reset|reveal|close|read|validate|totp|options|recovery-codes)$/.test(path)) {
        expect(op.requestBody, `${method} ${path}`).toBeDefined();
      }
    }
  });

  it('keeps the stable paths', () => {
    for (const path of STABLE_PATHS) expect(Object.keys(document.paths), path).toContain(path);
  });

  it('serves its viewer at /api/docs without signing in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});
