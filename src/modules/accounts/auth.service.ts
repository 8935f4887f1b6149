import { capabilitiesOf } from '../capabilities.js';
import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { hmacHex, type PasswordHasher, randomToken, safeEqual, sha256Hex } from '../../platform/crypto.js';
import type { DB, SecondFactorKind, UserRow } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/errors.js';
import { toUser } from './accounts.mapper.js';
import { credentialsRepository, sessionsRepository, tokensRepository, usersRepository } from './accounts.repository.js';
import { areasOf } from './accounts.mapper.js';
import { deviceOf, issueDeviceCookie } from './device-cookie.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { liveSessions } from './live-sessions.js';
import type { User } from './accounts.schemas.js';
import { accountsText } from './accounts.messages.js';

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  passwords: PasswordHasher;
  /** Key for CSRF tokens, derived from the master secret. */
  csrfKey: Buffer;
  /** Key for device cookies, derived from the master secret. */
  deviceKey: Buffer;
  sessionHours: number;
  /** A session unused this long ends, whatever its lifetime left. */
  sessionIdleMinutes: number;
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

export { SIGN_IN_LIMITS } from './sign-in-throttle.js';

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

export function createAuthService({ db, clock, audit, passwords, csrfKey, deviceKey, sessionHours, sessionIdleMinutes, gate }: AuthDeps) {
  const throttle = createSignInThrottle({ db, clock });

  function csrfTokenFor(sessionId: string): string {
    return hmacHex(csrfKey, `csrf:${sessionId}`);
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
      await audit(trx, { actor: actorOf(user), requestId: meta.requestId, ip: meta.ip }, {
        action: 'session.sign_in',
        entityType: 'user',
        entityId: user.id,
        after: { method: how.method, secondFactor: how.secondFactor },
      });
    });
    // Housekeeping rides on sign-in, so no background job is needed to keep these tables small.
    await Promise.all([throttle.forgetIdle(), sessionsRepository(db).deleteEnded(liveSessions(clock, sessionIdleMinutes))]);
    return {
      status: 'signed_in' as const,
      token,
      sessionId,
      expiresAt,
      deviceCookie: issueDeviceCookie(deviceKey, user.email),
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

    /**
     * Signs in with email and password. `device` is the browser's device cookie, if any; a new
     * one for this account is returned on success, for the browser to keep.
     */
    async signIn(input: { email: string; password: string; device?: string | undefined } & SignInMeta) {
      const reservation = await throttle.reserve({ email: input.email, ip: input.ip, device: deviceOf(deviceKey, input.email, input.device) });
      const user = await usersRepository(db).findByEmail(input.email);
      const isValid = await passwords.verify(input.password, user?.password_hash ?? null).catch(async (error: unknown) => {
        await throttle.released(reservation);
        throw error;
      });
      const ctxFor = (actor: Actor): RequestContext => ({ actor, requestId: input.requestId, ip: input.ip });
      if (!user || !isValid || user.disabled_at !== null) {
        await db.transaction().execute(async (trx) => {
          await audit(trx, ctxFor({ id: null, label: input.email, role: 'viewer', organizationId: null, personId: null }), {
            action: 'session.sign_in_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            after: { email: input.email },
          });
        });
        throw new AppError('unauthenticated', accountsText('wrongPassword'));
      }
      await throttle.succeeded(reservation);
      const pending = await gate?.afterFirstFactor(user);
      if (pending) return { status: 'second_factor_required' as const, pending };
      return openSession(user, input, { method: 'password', secondFactor: null });
    },

    async authenticateSession(token: string): Promise<Authentication | null> {
      const sessionId = sha256Hex(token);
      const now = clock.now();
      const row = await sessionsRepository(db).findValid(sessionId, liveSessions(clock, sessionIdleMinutes));
      if (!row) return null;
      if (now.getTime() - new Date(row.last_seen_at).getTime() > ACTIVITY_WRITE_INTERVAL_MS) {
        await sessionsRepository(db).touch(sessionId, now.toISOString());
      }
      return { actor: actorOf(row), user: toUser(row), method: 'session', sessionId, secondFactor: row.second_factor };
    },

    /** The token's user, acting within the token's scope; `seen` is where this use came from. */
    async authenticateToken(secret: string, seen: { ip: string; userAgent: string | null }): Promise<Authentication | null> {
      const now = clock.now();
      const row = await tokensRepository(db).findValidByHash(sha256Hex(secret), now.toISOString());
      if (!row) return null;
      const lastUsed = row.token_last_used_at ? new Date(row.token_last_used_at).getTime() : 0;
      if (now.getTime() - lastUsed > ACTIVITY_WRITE_INTERVAL_MS || row.token_last_used_ip !== seen.ip) {
        await tokensRepository(db).touch(row.token_id, { at: now.toISOString(), ip: seen.ip, userAgent: seen.userAgent?.slice(0, 300) ?? null });
      }
      const actor: Actor = { ...actorOf(row), credential: { access: row.token_access, areas: areasOf(row.token_areas) } };
      return { actor, user: toUser(row), method: 'token', sessionId: null, secondFactor: null };
    },

    async signOut(ctx: RequestContext, sessionId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sessionsRepository(trx).delete(sessionId);
        await audit(trx, ctx, { action: 'session.sign_out', entityType: 'user', entityId: ctx.actor.id });
      });
    },

    /** Changes the actor's own password; their other sessions end and their API tokens are revoked. */
    async changePassword(ctx: RequestContext, sessionId: string | null, currentPassword: string, newPassword: string): Promise<User> {
      const userId = ctx.actor.id;
      if (!userId) throw new AppError('unauthenticated', accountsText('signInFirst'));
      const user = await usersRepository(db).findById(userId);
      if (!user || !(await passwords.verify(currentPassword, user.password_hash))) {
        throw invalid(accountsText('currentPasswordWrong'), [{ pointer: '/body/currentPassword', detail: accountsText('currentPasswordWrongField') }]);
      }
      if (currentPassword === newPassword) {
        throw invalid(accountsText('samePassword'), [
          { pointer: '/body/newPassword', detail: accountsText('samePasswordField') },
        ]);
      }
      const hash = await passwords.hash(newPassword);
      return db.transaction().execute(async (trx) => {
        const updated = await usersRepository(trx).update(userId, user.version, {
          password_hash: hash,
          must_change_password: 0,
          updated_at: instant(clock),
        });
        if (!updated) throw new AppError('conflict', accountsText('accountChanged'));
        const ended = await credentialsRepository(trx).endAllFor(userId, instant(clock), sessionId ?? undefined);
        await audit(trx, ctx, { action: 'user.password_change', entityType: 'user', entityId: userId, after: { ended } });
        return toUser(updated);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
