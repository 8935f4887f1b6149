import type { Kysely, Transaction } from 'kysely';
import type { RequestContext, Role } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { type FieldCipher, sha256Hex } from '../../platform/crypto.js';
import type { DB, SecondFactorKind, UserRow } from '../../platform/db/schema.js';
import { AppError, conflict, notFound, ruleBroken } from '../../platform/errors.js';
import { lockRows } from '../../platform/db/locks.js';
import { newId } from '../../platform/ids.js';
import { usersPolicy } from './accounts.policy.js';
import { credentialsRepository, usersRepository } from './accounts.repository.js';
import type { AuthService, PendingSignIn, SignInMeta } from './auth.service.js';
import { factorsOf } from './mfa.gate.js';
import {
  challengesRepository,
  passkeysRepository,
  recoveryCodesRepository,
  secondFactorFailuresRepository,
  sessionFactorsRepository,
  totpRepository,
} from './mfa.repository.js';
import type { AccountSecurity, SecondFactorInput } from './mfa.schemas.js';
import type { AuthenticationResponseJSON, Passkeys, RegistrationResponseJSON } from './passkeys.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.js';
import { accountsText } from './accounts.messages.js';

export interface MfaDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  /** Seals TOTP secrets at rest, each bound to its account. */
  totpCipher: FieldCipher;
  /** Keys the hashes of recovery codes. */
  recoveryKey: Buffer;
  passkeys: Passkeys;
  auth: Pick<AuthService, 'openSession'>;
  /** The roles that must have a second factor. */
  requiredRoles: readonly Role[];
}

/**
 * Wrong answers allowed: per pending sign-in, per account in the window, and in a row at all
 * (NIST SP 800-63B's cap of 100 consecutive failures; only a right answer or an admin's reset
 * clears it).
 */
export const SECOND_FACTOR_LIMITS = { perAccount: 10, perSignIn: 5, windowMinutes: 15, inARow: 100 } as const;

const PASSKEY_REGISTRATION_MINUTES = 5;

const expiredSignIn = () => new AppError('unauthenticated', accountsText('mfa.signInExpired'));

interface PendingData {
  firstFactor: 'password' | 'oidc';
  passkeyChallenge: string | null;
  methods: PendingSignIn['methods'];
  passkeyOptions: unknown;
}

/**
 * Second factors: enrolling and removing them (each user their own, from a signed-in session),
 * and the second step of signing in.
 */
export function createMfaService({ db, clock, audit, totpCipher, recoveryKey, passkeys, auth, requiredRoles }: MfaDeps) {
  function ownSession(ctx: RequestContext, sessionId: string | null): { userId: string; sessionId: string } {
    if (!ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
    // A stolen API token must not be enough to change how the account signs in.
    if (!sessionId) throw new AppError('forbidden', accountsText('mfa.browserOnly'));
    return { userId: ctx.actor.id, sessionId };
  }

  async function security(userId: string, role: Role, executor: Kysely<DB> = db): Promise<AccountSecurity> {
    const factors = await factorsOf(executor, userId);
    return {
      isSecondFactorRequired: requiredRoles.includes(role),
      totp: { isEnrolled: Boolean(factors.totp), enrolledAt: factors.totp?.confirmed_at ?? null },
      passkeys: factors.passkeys.map((passkey) => ({ id: passkey.id, name: passkey.name, createdAt: passkey.created_at, lastUsedAt: passkey.last_used_at })),
      recoveryCodesLeft: factors.recoveryCodesLeft,
    };
  }

  /** With the first factor enrolled come the recovery codes; the session that enrolled it has proved it. */
  async function afterEnrolment(trx: Transaction<DB>, ctx: RequestContext, userId: string, sessionId: string, kind: SecondFactorKind, hadAny: boolean) {
    await sessionFactorsRepository(trx).setSecondFactor(sessionId, kind);
    if (hadAny) return null;
    return issueRecoveryCodes(trx, ctx, userId);
  }

  async function issueRecoveryCodes(trx: Transaction<DB>, ctx: RequestContext, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await recoveryCodesRepository(trx).replace(userId, codes.map((code) => hashRecoveryCode(recoveryKey, code)), newId, instant(clock));
    await audit(trx, ctx, { action: 'user.recovery_codes_generate', entityType: 'user', entityId: userId, after: { count: codes.length } });
    return codes;
  }

  /** An account whose role requires a second factor keeps at least one. */
  async function refuseRemovingLast(trx: Kysely<DB>, ctx: RequestContext, userId: string, removing: 'totp' | string) {
    if (!requiredRoles.includes(ctx.actor.role)) return;
    const factors = await factorsOf(trx, userId);
    const left = (factors.totp && removing !== 'totp' ? 1 : 0) + factors.passkeys.filter((passkey) => passkey.id !== removing).length;
    if (left === 0) throw ruleBroken('account.second_factor_required', accountsText('mfa.lastFactor'));
  }

  async function removeFactorsIfNoneLeft(trx: Kysely<DB>, userId: string) {
    if (!(await factorsOf(trx, userId)).hasAny) await recoveryCodesRepository(trx).removeAll(userId);
  }

  /**
   * Books an answer as a failure before it is checked, under the user's row lock, so answers sent
   * at once are each counted against the limits; a right answer clears the failures again.
   */
  async function reserveAttempt(userId: string, challengeId: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await lockRows(trx, 'users', [userId]);
      const challenge = await challengesRepository(trx).findValid(challengeId, 'sign_in', instant(clock));
      if (!challenge || challenge.attempts >= SECOND_FACTOR_LIMITS.perSignIn) throw expiredSignIn();
      const failures = secondFactorFailuresRepository(trx);
      if ((await failures.inARow(userId)) >= SECOND_FACTOR_LIMITS.inARow) {
        throw new AppError('forbidden', accountsText('mfa.locked', { limit: SECOND_FACTOR_LIMITS.inARow }));
      }
      const now = clock.now().getTime();
      const recent = await failures.countSince(userId, new Date(now - SECOND_FACTOR_LIMITS.windowMinutes * 60_000).toISOString());
      if (recent.count >= SECOND_FACTOR_LIMITS.perAccount && recent.oldest) {
        const retryAfterSeconds = Math.max(1, Math.ceil((new Date(recent.oldest).getTime() + SECOND_FACTOR_LIMITS.windowMinutes * 60_000 - now) / 1000));
        throw new AppError('rate_limited', accountsText('mfa.tooManyCodes', { count: Math.ceil(retryAfterSeconds / 60) }), { retryAfterSeconds });
      }
      await failures.record({ id: newId(), user_id: userId, failed_at: instant(clock) });
      await challengesRepository(trx).countAttempt(challengeId);
    });
  }

  /** Whether the answer proves the factor; spends what it uses (the time step, the recovery code, the passkey's counter). */
  async function check(user: UserRow, pending: PendingData, input: SecondFactorInput): Promise<boolean> {
    const now = instant(clock);
    if (input.method === 'totp') {
      const totp = await totpRepository(db).find(user.id);
      if (!totp?.confirmed_at) return false;
      const step = matchTotpStep(totpCipher.decrypt(totp.secret_sealed, user.id), input.code, clock.now());
      return step !== null && (await totpRepository(db).useStep(user.id, step));
    }
    if (input.method === 'recovery_code') {
      return recoveryCodesRepository(db).use(user.id, hashRecoveryCode(recoveryKey, input.code), now);
    }
    if (!pending.passkeyChallenge) return false;
    const stored = await passkeysRepository(db).findByCredentialId(user.id, input.response.id);
    if (!stored) return false;
    const counter = await passkeys.verifyAuthentication(input.response as AuthenticationResponseJSON, pending.passkeyChallenge, stored);
    return counter !== null && (await passkeysRepository(db).use(stored.id, counter, now));
  }

  return {
    async security(ctx: RequestContext): Promise<AccountSecurity> {
      if (!ctx.actor.id) throw new AppError('unauthenticated', accountsText('signInFirst'));
      return security(ctx.actor.id, ctx.actor.role);
    },

    /** A new authenticator-app secret, not in force until a code from it is confirmed. */
    async startTotp(ctx: RequestContext, sessionId: string | null) {
      const { userId } = ownSession(ctx, sessionId);
      if ((await totpRepository(db).find(userId))?.confirmed_at) {
        throw conflict(accountsText('mfa.totpEnrolled'));
      }
      const secret = newTotpSecret();
      await totpRepository(db).start({ user_id: userId, secret_sealed: totpCipher.encrypt(secret, userId), created_at: instant(clock) });
      const uri = totpUri(secret, ctx.actor.label);
      const { default: QRCode } = await import('qrcode');
      const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    },

    async confirmTotp(ctx: RequestContext, sessionId: string | null, code: string) {
      const { userId } = ownSession(ctx, sessionId);
      const totp = await totpRepository(db).find(userId);
      if (!totp || totp.confirmed_at) throw conflict(accountsText('mfa.startTotpFirst'));
      const step = matchTotpStep(totpCipher.decrypt(totp.secret_sealed, userId), code, clock.now());
      if (step === null) {
        throw new AppError('validation', accountsText('mfa.codeWrong'), {
          errors: [{ pointer: '/body/code', detail: accountsText('mfa.codeWrongField') }],
        });
      }
      return db.transaction().execute(async (trx) => {
        const hadAny = (await factorsOf(trx, userId)).hasAny;
        await totpRepository(trx).useStep(userId, step);
        await totpRepository(trx).confirm(userId, instant(clock));
        await audit(trx, ctx, { action: 'user.totp_enrol', entityType: 'user', entityId: userId });
        const recoveryCodes = await afterEnrolment(trx, ctx, userId, sessionId as string, 'totp', hadAny);
        return { security: await security(userId, ctx.actor.role, trx), recoveryCodes };
      });
    },

    async removeTotp(ctx: RequestContext, sessionId: string | null) {
      const { userId } = ownSession(ctx, sessionId);
      return db.transaction().execute(async (trx) => {
        if (!(await totpRepository(trx).find(userId))?.confirmed_at) throw notFound('authenticatorApp');
        await refuseRemovingLast(trx, ctx, userId, 'totp');
        await totpRepository(trx).remove(userId);
        await removeFactorsIfNoneLeft(trx, userId);
        await audit(trx, ctx, { action: 'user.totp_remove', entityType: 'user', entityId: userId });
        return security(userId, ctx.actor.role, trx);
      });
    },

    async passkeyOptions(ctx: RequestContext, sessionId: string | null) {
      const { userId } = ownSession(ctx, sessionId);
      const user = await usersRepository(db).findById(userId);
      if (!user) throw new AppError('unauthenticated', accountsText('signInFirst'));
      const options = await passkeys.registrationOptions(user, await passkeysRepository(db).listForUser(userId));
      await challengesRepository(db).removeFor(userId, 'passkey_registration');
      await challengesRepository(db).insert({
        id: `passkey_registration:${userId}`,
        purpose: 'passkey_registration',
        user_id: userId,
        data: JSON.stringify({ challenge: options.challenge }),
        created_at: instant(clock),
        expires_at: new Date(clock.now().getTime() + PASSKEY_REGISTRATION_MINUTES * 60_000).toISOString(),
      });
      return options;
    },

    async addPasskey(ctx: RequestContext, sessionId: string | null, input: { name: string; response: unknown }) {
      const { userId } = ownSession(ctx, sessionId);
      const challengeId = `passkey_registration:${userId}`;
      const challenge = await challengesRepository(db).findValid(challengeId, 'passkey_registration', instant(clock));
      if (!challenge || !(await challengesRepository(db).take(challengeId))) {
        throw conflict(accountsText('mfa.passkeyExpired'));
      }
      const { challenge: expected } = JSON.parse(challenge.data) as { challenge: string };
      const credential = await passkeys.verifyRegistration(input.response as RegistrationResponseJSON, expected);
      if (!credential) {
        throw new AppError('validation', accountsText('mfa.passkeyUnverified'), { errors: [{ pointer: '/body/response', detail: accountsText('mfa.passkeyUnverifiedField') }] });
      }
      return db.transaction().execute(async (trx) => {
        const hadAny = (await factorsOf(trx, userId)).hasAny;
        const row = await passkeysRepository(trx).insert({ id: newId(), user_id: userId, name: input.name, created_at: instant(clock), ...credential });
        await audit(trx, ctx, { action: 'user.passkey_add', entityType: 'user', entityId: userId, after: { passkeyId: row.id, name: row.name } });
        const recoveryCodes = await afterEnrolment(trx, ctx, userId, sessionId as string, 'passkey', hadAny);
        return { security: await security(userId, ctx.actor.role, trx), recoveryCodes };
      });
    },

    async removePasskey(ctx: RequestContext, sessionId: string | null, id: string) {
      const { userId } = ownSession(ctx, sessionId);
      return db.transaction().execute(async (trx) => {
        const passkey = await passkeysRepository(trx).findById(userId, id);
        if (!passkey) throw notFound('passkey');
        await refuseRemovingLast(trx, ctx, userId, id);
        await passkeysRepository(trx).remove(userId, id);
        await removeFactorsIfNoneLeft(trx, userId);
        await audit(trx, ctx, { action: 'user.passkey_remove', entityType: 'user', entityId: userId, before: { passkeyId: id, name: passkey.name } });
        return security(userId, ctx.actor.role, trx);
      });
    },

    async regenerateRecoveryCodes(ctx: RequestContext, sessionId: string | null) {
      const { userId } = ownSession(ctx, sessionId);
      return db.transaction().execute(async (trx) => {
        if (!(await factorsOf(trx, userId)).hasAny) throw conflict(accountsText('mfa.recoveryNeedsFactor'));
        return { recoveryCodes: await issueRecoveryCodes(trx, ctx, userId) };
      });
    },

    /** An admin clears a user's second factors (a lost phone and no recovery code): they enrol again at their next sign-in. */
    async resetForUser(ctx: RequestContext, userId: string) {
      usersPolicy.requireAllowed(ctx.actor, 'resetSecondFactor');
      return db.transaction().execute(async (trx) => {
        if (!(await usersRepository(trx).findById(userId))) throw notFound('user');
        await totpRepository(trx).remove(userId);
        for (const passkey of await passkeysRepository(trx).listForUser(userId)) await passkeysRepository(trx).remove(userId, passkey.id);
        await recoveryCodesRepository(trx).removeAll(userId);
        await credentialsRepository(trx).endAllFor(userId, instant(clock));
        await audit(trx, ctx, { action: 'user.second_factor_reset', entityType: 'user', entityId: userId });
      });
    },

    /** What the pending sign-in can be finished with (the page of the second step asks, after a redirect from the identity provider too). */
    async pendingSignIn(pendingToken: string | undefined) {
      const challenge = pendingToken ? await challengesRepository(db).findValid(sha256Hex(pendingToken), 'sign_in', instant(clock)) : undefined;
      if (!challenge) throw expiredSignIn();
      const pending = JSON.parse(challenge.data) as PendingData;
      return { secondFactorRequired: true as const, methods: pending.methods, passkeyOptions: pending.passkeyOptions, expiresAt: challenge.expires_at };
    },

    /** The second step: the pending sign-in's token and the second factor; opens the session. */
    async completeSignIn(pendingToken: string | undefined, input: SecondFactorInput, meta: SignInMeta) {
      const expired = expiredSignIn;
      if (!pendingToken) throw expired();
      const id = sha256Hex(pendingToken);
      const challenge = await challengesRepository(db).findValid(id, 'sign_in', instant(clock));
      if (!challenge?.user_id) throw expired();
      const user = await usersRepository(db).findById(challenge.user_id);
      if (!user || user.disabled_at !== null) throw expired();
      await reserveAttempt(user.id, id);
      const pending = JSON.parse(challenge.data) as PendingData;
      const ctx: RequestContext = { actor: { id: user.id, label: user.email, role: user.role, organizationId: user.organization_id, personId: user.person_id }, requestId: meta.requestId, ip: meta.ip };
      if (!(await check(user, pending, input))) {
        await db.transaction().execute((trx) => audit(trx, ctx, { action: 'session.second_factor_failed', entityType: 'user', entityId: user.id, after: { method: input.method } }));
        // A pending sign-in that has been guessed at too often ends: the password must be given again.
        if (challenge.attempts + 1 >= SECOND_FACTOR_LIMITS.perSignIn) await challengesRepository(db).take(id);
        const what = accountsText(input.method === 'passkey' ? 'mfa.passkeyRefused' : input.method === 'totp' ? 'mfa.totpRefused' : 'mfa.recoveryRefused');
        throw new AppError('unauthenticated', what);
      }
      if (!(await challengesRepository(db).take(id))) throw expired();
      await db.transaction().execute(async (trx) => {
        await secondFactorFailuresRepository(trx).clear(user.id);
        if (input.method === 'recovery_code') {
          await audit(trx, ctx, { action: 'user.recovery_code_use', entityType: 'user', entityId: user.id, after: { left: await recoveryCodesRepository(trx).countUnused(user.id) } });
        }
      });
      return auth.openSession(user, meta, { method: pending.firstFactor, secondFactor: input.method });
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
