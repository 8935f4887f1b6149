import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transactions.js';
import { newId } from '../../platform/ids.js';
import { badgesRepository, signingKeysRepository } from './badges.repository.js';
import { credentialLibraries } from './credential-libraries.js';

export type Algorithm = 'Ed25519' | 'RS256';

export interface IssuerUrls {
  issuer(organizationId: string): string;
}

/**
 * Each issuer's signing keys: an Ed25519 key for Data Integrity proofs and an RSA key for
 * VC-JWTs (RS256, which every Open Badges verifier accepts). They are made on first use,
 * sealed under the master secret, and rotated on demand; retired keys stay published so that
 * what they signed still verifies.
 */
export function createIssuerKeys({ db, clock, audit, cipher, urls }: { db: Kysely<DB>; clock: Clock; audit: AuditRecorder; cipher: FieldCipher; urls: IssuerUrls }) {
  const methodId = (organizationId: string, algorithm: Algorithm, n: number) =>
    `${urls.issuer(organizationId)}#${algorithm === 'Ed25519' ? 'key' : 'rsa'}-${n}`;

  /** A new key pair, as it is stored: the private half sealed. */
  async function generate(organizationId: string, algorithm: Algorithm, n: number): Promise<Insertable<DB['signing_keys']>> {
    const id = methodId(organizationId, algorithm, n);
    let publicKey: string;
    let privateKey: string;
    if (algorithm === 'Ed25519') {
      const pair = await (await credentialLibraries()).Ed25519Multikey.generate({ id, controller: urls.issuer(organizationId) });
      const exported = await pair.export({ publicKey: true, secretKey: true });
      publicKey = exported.publicKeyMultibase as string;
      privateKey = exported.secretKeyMultibase as string;
    } else {
      const pair = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
      publicKey = JSON.stringify({ ...(await exportJWK(pair.publicKey)), kid: id, alg: 'RS256', use: 'sig' });
      privateKey = JSON.stringify(await exportJWK(pair.privateKey));
    }
    return {
      id: newId(),
      organization_id: organizationId,
      algorithm,
      key_number: n,
      public_key: publicKey,
      private_key_sealed: cipher.encrypt(privateKey, `${organizationId}:${algorithm}:${n}`),
      created_at: instant(clock),
      retired_at: null,
    };
  }

  function activeRow(executor: Kysely<DB>, organizationId: string, algorithm: Algorithm) {
    return signingKeysRepository(executor).active(organizationId, algorithm);
  }

  /**
   * The issuer's key of `algorithm`, made if it has none yet. Made in a transaction (the caller's,
   * or one of its own), so the issuer's lock holds until the key is in: a rotation under way is
   * waited for, and a rotation that comes waits for it.
   */
  async function ensure(executor: Kysely<DB>, organizationId: string, algorithm: Algorithm) {
    return inTransaction(db, executor, async (trx) => {
      const keys = signingKeysRepository(trx);
      await keys.lockIssuer(organizationId);
      const existing = await activeRow(trx, organizationId, algorithm);
      if (existing) return existing;
      await keys.insert(await generate(organizationId, algorithm, 1));
      return (await activeRow(trx, organizationId, algorithm)) as NonNullable<Awaited<ReturnType<typeof activeRow>>>;
    });
  }

  return {
    methodId,

    /** The keys to sign with now, made if the issuer has none yet. */
    async signing(organizationId: string, executor: Kysely<DB> = db) {
      // Both keys in one read; an issuer's first credential makes them.
      const active = await signingKeysRepository(executor).activeOfEvery(organizationId);
      const newest = (algorithm: Algorithm) => active.find((row) => row.algorithm === algorithm) ?? ensure(executor, organizationId, algorithm);
      const [ed, rsa] = [await newest('Ed25519'), await newest('RS256')];
      const edSecret = cipher.decrypt(ed.private_key_sealed, `${organizationId}:Ed25519:${ed.key_number}`);
      const keyPair = await (await credentialLibraries()).Ed25519Multikey.from({
        id: methodId(organizationId, 'Ed25519', ed.key_number),
        controller: urls.issuer(organizationId),
        publicKeyMultibase: ed.public_key,
        secretKeyMultibase: edSecret,
      });
      const rsaJwk = JSON.parse(cipher.decrypt(rsa.private_key_sealed, `${organizationId}:RS256:${rsa.key_number}`)) as JWK;
      return {
        ed25519: keyPair,
        rsa: { key: await importJWK(rsaJwk, 'RS256'), kid: methodId(organizationId, 'RS256', rsa.key_number) },
      };
    },

    /** Every key the issuer has ever signed with, public halves only. */
    async published(organizationId: string, executor: Kysely<DB> = db) {
      const rows = await signingKeysRepository(executor).published(organizationId);
      return {
        ed25519: rows
          .filter((r) => r.algorithm === 'Ed25519')
          .map((r) => ({ id: methodId(organizationId, 'Ed25519', r.key_number), publicKeyMultibase: r.public_key, retiredAt: r.retired_at })),
        rsa: rows.filter((r) => r.algorithm === 'RS256').map((r) => JSON.parse(r.public_key) as JWK),
      };
    },

    /** The issuer that signs when none is named: the program office, if there is one. */
    async defaultIssuer(): Promise<string | undefined> {
      return (await badgesRepository(db).programOffice())?.id;
    },

    /**
     * Retires the issuer's current keys and makes new ones, in the caller's transaction or one of
     * its own. Two rotations at once go one after the other: each retires the keys the other made.
     */
    async rotate(ctx: RequestContext, organizationId: string, executor?: Transaction<DB>): Promise<void> {
      await inTransaction(db, executor, async (trx) => {
        const keys = signingKeysRepository(trx);
        await keys.lockIssuer(organizationId);
        const retired: string[] = [];
        const signingWith: string[] = [];
        for (const algorithm of ['Ed25519', 'RS256'] as const) {
          const current = await activeRow(trx, organizationId, algorithm);
          if (current) {
            await keys.retire(current.id, instant(clock));
            retired.push(methodId(organizationId, algorithm, current.key_number));
          }
          const next = (current?.key_number ?? 0) + 1;
          await keys.insert(await generate(organizationId, algorithm, next));
          signingWith.push(methodId(organizationId, algorithm, next));
        }
        await audit(trx, ctx, { action: 'badge.keys_rotate', entityType: 'organization', entityId: organizationId, after: { retired, signingWith } });
      });
    },
  };
}

export type IssuerKeys = ReturnType<typeof createIssuerKeys>;
