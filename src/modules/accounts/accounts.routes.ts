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
  signInSchema,
  updateUserSchema,
  userSchema,
} from './accounts.schemas.js';
import type { AuthService } from './auth.service.js';
import type { SignInReplies } from './mfa.routes.js';
import { signInResultSchema } from './mfa.schemas.js';
import type { TokensService } from './tokens.service.js';
import type { UsersService } from './users.service.js';

const idParams = z.object({ id: idSchema });

export function authRoutes(deps: { auth: AuthService; users: UsersService; replies: SignInReplies }) {
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
        if (!auth || !ctx.actor.id) throw new AppError('unauthenticated', 'Sign in first.');
        return {
          user: await deps.users.get(ctx, ctx.actor.id),
          csrfToken: auth.sessionId ? deps.auth.csrfTokenFor(auth.sessionId) : null,
          authenticatedBy: auth.method,
          capabilities: deps.auth.capabilities(ctx.actor),
          mustEnrolSecondFactor: auth.mustEnrolSecondFactor,
        };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { isOpenBeforePasswordChange: true, isOpenBeforeSecondFactor: true },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; your other sessions end',
          body: changePasswordSchema,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        deps.auth.changePassword(contextOf(request), request.auth?.sessionId ?? null, request.body.currentPassword, request.body.newPassword),
    );
  };
}

export function usersRoutes(deps: { users: UsersService }) {
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
      { schema: { tags: ['users'], summary: 'Create a user account (admin)', body: createUserSchema, response: { 201: createdUserSchema } } },
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
        schema: {
          tags: ['users'],
          summary: 'Give a user a new one-time password and sign them out everywhere (admin)',
          params: idParams,
          response: { 200: createdUserSchema },
        },
      },
      async (request) => deps.users.resetPassword(contextOf(request), request.params.id),
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
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for scripts; the secret is shown once',
          body: createApiTokenSchema,
          response: { 201: createdApiTokenSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await deps.tokens.create(contextOf(request), request.body)),
    );
    app.delete(
      '/tokens/:id',
      { schema: { tags: ['auth'], summary: 'Revoke one of your API tokens', params: idParams, response: { 200: apiTokenSchema } } },
      async (request) => deps.tokens.revoke(contextOf(request), request.params.id),
    );
  };
}
