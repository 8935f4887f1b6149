import type { FastifyRequest } from 'fastify';

/**
 * Whether an unsafe request comes from a page of this server (defence in depth beside the CSRF
 * token). Browsers send Origin on every cross-origin and every non-GET request; a request with
 * neither Origin nor Sec-Fetch-Site comes from a program, not a page, and is let through.
 * Our own origin is the public URL, or else whatever host the request was addressed to: a page
 * on another site cannot make the browser send our host as its Origin.
 */
export function isFromOwnOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site';
  const sent = parseOrigin(origin);
  if (!sent) return false;
  if (publicUrl && parseOrigin(publicUrl)?.origin === sent.origin) return true;
  const addressed = parseOrigin(`${sent.protocol}//${request.host}`);
  return addressed !== null && addressed.host === sent.host;
}

function parseOrigin(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url;
  } catch {
    return null;
  }
}
