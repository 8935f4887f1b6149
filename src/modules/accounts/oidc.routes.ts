import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sessionCookieOptions } from '../../platform/http/auth.js';
import type { App } from '../../platform/http/context.js';
import type { SignInReplies } from './mfa.routes.js';
import { signInOptionsSchema } from './mfa.schemas.js';
import type { OidcService } from './oidc.service.js';

const OIDC_COOKIE = 'cadre_oidc';
/** The routes' prefix under /api, and the cookie's path. */
const ROUTES = '/auth/oidc';
const OIDC_PATH = `/api${ROUTES}`;
const START_URL = `${OIDC_PATH}/start`;

/** How Cadre may be signed in to; and, when a provider is configured, the round trip through it. */
export function oidcRoutes(deps: { oidc: OidcService | undefined; redirectUrl: string | undefined; replies: SignInReplies }) {
  return (app: App) => {
    app.get(
      '/auth/options',
      {
        config: { isPublic: true },
        schema: { tags: ['auth'], summary: 'How one may sign in: the identity provider, when one is configured', security: [], response: { 200: signInOptionsSchema } },
      },
      async () => ({ identityProvider: deps.oidc ? { name: deps.oidc.name, startUrl: START_URL } : null }),
    );

    const { oidc, redirectUrl } = deps;
    if (!oidc || !redirectUrl) return;
    const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: String(request.id) });

    app.get(
      `${ROUTES}/start`,
      {
        config: { isPublic: true },
        schema: { tags: ['auth'], summary: 'Sign in with the identity provider: redirects there', security: [], response: { 302: z.null() } },
      },
      async (request, reply) => {
        const started = await oidc.start().catch((error: unknown) => {
          request.log.warn({ err: error }, 'the identity provider could not be reached');
          return null;
        });
        if (!started) return reply.redirect('/sign-in/refused?reason=unavailable', 302);
        // Lax, not Strict: the browser comes back from the provider's site with a top-level GET.
        reply.setCookie(OIDC_COOKIE, started.token, { ...sessionCookieOptions(request, started.maxAgeSeconds), path: OIDC_PATH });
        return reply.redirect(started.url, 302);
      },
    );

    app.get(
      `${ROUTES}/callback`,
      {
        config: { isPublic: true },
        schema: {
          tags: ['auth'],
          summary: 'Where the identity provider sends the browser back; signs in the Cadre user of the verified email',
          security: [],
          querystring: z.record(z.string(), z.string().max(4096)),
          response: { 302: z.null() },
        },
      },
      async (request, reply) => {
        // The URL the provider was asked to redirect to, with what it added: not the Host header's idea of it.
        const current = new URL(redirectUrl);
        current.search = new URLSearchParams(request.query).toString();
        const outcome = await oidc.callback(request.cookies[OIDC_COOKIE], current, meta(request));
        reply.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
        if (outcome.status === 'refused') return reply.redirect(`/sign-in/refused?reason=${outcome.reason}`, 302);
        if (outcome.status === 'second_factor_required') {
          deps.replies.pending(request, reply, outcome.pending);
          return reply.redirect('/sign-in/second-factor', 302);
        }
        deps.replies.signedIn(request, reply, outcome);
        return reply.redirect('/', 302);
      },
    );
  };
}
