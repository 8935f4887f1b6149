import { vi } from 'vitest';

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

/**
 * Stands in for the API: answers each `METHOD /api/path` from the table (a function of the body
 * when the answer depends on it), and records what was sent.
 */
export function fakeApi(routes: Record<string, { status?: number; body: unknown } | ((body: unknown) => { status?: number; body: unknown })>) {
  const calls: FakeCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const path = new URL(url, 'http://cadre.test').pathname;
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, path, body, headers: new Headers(init.headers) });
      const route = routes[`${method} ${path}`];
      const answer = typeof route === 'function' ? route(body) : (route ?? { status: 404, body: { status: 404, code: 'not_found', title: 'Not found', detail: `${method} ${path}` } });
      const status = answer.status ?? 200;
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      // A 204 has no body at all.
      return new Response(status === 204 ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}
