import { capabilitiesOf } from '../capabilities.js';
import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { hmacHex, type PasswordHasher, randomToken, safeEqual, sha256Hex } from '../../platform/crypto.js';
import type { DB, SecondFactorKind, UserRow } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toUser } from './accounts.mapper.js';
import { sessionsRepository, signInFailuresRepository, tokensRepository, usersRepository } from './accounts.repository.js';
import type { User } from './accounts.schemas.js';

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  passwords: PasswordHasher;
  /** Key for CSRF tokens, derived from the master secret. */
  csrfKey: Buffer;
  sessionHours: number;
  /** Decides, once the password is right, whether a second factor must follow (mfa.gate.ts). */
  gate?: SignInGate;
}

/** What the password step leads to when a second factor must follow. */
export interface PendingSignIn {
  /** The browser's proof of the password step, kept in an httpOnly cookie. */
  token: string;
  expiresAt: string;
  methods: ('totp' | 'passkey' | 'recovery_code')[];
  /** WebAuthn request options, when the account has passkeys. */
  passkeyOptions: unknown;
}

export interface SignInGate {
  /** After the first factor: a second factor to pass before the session opens, or null to open it now. */
  afterFirstFactor(user: UserRow): Promise<PendingSignIn | null>;
}

export interface SignInMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface Authentication {
  actor: Actor;
  user: User;
  method: 'session' | 'token';
  /** The session's id (the hash of its cookie), for CSRF checks and sign-out. */
  sessionId: string | null;
  /** How the session's holder proved a second factor, if they did. */
  secondFactor: SecondFactorKind | null;
}

/** Failed sign-ins allowed per account, and per address, in the window below. */
export const SIGN_IN_LIMITS = { perEmail: 5, perIp: 30, windowMinutes: 15 } as const;

const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export function actorOf(user: UserRow): Actor {
  return {
    id: user.id,
    label: user.email,
    role: user.role,
    organizationId: user.organization_id,
    personId: user.person_id,
  };
}

export function createAuthService({ db, clock, audit, passwords, csrfKey, sessionHours, gate }: AuthDeps) {
  const failures = signInFailuresRepository(db);

  function csrfTokenFor(sessionId: string): string {
    return hmacHex(csrfKey, `csrf:${sessionId}`);
  }

  async function throttle(email: string, ip: string): Promise<void> {
    const now = clock.now().getTime();
    const since = new Date(now - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
    const [byEmail, byIp] = await Promise.all([failures.countSince('email', email, since), failures.countSince('ip', ip, since)]);
    const blocked =
      byEmail.count >= SIGN_IN_LIMITS.perEmail ? byEmail : byIp.count >= SIGN_IN_LIMITS.perIp ? byIp : null;
    if (blocked?.oldest) {
      const freeAt = new Date(blocked.oldest).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
      throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
        retryAfterSeconds,
      });
    }
  }

  /** Opens a session for a user who has proved who they are, by password (and second factor) or by the identity provider. */
  async function openSession(user: UserRow, meta: SignInMeta, how: { method: 'password' | 'oidc'; secondFactor: SecondFactorKind | null }) {
    const now = instant(clock);
    const token = randomToken(32);
    const sessionId = sha256Hex(token);
    const expiresAt = new Date(clock.now().getTime() + sessionHours * 3_600_000).toISOString();
    await db.transaction().execute(async (trx) => {
      await sessionsRepository(trx).insert({
        id: sessionId,
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        second_factor: how.secondFactor,
      });
      await usersRepository(trx).touchSignIn(user.id, now);
      await signInFailuresRepository(trx).clearForEmail(user.email);
      await audit(trx, { actor: actorOf(user), requestId: meta.requestId, ip: meta.ip }, {
        action: 'session.sign_in',
        entityType: 'user',
        entityId: user.id,
        after: { method: how.method, secondFactor: how.secondFactor },
      });
    });
    // Housekeeping rides on sign-in, so no background job is needed to keep these tables small.
    const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
    await Promise.all([failures.deleteBefore(dayAgo), sessionsRepository(db).deleteExpired(now)]);
    return {
      status: 'signed_in' as const,
      token,
      sessionId,
      expiresAt,
      user: toUser({ ...user, last_sign_in_at: now }),
      csrfToken: csrfTokenFor(sessionId),
      capabilities: capabilitiesOf(actorOf(user)),
      secondFactor: how.secondFactor,
    };
  }

  return {
    csrfTokenFor,
    openSession,

    /** What the actor's role may do, by kind of record: the web's menus and "New" buttons. */
    capabilities: (actor: Actor) => capabilitiesOf(actor),

    isCsrfTokenValid(sessionId: string, token: string | undefined): boolean {
      return typeof token === 'string' && safeEqual(token, csrfTokenFor(sessionId));
    },

    async signIn(input: { email: string; password: string } & SignInMeta) {
      await throttle(input.email, input.ip);
      const user = await usersRepository(db).findByEmail(input.email);
      const isValid = await passwords.verify(input.password, user?.password_hash ?? null);
      const now = instant(clock);
      const ctxFor = (actor: Actor): RequestContext => ({ actor, requestId: input.requestId, ip: input.ip });
      if (!user || !isValid || user.disabled_at !== null) {
        await db.transaction().execute(async (trx) => {
          await signInFailuresRepository(trx).record({ id: newId(), email: input.email, ip: input.ip, failed_at: now });
          await audit(trx, ctxFor({ id: null, label: input.email, role: 'viewer', organizationId: null, personId: null }), {
            action: 'session.sign_in_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            after: { email: input.email },
          });
        });
        throw new AppError('unauthenticated', 'The email or password is not right.');
      }
      const pending = await gate?.afterFirstFactor(user);
      if (pending) {
        await signInFailuresRepository(db).clearForEmail(input.email);
        return { status: 'second_factor_required' as const, pending };
      }
      return openSession(user, input, { method: 'password', secondFactor: null });
    },

    async authenticateSession(token: string): Promise<Authentication | null> {
      const sessionId = sha256Hex(token);
      const now = clock.now();
      const row = await sessionsRepository(db).findValid(sessionId, now.toISOString());
      if (!row) return null;
      if (now.getTime() - new Date(row.last_seen_at).getTime() > ACTIVITY_WRITE_INTERVAL_MS) {
        await sessionsRepository(db).touch(sessionId, now.toISOString());
      }
      return { actor: actorOf(row), user: toUser(row), method: 'session', sessionId, secondFactor: row.second_factor };
    },

    async authenticateToken(secret: string): Promise<Authentication | null> {
      const now = clock.now();
      const row = await tokensRepository(db).findValidByHash(sha256Hex(secret), now.toISOString());
      if (!row) return null;
      const lastUsed = row.token_last_used_at ? new Date(row.token_last_used_at).getTime() : 0;
      if (now.getTime() - lastUsed > ACTIVITY_WRITE_INTERVAL_MS) {
        await tokensRepository(db).touch(row.token_id, now.toISOString());
      }
      return { actor: actorOf(row), user: toUser(row), method: 'token', sessionId: null, secondFactor: null };
    },

    async signOut(ctx: RequestContext, sessionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessionsRepository(trx).delete(sessionId);
        await audit(trx, ctx, { action: 'session.sign_out', entityType: 'user', entityId: ctx.actor.id });
      });
    },

    /** Changes the actor's own password and ends their other sessions. */
    async changePassword(ctx: RequestContext, sessionId: string | null, currentPassword: string, newPassword: string): Promise<User> {
      const userId = ctx.actor.id;
      if (!userId) throw new AppError('unauthenticated', 'Sign in first.');
      const user = await usersRepository(db).findById(userId);
      if (!user || !(await passwords.verify(currentPassword, user.password_hash))) {
        throw invalid('The current password is not right.', [{ pointer: '/body/currentPassword', detail: 'is not your current password' }]);
      }
      if (currentPassword === newPassword) {
        throw invalid('Choose a password different from the current one.', [
          { pointer: '/body/newPassword', detail: 'must differ from the current password' },
        ]);
      }
      const hash = await passwords.hash(newPassword);
      return db.transaction().execute(async (trx) => {
        const updated = await usersRepository(trx).update(userId, user.version, {
          password_hash: hash,
          must_change_password: 0,
          updated_at: instant(clock),
        });
        if (!updated) throw new AppError('conflict', 'Your account changed meanwhile; try again.');
        await sessionsRepository(trx).deleteForUser(userId, sessionId ?? undefined);
        await audit(trx, ctx, { action: 'user.password_change', entityType: 'user', entityId: userId });
        return toUser(updated);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
