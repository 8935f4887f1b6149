import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from './context.js';

/**
 * Helmet's security headers (a content security policy, frame and referrer policies, nosniff…),
 * worked out once. The plugin that wraps Helmet for Fastify builds Helmet's middleware anew for
 * every request, parsing the policy each time: a measurable part of a short read. Cadre's headers
 * depend on nothing in the request (no nonces, no route of its own), so Helmet is asked once, at
 * start, what it would set and remove, and every response gets exactly that, on the raw response
 * as the plugin set it (a route that sets its own header, as the API viewer does its policy,
 * still wins).
 */
export function registerSecurityHeaders(app: App, options: HelmetOptions): void {
  const { set, removed } = headersOf(options);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}

/** What Helmet's middleware does to a response, recorded on a stand-in. */
export function headersOf(options: HelmetOptions): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let isDone = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    isDone = true;
  });
  // Helmet's middleware runs through synchronously; one that did not would not be recorded whole.
  if (!isDone) throw new Error('Helmet did not set its headers synchronously.');
  return { set, removed };
}
