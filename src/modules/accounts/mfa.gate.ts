import type { Kysely } from 'kysely';
import { type Clock, instant } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DB, UserRow } from '../../platform/db/schema.js';
import type { PendingSignIn, SignInGate } from './auth.service.js';
import { challengesRepository, passkeysRepository, recoveryCodesRepository, totpRepository } from './mfa.repository.js';
import type { Passkeys } from './passkeys.js';

/** How long the password step waits for its second factor. */
export const PENDING_SIGN_IN_MINUTES = 5;

/** What an account can prove a second factor with. */
export async function factorsOf(db: Kysely<DB>, userId: string) {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    totpRepository(db).find(userId),
    passkeysRepository(db).listForUser(userId),
    recoveryCodesRepository(db).countUnused(userId),
  ]);
  const hasTotp = Boolean(totp?.confirmed_at);
  return { totp: hasTotp ? totp : undefined, passkeys, recoveryCodesLeft, hasAny: hasTotp || passkeys.length > 0 };
}

/**
 * After the first factor (a password, or an identity provider that did not assert a second):
 * an account with a second factor gets a pending sign-in, kept as a challenge row whose token the
 * browser holds; an account without opens its session at once.
 */
export function createSignInGate({ db, clock, passkeys }: { db: Kysely<DB>; clock: Clock; passkeys: Passkeys }) {
  return {
    async afterFirstFactor(user: UserRow, firstFactor: 'password' | 'oidc' = 'password'): Promise<PendingSignIn | null> {
      const factors = await factorsOf(db, user.id);
      if (!factors.hasAny) return null;
      const passkeyOptions = factors.passkeys.length > 0 ? await passkeys.authenticationOptions(factors.passkeys) : null;
      const methods: PendingSignIn['methods'] = [];
      if (factors.totp) methods.push('totp');
      if (factors.passkeys.length > 0) methods.push('passkey');
      if (factors.recoveryCodesLeft > 0) methods.push('recovery_code');
      const token = randomToken(32);
      const expiresAt = new Date(clock.now().getTime() + PENDING_SIGN_IN_MINUTES * 60_000).toISOString();
      await challengesRepository(db).deleteExpired(instant(clock));
      await challengesRepository(db).insert({
        id: sha256Hex(token),
        purpose: 'sign_in',
        user_id: user.id,
        data: JSON.stringify({ firstFactor, passkeyChallenge: passkeyOptions?.challenge ?? null, methods, passkeyOptions }),
        created_at: instant(clock),
        expires_at: expiresAt,
      });
      return { token, expiresAt, methods, passkeyOptions };
    },
  } satisfies SignInGate & Record<string, unknown>;
}

export type SecondFactorGate = ReturnType<typeof createSignInGate>;
