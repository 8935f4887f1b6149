import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClientKey } from './oidc-client.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-oidc-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the OpenID Connect client key', () => {
  it('reads a PKCS#8 PEM or a JWK alike, naming the key by its thumbprint, and publishes the public half only', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.writeFileSync(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    fs.writeFileSync(path.join(dir, 'key.jwk'), JSON.stringify(privateKey.export({ format: 'jwk' })));
    const fromPem = await loadClientKey(path.join(dir, 'key.pem'));
    const fromJwk = await loadClientKey(path.join(dir, 'key.jwk'));
    expect(fromPem.alg).toBe('ES256');
    expect(fromPem.kid).toBe(fromJwk.kid);
    expect(fromPem.publicJwk).toEqual(fromJwk.publicJwk);
    expect(fromPem.publicJwk).not.toHaveProperty('d');
    expect(fromPem.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256' });
  });

  it('keeps the kid a JWK names, and refuses a key that cannot sign', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(path.join(dir, 'named.jwk'), JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'cadre-2026' }));
    expect(await loadClientKey(path.join(dir, 'named.jwk'))).toMatchObject({ kid: 'cadre-2026', alg: 'RS256' });
    fs.writeFileSync(path.join(dir, 'secret.jwk'), JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }));
    await expect(loadClientKey(path.join(dir, 'secret.jwk'))).rejects.toThrow(/an RSA or EC private key is needed/);
  });
});
