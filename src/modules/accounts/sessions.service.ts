import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { usersPolicy } from './accounts.policy.js';
import { sessionHandle, toSession } from './accounts.mapper.js';
import { credentialsRepository, sessionsRepository, usersRepository } from './accounts.repository.js';
import type { Session, UserCredentials } from './accounts.schemas.js';
import type { TokensService } from './tokens.service.js';
import { liveSessions } from './live-sessions.js';
import { accountsText } from './accounts.messages.js';

export interface SessionsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  tokens: Pick<TokensService, 'listOf'>;
  sessionIdleMinutes: number;
}

/**
 * Where a user is signed in: each user sees and ends their own sessions; an admin sees any
 * user's sessions and tokens and can sign them out everywhere. `currentSessionId` is the
 * session the request came with, marked in lists and kept when a user ends "the others".
 */
export function createSessionsService({ db, clock, audit, tokens, sessionIdleMinutes }: SessionsDeps) {
  function selfOf(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
    return ctx.actor.id;
  }

  async function listFor(userId: string, currentSessionId: string | null, executor: Kysely<DB> = db): Promise<Session[]> {
    const rows = await sessionsRepository(executor).findActiveForUser(userId, liveSessions(clock, sessionIdleMinutes));
    return rows.map((row) => toSession(row, currentSessionId));
  }

  async function requireUser(userId: string, executor: Kysely<DB>): Promise<void> {
    if (!(await usersRepository(executor).findById(userId))) throw notFound('user');
  }

  async function endOne(ctx: RequestContext, userId: string, handle: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const rows = await sessionsRepository(trx).findActiveForUser(userId, liveSessions(clock, sessionIdleMinutes));
      const row = rows.find((candidate) => sessionHandle(candidate.id) === handle);
      if (!row) throw notFound('session');
      await sessionsRepository(trx).delete(row.id);
      await audit(trx, ctx, { action: 'session.end', entityType: 'user', entityId: userId, before: toSession(row, null) });
    });
  }

  return {
    listOwn: (ctx: RequestContext, currentSessionId: string | null) => listFor(selfOf(ctx), currentSessionId),

    /** Ends one of the actor's own sessions (this one too, if named). */
    endOwn: (ctx: RequestContext, handle: string) => endOne(ctx, selfOf(ctx), handle),

    /** Signs the actor out everywhere but here; their tokens stay. */
    async endOwnOthers(ctx: RequestContext, currentSessionId: string | null): Promise<{ sessions: number }> {
      const userId = selfOf(ctx);
      return db.transaction().execute(async (trx) => {
        const rows = await sessionsRepository(trx).findActiveForUser(userId, liveSessions(clock, sessionIdleMinutes));
        const others = rows.filter((row) => row.id !== currentSessionId);
        for (const row of others) await sessionsRepository(trx).delete(row.id);
        await audit(trx, ctx, { action: 'session.end_others', entityType: 'user', entityId: userId, after: { sessions: others.length } });
        return { sessions: others.length };
      });
    },

    /** A user's sessions and tokens, for an admin. */
    async listOf(ctx: RequestContext, userId: string, currentSessionId: string | null): Promise<UserCredentials> {
      usersPolicy.requireAllowed(ctx.actor, 'manageSessions');
      await requireUser(userId, db);
      const [sessions, tokenList] = await Promise.all([listFor(userId, currentSessionId), tokens.listOf(ctx, userId)]);
      return { sessions, tokens: tokenList };
    },

    /** Ends one session of any user, for an admin. */
    async endOf(ctx: RequestContext, userId: string, handle: string): Promise<void> {
      usersPolicy.requireAllowed(ctx.actor, 'manageSessions');
      await endOne(ctx, userId, handle);
    },

    /** Signs a user out everywhere and revokes their tokens, for an admin (the admin's own session too, if it is theirs). */
    async endAllOf(ctx: RequestContext, userId: string): Promise<{ sessions: number; tokens: number }> {
      usersPolicy.requireAllowed(ctx.actor, 'manageSessions');
      return db.transaction().execute(async (trx) => {
        await requireUser(userId, trx);
        const ended = await credentialsRepository(trx).endAllFor(userId, instant(clock));
        await audit(trx, ctx, { action: 'session.end_all', entityType: 'user', entityId: userId, after: ended });
        return ended;
      });
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
