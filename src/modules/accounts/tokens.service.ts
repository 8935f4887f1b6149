import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { usersPolicy } from './accounts.policy.js';
import { toApiToken } from './accounts.mapper.js';
import { tokensRepository } from './accounts.repository.js';
import { type ApiToken, type CreateApiTokenInput, TOKEN_LIFETIME_DAYS } from './accounts.schemas.js';
import { accountsText } from './accounts.messages.js';

export interface TokensDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
}

export const TOKEN_PREFIX = 'cadre_';

/**
 * API tokens for scripts: each user manages their own, and admins see and revoke anyone's. A
 * token is scoped (read or write, all areas or some) and expires; only a hash of the secret is kept.
 */
export function createTokensService({ db, clock, audit }: TokensDeps) {
  function ownerId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
    return ctx.actor.id;
  }

  async function revokeOwnedBy(ctx: RequestContext, userId: string, id: string): Promise<ApiToken> {
    return db.transaction().execute(async (trx) => {
      const repo = tokensRepository(trx);
      const current = await repo.findById(id);
      if (!current || current.user_id !== userId) throw notFound('token');
      const revoked = (await repo.revoke(id, instant(clock))) ?? current;
      const token = toApiToken(revoked);
      await audit(trx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: toApiToken(current), after: token });
      return token;
    });
  }

  return {
    async list(ctx: RequestContext): Promise<ApiToken[]> {
      return (await tokensRepository(db).findForUser(ownerId(ctx))).map(toApiToken);
    },

    /** Any user's tokens, for an admin. */
    async listOf(ctx: RequestContext, userId: string, executor: Kysely<DB> = db): Promise<ApiToken[]> {
      usersPolicy.requireAllowed(ctx.actor, 'manageSessions');
      return (await tokensRepository(executor).findForUser(userId)).map(toApiToken);
    },

    async create(ctx: RequestContext, input: Pick<CreateApiTokenInput, 'name'> & Partial<CreateApiTokenInput>) {
      const userId = ownerId(ctx);
      const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
      const now = clock.now();
      const days = input.expiresInDays ?? TOKEN_LIFETIME_DAYS.default;
      return db.transaction().execute(async (trx) => {
        const row = await tokensRepository(trx).insert({
          id: newId(),
          user_id: userId,
          name: input.name,
          token_hash: sha256Hex(secret),
          prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
          access: input.access ?? 'read',
          areas: input.areas ? JSON.stringify([...new Set(input.areas)].sort()) : null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
          last_used_at: null,
          last_used_ip: null,
          last_used_user_agent: null,
          revoked_at: null,
        });
        const token = toApiToken(row);
        await audit(trx, ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: token });
        return { token, secret };
      });
    },

    /** Revokes one of the actor's own tokens. */
    revoke: (ctx: RequestContext, id: string) => revokeOwnedBy(ctx, ownerId(ctx), id),

    /** Revokes one token of any user, for an admin. */
    revokeOf(ctx: RequestContext, userId: string, id: string): Promise<ApiToken> {
      usersPolicy.requireAllowed(ctx.actor, 'manageSessions');
      return revokeOwnedBy(ctx, userId, id);
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
