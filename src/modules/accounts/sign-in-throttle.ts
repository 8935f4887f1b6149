import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { signInThrottlesRepository } from './accounts.repository.js';
import { accountsText } from './accounts.messages.js';

interface Limit {
  /** Attempts in a row checked without waiting. */
  readonly free: number;
  /** The longest wait between two attempts, however many came before. */
  readonly maxDelaySeconds: number;
}

/**
 * Sign-in throttling slows guessing down and never locks an account: past a few attempts in a
 * row, each next attempt waits twice as long as the one before, up to a ceiling. An account is
 * counted apart for a browser that signed in to it before (its device cookie), so an attacker's
 * flood slows the attacker, not the owner on their own browser; an address is counted for
 * attempts without such a cookie only, so a shared office address does not stop known browsers.
 */
export const SIGN_IN_LIMITS = {
  account: { free: 5, maxDelaySeconds: 15 * 60 },
  device: { free: 5, maxDelaySeconds: 15 * 60 },
  address: { free: 30, maxDelaySeconds: 60 },
  /** A key with no attempt for this long starts afresh. */
  forgetAfterHours: 24,
} as const satisfies Record<string, Limit | number>;

/** Seconds before the attempt after the `attempts`-th may be checked: none at first, then 1, 2, 4, … */
export function delayAfter(attempts: number, limit: Limit): number {
  return attempts < limit.free ? 0 : Math.min(limit.maxDelaySeconds, 2 ** (attempts - limit.free));
}

interface Counter {
  key: string;
  limit: Limit;
}

/** The counters an attempt is reserved on, kept until it is settled. */
export interface Reservation {
  readonly account: readonly string[];
  readonly address: readonly string[];
}

export function createSignInThrottle({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  const key = (...parts: string[]) => sha256Hex(parts.join('\n'));

  return {
    /**
     * Counts the attempt before its password is checked, in one transaction holding each
     * counter's row lock, so concurrent attempts cannot all pass. Throws 429 with Retry-After
     * when a counter must still wait; that attempt is not counted and costs no hashing.
     */
    async reserve(input: { email: string; ip: string; device: string | null }): Promise<Reservation> {
      const account: Counter[] = input.device
        ? [{ key: key('device', input.email, input.device), limit: SIGN_IN_LIMITS.device }]
        : [{ key: key('account', input.email), limit: SIGN_IN_LIMITS.account }];
      const address: Counter[] = input.device ? [] : [{ key: key('address', input.ip), limit: SIGN_IN_LIMITS.address }];
      // Locked in key order, so two attempts never wait on each other's locks.
      const counters = [...account, ...address].sort((a, b) => a.key.localeCompare(b.key));
      const now = clock.now();
      const nowIso = now.toISOString();
      const forgottenBefore = now.getTime() - SIGN_IN_LIMITS.forgetAfterHours * 3_600_000;
      await db.transaction().execute(async (trx) => {
        const repo = signInThrottlesRepository(trx);
        const counted: { counter: Counter; attempts: number }[] = [];
        let waitMs = 0;
        for (const counter of counters) {
          const row = await repo.lock(counter.key, nowIso);
          const attempts = new Date(row.last_attempt_at).getTime() < forgottenBefore ? 0 : row.attempts;
          // Only a counter past its free attempts waits, and never longer than its ceiling, even
          // when the clock was set back after the wait was written.
          if (attempts >= counter.limit.free) {
            const wait = new Date(row.next_allowed_at).getTime() - now.getTime();
            waitMs = Math.max(waitMs, Math.min(wait, counter.limit.maxDelaySeconds * 1000));
          }
          counted.push({ counter, attempts });
        }
        if (waitMs > 0) {
          const retryAfterSeconds = Math.ceil(waitMs / 1000);
          throw new AppError('rate_limited', accountsText('signInThrottled', { count: retryAfterSeconds }), { retryAfterSeconds });
        }
        for (const { counter, attempts } of counted) {
          const next = attempts + 1;
          await repo.save(counter.key, {
            attempts: next,
            next_allowed_at: new Date(now.getTime() + delayAfter(next, counter.limit) * 1000).toISOString(),
            last_attempt_at: nowIso,
          });
        }
      });
      return { account: account.map((c) => c.key), address: address.map((c) => c.key) };
    },

    /** After a right password: the account starts afresh and the address gets its attempt back. */
    async succeeded(reservation: Reservation): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = signInThrottlesRepository(trx);
        await repo.clear(reservation.account);
        for (const address of reservation.address) await repo.refund(address);
      });
    },

    /** Gives the attempt back when its password could not be checked at all (hashing was too busy). */
    async released(reservation: Reservation): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = signInThrottlesRepository(trx);
        for (const key of [...reservation.account, ...reservation.address]) await repo.refund(key);
      });
    },

    /** Housekeeping that rides on sign-in, so no background job is needed to keep the table small. */
    async forgetIdle(): Promise<void> {
      const before = new Date(clock.now().getTime() - SIGN_IN_LIMITS.forgetAfterHours * 3_600_000).toISOString();
      await signInThrottlesRepository(db).deleteIdleSince(before);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
