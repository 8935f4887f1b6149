/**
 * Pages anyone may open without signing in: a certificate's page, reached by scanning the QR
 * code on the printed certificate, and the page that checks a credential file.
 */
export const PUBLIC_PATH = '/verify';

export function isPublicPath(pathname: string): boolean {
  return pathname === PUBLIC_PATH || pathname.startsWith(`${PUBLIC_PATH}/`);
}

/** The first part of every public query's cache key: what a visitor sees outlives a session. */
export const PUBLIC_QUERY_KEY = 'public';
