import type { Insertable, Kysely } from 'kysely';
import type { AuthChallengePurpose, AuthChallengesTable, DB, PasskeysTable, SecondFactorKind } from '../../platform/db/schema.js';

export function totpRepository(db: Kysely<DB>) {
  return {
    find(userId: string) {
      return db.selectFrom('totp_authenticators').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },
    /** A new secret replaces one not yet confirmed; a confirmed one must be removed first. */
    async start(row: { user_id: string; secret_sealed: string; created_at: string }) {
      await db.deleteFrom('totp_authenticators').where('user_id', '=', row.user_id).where('confirmed_at', 'is', null).execute();
      return db.insertInto('totp_authenticators').values(row).execute();
    },
    confirm(userId: string, at: string) {
      return db.updateTable('totp_authenticators').set({ confirmed_at: at }).where('user_id', '=', userId).execute();
    },
    /**
     * Takes a time step as used, if no later or equal one was: one UPDATE, so that of two
     * requests racing with the same code only one succeeds, on either engine.
     */
    async useStep(userId: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable('totp_authenticators')
        .set({ last_step: step })
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async remove(userId: string): Promise<boolean> {
      const result = await db.deleteFrom('totp_authenticators').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export function passkeysRepository(db: Kysely<DB>) {
  return {
    listForUser(userId: string) {
      return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    },
    findByCredentialId(userId: string, credentialId: string) {
      return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).where('credential_id', '=', credentialId).executeTakeFirst();
    },
    findById(userId: string, id: string) {
      return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    },
    insert(row: Insertable<PasskeysTable>) {
      return db.insertInto('passkeys').values(row).returningAll().executeTakeFirstOrThrow();
    },
    /** Records a use; the counter only moves forward (a cloned authenticator shows as a counter going back). */
    async use(id: string, counter: number, at: string): Promise<boolean> {
      const result = await db
        .updateTable('passkeys')
        .set({ counter, last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('counter', '<', counter), eb('counter', '=', 0)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    remove(userId: string, id: string) {
      return db.deleteFrom('passkeys').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    },
  };
}

export function recoveryCodesRepository(db: Kysely<DB>) {
  return {
    async replace(userId: string, hashes: readonly string[], id: () => string, at: string) {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await db
        .insertInto('recovery_codes')
        .values(hashes.map((code_hash) => ({ id: id(), user_id: userId, code_hash, created_at: at })))
        .execute();
    },
    async countUnused(userId: string): Promise<number> {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Spends a code: true once, for the first request that names it. */
    async use(userId: string, hash: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    removeAll(userId: string) {
      return db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    },
  };
}

export function challengesRepository(db: Kysely<DB>) {
  return {
    insert(row: Insertable<AuthChallengesTable>) {
      return db.insertInto('auth_challenges').values(row).execute();
    },
    findValid(id: string, purpose: AuthChallengePurpose, now: string) {
      return db
        .selectFrom('auth_challenges')
        .selectAll()
        .where('id', '=', id)
        .where('purpose', '=', purpose)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },
    setData(id: string, data: string) {
      return db.updateTable('auth_challenges').set({ data }).where('id', '=', id).execute();
    },
    countAttempt(id: string) {
      return db
        .updateTable('auth_challenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    /** Takes the challenge: true for the one request that removed it, so it is answered once. */
    async take(id: string): Promise<boolean> {
      const result = await db.deleteFrom('auth_challenges').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    removeFor(userId: string, purpose: AuthChallengePurpose) {
      return db.deleteFrom('auth_challenges').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
    },
    deleteExpired(now: string) {
      return db.deleteFrom('auth_challenges').where('expires_at', '<=', now).execute();
    },
  };
}

export function secondFactorFailuresRepository(db: Kysely<DB>) {
  return {
    record(row: { id: string; user_id: string; failed_at: string }) {
      return db.insertInto('second_factor_failures').values(row).execute();
    },
    async countSince(userId: string, since: string): Promise<{ count: number; oldest: string | null }> {
      const row = await db
        .selectFrom('second_factor_failures')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('failed_at').as('oldest')])
        .where('user_id', '=', userId)
        .where('failed_at', '>', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
    },
    /** Failures since the last right answer (a right answer clears them all). */
    async inARow(userId: string): Promise<number> {
      const row = await db.selectFrom('second_factor_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    clear(userId: string) {
      return db.deleteFrom('second_factor_failures').where('user_id', '=', userId).execute();
    },
  };
}

export function sessionFactorsRepository(db: Kysely<DB>) {
  return {
    /** A session whose holder has just enrolled a factor has proved it: it is held to nothing more. */
    setSecondFactor(sessionId: string, kind: SecondFactorKind) {
      return db.updateTable('sessions').set({ second_factor: kind }).where('id', '=', sessionId).execute();
    },
  };
}
