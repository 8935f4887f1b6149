import { sign as ed25519Sign, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { exportJWK, generateKeyPair } from 'jose';
import { buildOpenBadge } from '../src/modules/badges/open-badge.js';
import { signDataIntegrity, signJwt } from '../src/modules/badges/signing.js';
import { buildStatusList } from '../src/modules/badges/status-list.js';
import { type TrustSources, verifyDocument } from '../src/modules/badges/verification.js';

/**
 * Time to sign and to verify one credential, both ways (Data Integrity eddsa-rdfc-2022 and
 * VC-JWT RS256), beside the bare Ed25519 signature of the same bytes (the limit: what is left
 * is canonicalising the JSON-LD).
 *
 *   npm run bench:badges
 */

const N = Number(process.env.BENCH_CREDENTIALS ?? 200);
const issuer = 'https://cadre.example.test/api/public/issuers/00000000-0000-7000-8000-000000000001';

async function main() {
  const keyPair = await Ed25519Multikey.generate({ id: `${issuer}#key-1`, controller: issuer });
  const rsa = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = { ...(await exportJWK(rsa.publicKey)), kid: `${issuer}#rsa-1` };
  const controller = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: issuer, assertionMethod: [`${issuer}#key-1`], verificationMethod: [{ id: `${issuer}#key-1`, type: 'Multikey', controller: issuer, publicKeyMultibase: keyPair.publicKeyMultibase }] };
  const emptyList = await buildStatusList(`${issuer}/status/revocation`, issuer, [], new Date());
  const sources: TrustSources = {
    document: async (url) => (url === issuer ? controller : url === `${issuer}#key-1` ? { '@context': 'https://w3id.org/security/multikey/v1', ...controller.verificationMethod[0] } : undefined),
    jwks: async () => [jwk],
    statusList: async () => emptyList,
  };
  const unsigned = (i: number) =>
    buildOpenBadge(
      {
        credentialUrl: `https://cadre.example.test/api/public/credentials/${i}`,
        issuer: { id: issuer, name: 'Bench Program Office', url: 'https://cadre.example.test' },
        holder: { personId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, name: `Holder ${i}`, email: `holder${i}@example.test` },
        achievement: { id: 'https://cadre.example.test/api/public/achievements/1', name: 'Certified Corrections Instructor', description: null, criteria: 'Attend and pass.', language: 'en' },
        issuedOn: '2026-06-01',
        expiresOn: '2029-05-31',
        offering: { title: 'Corrections instructor development', startOn: '2026-05-25', endOn: '2026-06-01', country: 'US', city: 'Washington' },
        status: { listUrl: `${issuer}/status/revocation`, index: i },
      },
      'salt1234',
    );

  const now = new Date('2026-06-02T00:00:00Z');
  const signed: Record<string, unknown>[] = [];
  const jwts: string[] = [];
  let start = performance.now();
  for (let i = 0; i < N; i += 1) signed.push(await signDataIntegrity(unsigned(i), keyPair, now));
  const signDi = (performance.now() - start) / N;
  start = performance.now();
  for (let i = 0; i < N; i += 1) jwts.push(await signJwt(unsigned(i), { key: rsa.privateKey, kid: jwk.kid }));
  const signJ = (performance.now() - start) / N;
  start = performance.now();
  for (const credential of signed) {
    const result = await verifyDocument(credential, sources, now);
    if (!result.isVerified) throw new Error(`did not verify: ${JSON.stringify(result.checks)}`);
  }
  const verifyDi = (performance.now() - start) / N;
  start = performance.now();
  for (const jwt of jwts) if (!(await verifyDocument(jwt, sources, now)).isVerified) throw new Error('did not verify');
  const verifyJ = (performance.now() - start) / N;

  const { privateKey } = generateKeyPairSync('ed25519');
  const bytes = Buffer.from(JSON.stringify(unsigned(0)));
  start = performance.now();
  for (let i = 0; i < N; i += 1) ed25519Sign(null, bytes, createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })));
  const raw = (performance.now() - start) / N;

  const ms = (n: number) => n.toFixed(2);
  process.stdout.write(`\n${N} credentials, per credential:\n\n| step | ms |\n| --- | --- |\n`);
  process.stdout.write(`| sign, Data Integrity (eddsa-rdfc-2022) | ${ms(signDi)} |\n| sign, VC-JWT (RS256) | ${ms(signJ)} |\n`);
  process.stdout.write(`| verify, Data Integrity (with dates and status) | ${ms(verifyDi)} |\n| verify, VC-JWT (with dates and status) | ${ms(verifyJ)} |\n`);
  process.stdout.write(`| limit: bare Ed25519 signature of the same JSON | ${ms(raw)} |\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
