import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { App, AuthResult } from './context.js';
import { isFromOwnOrigin } from './origin.js';
import { platformText } from '../platform.messages.js';

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
 * Marks every route registered in this scope (and the plugins it registers) as open to anyone:
 * the web app's pages and assets, and the API's viewer. Routes are closed unless marked so.
 */
export function openToAnyone(scope: App) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, isPublic: true };
  });
}

/**
 * Who is calling: a bearer token, else the session cookie. Every route needs a signed-in caller
 * unless its own config says `isPublic`: the decision rests on the route the router matched, never
 * on the URL as sent, which may spell the same route many ways (`/%61pi/…`). Cookie-authenticated
 * writes must come from our own origin and carry the CSRF token.
 */
export function registerAuthentication(app: App, authenticator: Authenticator, options: { publicUrl?: string | undefined } = {}) {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    request.auth = await resolve(request, reply);
    if (request.is404) return;
    const auth = request.auth;
    const isWrite = !SAFE_METHODS.has(request.method);
    if (auth?.method === 'session' && isWrite && !isFromOwnOrigin(request, options.publicUrl)) {
      throw new AppError('forbidden', platformText('originMismatch'));
    }
    const config = request.routeOptions.config;
    if (config.isPublic) return;
    if (!auth) throw new AppError('unauthenticated', platformText('signIn'));
    if (auth.method === 'session' && isWrite) {
      const sent = request.headers[CSRF_HEADER];
      if (!auth.sessionId || !authenticator.isCsrfTokenValid(auth.sessionId, typeof sent === 'string' ? sent : undefined)) {
        throw new AppError('forbidden', platformText('csrfMissing', { header: CSRF_HEADER }));
      }
    }
    if (auth.method === 'token') refuseOutsideToken(auth, request.method, config.isSessionOnly === true);
    if (auth.mustChangePassword && !config.isOpenBeforePasswordChange) {
      throw new AppError('password_change_required', platformText('changePasswordFirst'));
    }
    if (auth.mustEnrolSecondFactor && !config.isOpenBeforeSecondFactor) {
      throw new AppError('second_factor_enrolment_required', platformText('enrolSecondFactor'));
    }
  });

  /** A token never manages credentials or accounts; a read-only one only reads (safe methods). */
  function refuseOutsideToken(auth: AuthResult, method: string, isSessionOnly: boolean) {
    if (isSessionOnly) throw new AppError('forbidden', platformText('tokensCannotManage'));
    if (auth.actor.credential?.access === 'read' && !SAFE_METHODS.has(method)) {
      throw new AppError('forbidden', platformText('tokenReadOnly'));
    }
  }

  async function resolve(request: FastifyRequest, reply: FastifyReply): Promise<AuthResult | null> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const seen = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const auth = match?.[1] ? await authenticator.bearer(match[1], seen) : null;
      if (!auth) throw new AppError('unauthenticated', platformText('tokenInvalid'));
      return auth;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const auth = await authenticator.session(token);
    if (!auth) clearSessionCookie(request, reply);
    return auth;
  }
}
