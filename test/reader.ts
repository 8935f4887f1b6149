import type { Agent, TestApp } from './harness.js';

/**
 * Calls as the agent's API token with an Accept-Language header, as a browser set to another
 * language would: the answers, and the problems, come in that language.
 */
export function readerOf(t: TestApp, agent: Agent, acceptLanguage: string) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, version?: number) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${agent.token}`, 'accept-language': acceptLanguage, ...(version !== undefined && { 'if-match': `"${version}"` }) },
      ...(body !== undefined && { payload: body as object }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown, version?: number) => call('POST', url, body, version),
    put: (url: string, body?: unknown, version?: number) => call('PUT', url, body, version),
    patch: (url: string, body: unknown, version?: number) => call('PATCH', url, body, version),
  };
}
