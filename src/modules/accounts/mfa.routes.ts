import type { PublicAddress } from '../../platform/public-address.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../platform/access.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/http/auth.js';
import { type App, contextOf } from '../../platform/http/context.js';
import { idSchema } from '../../platform/schemas.js';
import { meSchema } from './accounts.schemas.js';
import type { AuthService, PendingSignIn } from './auth.service.js';
import {
  accountSecuritySchema,
  addPasskeySchema,
  confirmTotpSchema,
  enrolledSchema,
  pendingSignInSchema,
  recoveryCodesSchema,
  secondFactorSchema,
  totpEnrolmentSchema,
} from './mfa.schemas.js';
import type { MfaService } from './mfa.service.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './device-cookie.js';

/** Holds the pending sign-in between the password step and the second factor. */
export const PENDING_SIGN_IN_COOKIE = 'cadre_sign_in';
const PENDING_PATH = '/api/auth/login';

type SignedIn = Extract<Awaited<ReturnType<AuthService['signIn']>>, { status: 'signed_in' }>;

export interface SignInReplies {
  /** Sets the session cookie and answers who is now signed in. */
  signedIn(request: FastifyRequest, reply: FastifyReply, result: SignedIn): z.infer<typeof meSchema>;
  /** Sets the pending sign-in cookie and answers what second factor to give. */
  pending(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn): {
    secondFactorRequired: true;
    methods: PendingSignIn['methods'];
    passkeyOptions: unknown;
    expiresAt: string;
  };
}

export function signInReplies(options: { sessionHours: number; requiredRoles: readonly Role[]; address: PublicAddress }): SignInReplies {
  return {
    signedIn(request, reply, result) {
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(request, options.sessionHours * 3600));
      // The session's cookie first, and the spent one cleared only when sent: scripts read the first Set-Cookie.
      if (request.cookies[PENDING_SIGN_IN_COOKIE]) reply.clearCookie(PENDING_SIGN_IN_COOKIE, { path: PENDING_PATH });
      // The browser is now known to this account: its later attempts are counted apart (sign-in-throttle.ts).
      reply.setCookie(DEVICE_COOKIE, result.deviceCookie, { ...sessionCookieOptions(request, DEVICE_COOKIE_DAYS * 86_400), path: PENDING_PATH, sameSite: 'strict' });
      return {
        user: result.user,
        csrfToken: result.csrfToken,
        authenticatedBy: 'session' as const,
        capabilities: result.capabilities,
        mustEnrolSecondFactor: result.secondFactor === null && options.requiredRoles.includes(result.user.role),
        publicAddress: options.address,
      };
    },
    pending(request, reply, pending) {
      const maxAge = Math.max(1, Math.round((new Date(pending.expiresAt).getTime() - Date.now()) / 1000));
      reply.setCookie(PENDING_SIGN_IN_COOKIE, pending.token, { ...sessionCookieOptions(request, maxAge), path: PENDING_PATH, sameSite: 'strict' });
      return { secondFactorRequired: true as const, methods: pending.methods, passkeyOptions: pending.passkeyOptions, expiresAt: pending.expiresAt };
    },
  };
}

const idParams = z.object({ id: idSchema });
/** Enrolment stays open to a session that must enrol before anything else. */
const enrolment = { isOpenBeforeSecondFactor: true } as const;

export function mfaRoutes(deps: { mfa: MfaService; replies: SignInReplies }) {
  return (app: App) => {
    app.post(
      '/auth/login/second-factor',
      {
        config: { isPublic: true },
        schema: {
          tags: ['auth'],
          summary: 'Second step of signing in: an authenticator-app code, a recovery code or a passkey; sets the session cookie',
          security: [],
          body: secondFactorSchema,
          response: { 200: meSchema },
        },
      },
      async (request, reply) => {
        const result = await deps.mfa.completeSignIn(request.cookies[PENDING_SIGN_IN_COOKIE], request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: String(request.id),
        });
        return deps.replies.signedIn(request, reply, result);
      },
    );

    app.get(
      '/auth/login/second-factor',
      {
        config: { isPublic: true },
        schema: {
          tags: ['auth'],
          summary: 'The pending sign-in: which second factors finish it (after the password, or the identity provider)',
          security: [],
          response: { 200: pendingSignInSchema },
        },
      },
      async (request) => deps.mfa.pendingSignIn(request.cookies[PENDING_SIGN_IN_COOKIE]),
    );

    const sessionOf = (request: FastifyRequest) => (request.auth?.method === 'session' ? request.auth.sessionId : null);

    app.get(
      '/account/security',
      { config: enrolment, schema: { tags: ['auth'], summary: 'Your second factors', response: { 200: accountSecuritySchema } } },
      async (request) => deps.mfa.security(contextOf(request)),
    );
    app.post(
      '/account/totp',
      {
        config: enrolment,
        schema: { tags: ['auth'], summary: 'Start enrolling an authenticator app: its key and QR code', response: { 200: totpEnrolmentSchema } },
      },
      async (request) => deps.mfa.startTotp(contextOf(request), sessionOf(request)),
    );
    app.post(
      '/account/totp/confirm',
      {
        config: enrolment,
        schema: {
          tags: ['auth'],
          summary: 'Finish enrolling the authenticator app with a code it shows; the first factor enrolled comes with recovery codes',
          body: confirmTotpSchema,
          response: { 200: enrolledSchema },
        },
      },
      async (request) => deps.mfa.confirmTotp(contextOf(request), sessionOf(request), request.body.code),
    );
    app.delete(
      '/account/totp',
      { config: enrolment, schema: { tags: ['auth'], summary: 'Remove the authenticator app', response: { 200: accountSecuritySchema } } },
      async (request) => deps.mfa.removeTotp(contextOf(request), sessionOf(request)),
    );
    app.post(
      '/account/passkeys/options',
      {
        config: enrolment,
        schema: { tags: ['auth'], summary: 'WebAuthn options to create a passkey with', response: { 200: z.record(z.string(), z.unknown()) } },
      },
      async (request) => ({ ...(await deps.mfa.passkeyOptions(contextOf(request), sessionOf(request))) }),
    );
    app.post(
      '/account/passkeys',
      {
        config: enrolment,
        schema: { tags: ['auth'], summary: 'Add the passkey the browser created', body: addPasskeySchema, response: { 200: enrolledSchema } },
      },
      async (request) => deps.mfa.addPasskey(contextOf(request), sessionOf(request), request.body),
    );
    app.delete(
      '/account/passkeys/:id',
      {
        config: enrolment,
        schema: { tags: ['auth'], summary: 'Remove a passkey', params: idParams, response: { 200: accountSecuritySchema } },
      },
      async (request) => deps.mfa.removePasskey(contextOf(request), sessionOf(request), request.params.id),
    );
    app.post(
      '/account/recovery-codes',
      {
        schema: { tags: ['auth'], summary: 'New recovery codes, shown once; the earlier ones stop working', response: { 200: recoveryCodesSchema } },
      },
      async (request) => deps.mfa.regenerateRecoveryCodes(contextOf(request), sessionOf(request)),
    );
    app.delete(
      '/users/:id/second-factors',
      {
        // A leaked token must not be able to strip an account of its second factors.
        config: { isSessionOnly: true },
        schema: {
          tags: ['users'],
          summary: 'Remove a user’s second factors, for a lost device (admin); they enrol again at their next sign-in',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.mfa.resetForUser(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
