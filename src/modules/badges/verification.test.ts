import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../platform/package-root.js';
import { type TrustSources, verifyDocument } from './verification.js';

/** Cadre's Open Badges test vectors, verified with the very code that verifies its own credentials. */
const EXAMPLES = path.join(packageRoot, 'test', 'fixtures', 'openbadges');
const read = (file: string) => fs.readFileSync(path.join(EXAMPLES, file), 'utf8');

function vectorSources(): TrustSources {
  const keys = JSON.parse(read('issuer-controller-document.json')) as { controllerDocument: { id: string }; verificationMethod: { id: string } };
  const jwks = JSON.parse(read('issuer-jwks.json')) as { keys: JWK[] };
  return {
    document: async (url) => (url === keys.verificationMethod.id ? keys.verificationMethod : url === keys.controllerDocument.id ? keys.controllerDocument : undefined),
    jwks: async (issuer) => (issuer === keys.controllerDocument.id ? jwks.keys : undefined),
    statusList: async () => undefined,
  };
}

describe('the Open Badges test vectors', () => {
  it('verify: the Data Integrity (eddsa-rdfc-2022) credential', async () => {
    const result = await verifyDocument(read('openbadgecredential.eddsa-rdfc-2022.json'), vectorSources(), new Date('2027-01-01T00:00:00Z'));
    expect(result.checks.filter((c) => !c.isPassed)).toEqual([]);
    expect(result.format).toBe('data-integrity');
  });

  it('verify: the VC-JWT (RS256) credential', async () => {
    const result = await verifyDocument(read('openbadgecredential.vc-jwt-rs256.txt'), vectorSources(), new Date('2027-01-01T00:00:00Z'));
    expect(result.checks.filter((c) => !c.isPassed)).toEqual([]);
    expect(result.format).toBe('vc-jwt');
  });

  it('fail once tampered with, or when the key is not the issuer’s', async () => {
    const forged = JSON.parse(read('openbadgecredential.eddsa-rdfc-2022.json')) as { name: string };
    forged.name = 'Master Instructor';
    expect((await verifyDocument(forged, vectorSources(), new Date('2027-01-01T00:00:00Z'))).isVerified).toBe(false);
    const noKeys: TrustSources = { document: async () => undefined, jwks: async () => undefined, statusList: async () => undefined };
    const unknown = await verifyDocument(read('openbadgecredential.vc-jwt-rs256.txt'), noKeys, new Date('2027-01-01T00:00:00Z'));
    expect(String(unknown.checks[0]?.message)).toMatch(/not one the issuer published/);
  });

  it('expire on the day after validUntil', async () => {
    const result = await verifyDocument(read('openbadgecredential.eddsa-rdfc-2022.json'), vectorSources(), new Date('2028-03-31T00:00:01Z'));
    expect(result.checks.find((c) => c.check === 'dates')).toMatchObject({ isPassed: false });
  });
});
