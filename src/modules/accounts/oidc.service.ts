import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/schema.js';
import { usersRepository } from './accounts.repository.js';
import { actorOf, type AuthService, type SignInMeta } from './auth.service.js';
import type { SecondFactorGate } from './mfa.gate.js';
import { challengesRepository } from './mfa.repository.js';
import type { OidcClient } from './oidc-client.js';

export interface OidcDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  client: OidcClient;
  gate: Pick<SecondFactorGate, 'afterFirstFactor'>;
  auth: Pick<AuthService, 'openSession'>;
  /** The provider's name, for the sign-in button. */
  name: string;
  /** acr values by which the provider asserts more than one factor. */
  multiFactorAcr: readonly string[];
}

/** How long the provider may take to send the browser back. */
const AUTHORIZATION_MINUTES = 10;

/** RFC 8176 methods of something one has or is, which with a password make two factors. */
const POSSESSION_OR_INHERENCE = new Set(['otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'fpt', 'face', 'iris', 'retina', 'vbm']);

export type RefusalReason = 'unknown_account' | 'unverified_email' | 'failed';

/**
 * Whether the provider says it used more than one factor: `amr` holding `mfa`, or a password
 * with something the person has or is; or an `acr` the configuration lists (Login.gov's AAL2).
 * Only then does the sign-in count as a second factor; otherwise Cadre asks its own.
 */
export function assertsMultiFactor(claims: Record<string, unknown>, multiFactorAcr: readonly string[]): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [];
  if (amr.includes('mfa')) return true;
  if (amr.some((method) => POSSESSION_OR_INHERENCE.has(method)) && amr.some((method) => method === 'pwd' || method === 'pin')) return true;
  return typeof claims.acr === 'string' && multiFactorAcr.includes(claims.acr);
}

/**
 * Sign-in with an OpenID Connect provider (authorization code, PKCE, private_key_jwt). The
 * account is the Cadre user whose email the provider has verified; nobody signs up this way.
 */
export function createOidcService({ db, clock, audit, client, gate, auth, name, multiFactorAcr }: OidcDeps) {
  return {
    name,

    /** Where to send the browser, and the token of the request it must bring back (a cookie). */
    async start() {
      const token = randomToken(32);
      // 256 bits each; RFC 7636 asks at least 43 characters of a PKCE verifier.
      const checks = { state: randomToken(32), nonce: randomToken(32), codeVerifier: randomToken(32) };
      const url = await client.authorizationUrl(checks);
      const expiresAt = new Date(clock.now().getTime() + AUTHORIZATION_MINUTES * 60_000);
      await challengesRepository(db).deleteExpired(instant(clock));
      await challengesRepository(db).insert({
        id: sha256Hex(token),
        purpose: 'oidc',
        user_id: null,
        data: JSON.stringify(checks),
        created_at: instant(clock),
        expires_at: expiresAt.toISOString(),
      });
      return { url: url.href, token, maxAgeSeconds: AUTHORIZATION_MINUTES * 60 };
    },

    async callback(token: string | undefined, currentUrl: URL, meta: SignInMeta) {
      const refuse = async (reason: RefusalReason, email: string | null, detail?: string) => {
        await db.transaction().execute((trx) =>
          audit(trx, { actor: { id: null, label: email ?? 'identity provider', role: 'viewer', organizationId: null, personId: null }, requestId: meta.requestId, ip: meta.ip }, {
            action: 'session.oidc_refused',
            entityType: 'user',
            entityId: null,
            after: { reason, email, ...(detail && { detail: detail.slice(0, 200) }) },
          }),
        );
        return { status: 'refused' as const, reason };
      };
      const id = token ? sha256Hex(token) : null;
      const request = id ? await challengesRepository(db).findValid(id, 'oidc', instant(clock)) : undefined;
      if (!id || !request || !(await challengesRepository(db).take(id))) return refuse('failed', null, 'no sign-in was started from this browser, or it expired');
      let claims: Record<string, unknown>;
      try {
        claims = await client.callback(currentUrl, JSON.parse(request.data) as { state: string; nonce: string; codeVerifier: string });
      } catch (error) {
        return refuse('failed', null, error instanceof Error ? error.message : String(error));
      }
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      if (!email || claims.email_verified !== true) return refuse('unverified_email', email);
      const user = await usersRepository(db).findByEmail(email);
      if (!user || user.disabled_at !== null) return refuse('unknown_account', email);

      if (assertsMultiFactor(claims, multiFactorAcr)) return auth.openSession(user, meta, { method: 'oidc', secondFactor: 'oidc' });
      const pending = await gate.afterFirstFactor(user, 'oidc');
      if (pending) {
        await db.transaction().execute((trx) =>
          audit(trx, { actor: actorOf(user), requestId: meta.requestId, ip: meta.ip }, { action: 'session.oidc_second_factor_asked', entityType: 'user', entityId: user.id }),
        );
        return { status: 'second_factor_required' as const, pending };
      }
      return auth.openSession(user, meta, { method: 'oidc', secondFactor: null });
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
