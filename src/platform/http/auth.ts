import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { App, AuthResult } from './context.js';

export const SESSION_COOKIE = 'cadre_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Authenticator {
  session(token: string): Promise<AuthResult | null>;
  bearer(secret: string, seen: { ip: string; userAgent: string | null }): Promise<AuthResult | null>;
  isCsrfTokenValid(sessionId: string, token: string | undefined): boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the request reached us over TLS (directly, or via a trusted proxy).
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  };
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, 0));
}

/**
 * Who is calling: a bearer token, else the session cookie. Every route needs a signed-in caller
 * unless its config says `isPublic`; cookie-authenticated writes must carry the CSRF token.
 */
export function registerAuthentication(app: App, authenticator: Authenticator, publicPrefixes: readonly string[] = []) {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    request.auth = await resolve(request, reply);
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? '';
    // Only the API holds data: the web app's pages and assets are for anyone to load.
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi || config.isPublic || request.is404 || publicPrefixes.some((prefix) => url.startsWith(prefix))) return;
    const auth = request.auth;
    if (!auth) throw new AppError('unauthenticated', 'Sign in, or send an API token as Authorization: Bearer <token>.');
    if (auth.method === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (!auth.sessionId || !authenticator.isCsrfTokenValid(auth.sessionId, typeof sent === 'string' ? sent : undefined)) {
        throw new AppError('forbidden', `Missing or wrong ${CSRF_HEADER} header: read it from GET /api/auth/me and send it with every change.`);
      }
    }
    if (auth.method === 'token') refuseOutsideToken(auth, request.method, config.isSessionOnly === true);
    if (auth.mustChangePassword && !config.isOpenBeforePasswordChange) {
      throw new AppError('password_change_required', 'Change your one-time password first (POST /api/auth/password).');
    }
  });

  /** A token never manages credentials or accounts; a read-only one only reads (safe methods). */
  function refuseOutsideToken(auth: AuthResult, method: string, isSessionOnly: boolean) {
    if (isSessionOnly) throw new AppError('forbidden', 'API tokens cannot manage tokens, passwords, sessions or users: sign in at the browser.');
    if (auth.actor.credential?.access === 'read' && !SAFE_METHODS.has(method)) {
      throw new AppError('forbidden', 'This API token may only read.');
    }
  }

  async function resolve(request: FastifyRequest, reply: FastifyReply): Promise<AuthResult | null> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const seen = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const auth = match?.[1] ? await authenticator.bearer(match[1], seen) : null;
      if (!auth) throw new AppError('unauthenticated', 'The API token is not valid, has expired or was revoked.');
      return auth;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const auth = await authenticator.session(token);
    if (!auth) clearSessionCookie(request, reply);
    return auth;
  }
}
