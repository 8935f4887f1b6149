import type { PublicAddress } from '../../platform/public-address.js';
import { z } from 'zod';
import { clearSessionCookie } from '../../platform/http/auth.js';
import { type App, contextOf } from '../../platform/http/context.js';
import { requiredVersion, setEtag, withEtag } from '../../platform/http/versioning.js';
import { AppError } from '../../platform/errors.js';
import { idSchema, pageSchema } from '../../platform/schemas.js';
import {
  apiTokenSchema,
  changePasswordSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  createdUserSchema,
  createUserSchema,
  listUsersQuerySchema,
  meSchema,
  updateMeSchema,
  sessionIdSchema,
  sessionSchema,
  signInSchema,
  userCredentialsSchema,
  updateUserSchema,
  userSchema,
} from './accounts.schemas.js';
import type { AuthService } from './auth.service.js';
import type { SignInReplies } from './mfa.routes.js';
import { signInResultSchema } from './mfa.schemas.js';
import { DEVICE_COOKIE } from './device-cookie.js';
import type { SessionsService } from './sessions.service.js';
import type { TokensService } from './tokens.service.js';
import type { UsersService } from './users.service.js';
import { accountsText } from './accounts.messages.js';

const idParams = z.object({ id: idSchema });
const sessionParams = z.object({ id: sessionIdSchema });
const sessionOnly = { isSessionOnly: true } as const;

export function authRoutes(deps: { auth: AuthService; users: UsersService; sessions: SessionsService; replies: SignInReplies; address: PublicAddress }) {
  return (app: App) => {
    app.post(
      '/auth/login',
      {
        config: { isPublic: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the session cookie, or asks for a second factor first',
          security: [],
          body: signInSchema,
          response: { 200: signInResultSchema },
        },
      },
      async (request, reply) => {
        const result = await deps.auth.signIn({
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: String(request.id),
          device: request.cookies[DEVICE_COOKIE],
        });
        if (result.status === 'second_factor_required') return deps.replies.pending(request, reply, result.pending);
        return deps.replies.signedIn(request, reply, result);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { isOpenBeforePasswordChange: true, isOpenBeforeSecondFactor: true },
        schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const sessionId = request.auth?.sessionId;
        if (sessionId) await deps.auth.signOut(contextOf(request), sessionId);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { isOpenBeforePasswordChange: true, isOpenBeforeSecondFactor: true },
        schema: { tags: ['auth'], summary: 'Who is signed in, and the CSRF token for writes', response: { 200: meSchema } },
      },
      async (request) => {
        const ctx = contextOf(request);
        const auth = request.auth;
        if (!auth || !ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
        return {
          user: await deps.users.get(ctx, ctx.actor.id),
          csrfToken: auth.sessionId ? deps.auth.csrfTokenFor(auth.sessionId) : null,
          authenticatedBy: auth.method,
          capabilities: deps.auth.capabilities(ctx.actor),
          mustEnrolSecondFactor: auth.mustEnrolSecondFactor,
          publicAddress: deps.address,
        };
      },
    );

    app.patch(
      '/auth/me',
      {
        config: { isOpenBeforePasswordChange: true, isOpenBeforeSecondFactor: true },
        schema: {
          tags: ['auth'],
          summary: 'Change your own settings: the language you read Cadre in',
          body: updateMeSchema,
          response: { 200: meSchema },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const auth = request.auth;
        if (!auth || !ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
        return {
          user: await deps.users.updateOwn(ctx, request.body),
          csrfToken: auth.sessionId ? deps.auth.csrfTokenFor(auth.sessionId) : null,
          authenticatedBy: auth.method,
          capabilities: deps.auth.capabilities(ctx.actor),
          mustEnrolSecondFactor: auth.mustEnrolSecondFactor,
          publicAddress: deps.address,
        };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { isOpenBeforePasswordChange: true, isOpenBeforeSecondFactor: true, ...sessionOnly },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; your other sessions end and your API tokens are revoked',
          body: changePasswordSchema,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        deps.auth.changePassword(contextOf(request), request.auth?.sessionId ?? null, request.body.currentPassword, request.body.newPassword),
    );

    app.get(
      '/auth/sessions',
      {
        schema: {
          tags: ['auth'],
          summary: 'Where you are signed in: your sessions, this one marked',
          response: { 200: z.object({ items: z.array(sessionSchema) }) },
        },
      },
      async (request) => ({ items: await deps.sessions.listOwn(contextOf(request), request.auth?.sessionId ?? null) }),
    );

    app.delete(
      '/auth/sessions',
      {
        config: sessionOnly,
        schema: { tags: ['auth'], summary: 'Sign out everywhere else: ends your other sessions', response: { 200: z.object({ sessions: z.number().int() }) } },
      },
      async (request) => deps.sessions.endOwnOthers(contextOf(request), request.auth?.sessionId ?? null),
    );

    app.delete(
      '/auth/sessions/:id',
      {
        config: sessionOnly,
        schema: { tags: ['auth'], summary: 'End one of your sessions', params: sessionParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deps.sessions.endOwn(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}

export function usersRoutes(deps: { users: UsersService; sessions: SessionsService; tokens: TokensService }) {
  return (app: App) => {
    app.get(
      '/users',
      { schema: { tags: ['users'], summary: 'List user accounts (admin)', querystring: listUsersQuerySchema, response: { 200: pageSchema(userSchema) } } },
      async (request) => deps.users.list(contextOf(request), request.query),
    );

    app.get(
      '/users/assignable',
      {
        schema: {
          tags: ['users'],
          summary: 'People who may own partnerships and follow-ups (admins and program officers)',
          response: { 200: z.object({ items: z.array(z.object({ id: idSchema, name: z.string() })) }) },
        },
      },
      async (request) => ({ items: await deps.users.assignable(contextOf(request)) }),
    );

    app.post(
      '/users',
      { config: sessionOnly, schema: { tags: ['users'], summary: 'Create a user account (admin)', body: createUserSchema, response: { 201: createdUserSchema } } },
      async (request, reply) => {
        const created = await deps.users.create(contextOf(request), request.body);
        setEtag(reply, created.user.version);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/users/:id',
      { schema: { tags: ['users'], summary: 'Read a user account', params: idParams, response: { 200: userSchema } } },
      async (request, reply) => {
        return withEtag(reply, await deps.users.get(contextOf(request), request.params.id));
      },
    );

    app.patch(
      '/users/:id',
      {
        config: sessionOnly,
        schema: {
          tags: ['users'],
          summary: 'Change a user’s name, role, binding, or disable it (admin; needs If-Match)',
          params: idParams,
          body: updateUserSchema,
          response: { 200: userSchema },
        },
      },
      async (request, reply) => {
        return withEtag(reply, await deps.users.update(contextOf(request), request.params.id, requiredVersion(request), request.body));
      },
    );

    app.post(
      '/users/:id/password-reset',
      {
        config: sessionOnly,
        schema: {
          tags: ['users'],
          summary: 'Give a user a new one-time password and sign them out everywhere (admin)',
          params: idParams,
          response: { 200: createdUserSchema },
        },
      },
      async (request) => deps.users.resetPassword(contextOf(request), request.params.id),
    );

    app.get(
      '/users/:id/sessions',
      {
        schema: {
          tags: ['users'],
          summary: 'Where a user is signed in, and their API tokens (admin)',
          params: idParams,
          response: { 200: userCredentialsSchema },
        },
      },
      async (request) => deps.sessions.listOf(contextOf(request), request.params.id, request.auth?.sessionId ?? null),
    );

    app.delete(
      '/users/:id/sessions',
      {
        config: sessionOnly,
        schema: {
          tags: ['users'],
          summary: 'Sign a user out everywhere and revoke their API tokens (admin)',
          params: idParams,
          response: { 200: z.object({ sessions: z.number().int(), tokens: z.number().int() }) },
        },
      },
      async (request) => deps.sessions.endAllOf(contextOf(request), request.params.id),
    );

    app.delete(
      '/users/:id/sessions/:sessionId',
      {
        config: sessionOnly,
        schema: {
          tags: ['users'],
          summary: 'End one session of a user (admin)',
          params: z.object({ id: idSchema, sessionId: sessionIdSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.sessions.endOf(contextOf(request), request.params.id, request.params.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/users/:id/tokens/:tokenId',
      {
        config: sessionOnly,
        schema: {
          tags: ['users'],
          summary: 'Revoke one API token of a user (admin)',
          params: z.object({ id: idSchema, tokenId: idSchema }),
          response: { 200: apiTokenSchema },
        },
      },
      async (request) => deps.tokens.revokeOf(contextOf(request), request.params.id, request.params.tokenId),
    );
  };
}

export function tokensRoutes(deps: { tokens: TokensService }) {
  return (app: App) => {
    app.get(
      '/tokens',
      { schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.object({ items: z.array(apiTokenSchema) }) } } },
      async (request) => ({ items: await deps.tokens.list(contextOf(request)) }),
    );
    app.post(
      '/tokens',
      {
        config: sessionOnly,
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for scripts: read or write, all areas or some, expiring; the secret is shown once',
          body: createApiTokenSchema,
          response: { 201: createdApiTokenSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await deps.tokens.create(contextOf(request), request.body)),
    );
    app.delete(
      '/tokens/:id',
      { config: sessionOnly, schema: { tags: ['auth'], summary: 'Revoke one of your API tokens', params: idParams, response: { 200: apiTokenSchema } } },
      async (request) => deps.tokens.revoke(contextOf(request), request.params.id),
    );
  };
}
