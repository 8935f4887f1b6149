import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toApiToken } from './accounts.mapper.js';
import { tokensRepository } from './accounts.repository.js';
import type { ApiToken } from './accounts.schemas.js';

export interface TokensDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
}

export const TOKEN_PREFIX = 'cadre_';

/** API tokens for scripts: each user manages their own; only a hash of the secret is kept. */
export function createTokensService({ db, clock, audit }: TokensDeps) {
  function ownerId(ctx: RequestContext): string {
    if (!ctx.actor.id) throw new AppError('unauthenticated', 'Sign in first.');
    return ctx.actor.id;
  }

  return {
    async list(ctx: RequestContext): Promise<ApiToken[]> {
      return (await tokensRepository(db).findForUser(ownerId(ctx))).map(toApiToken);
    },

    async create(ctx: RequestContext, input: { name: string; expiresInDays?: number | null | undefined }) {
      const userId = ownerId(ctx);
      const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
      const now = clock.now();
      const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null;
      return db.transaction().execute(async (trx) => {
        const row = await tokensRepository(trx).insert({
          id: newId(),
          user_id: userId,
          name: input.name,
          token_hash: sha256Hex(secret),
          prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
          created_at: now.toISOString(),
          expires_at: expiresAt,
          last_used_at: null,
          revoked_at: null,
        });
        const token = toApiToken(row);
        await audit(trx, ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: token });
        return { token, secret };
      });
    },

    async revoke(ctx: RequestContext, id: string): Promise<ApiToken> {
      const userId = ownerId(ctx);
      return db.transaction().execute(async (trx) => {
        const repo = tokensRepository(trx);
        const current = await repo.findById(id);
        if (!current || current.user_id !== userId) throw notFound('The token');
        const revoked = (await repo.revoke(id, instant(clock))) ?? current;
        const token = toApiToken(revoked);
        await audit(trx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: toApiToken(current), after: token });
        return token;
      });
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
