import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
import { type CryptoKey, type KeyObject, SignJWT } from 'jose';
import { credentialLibraries } from './credential-libraries.js';
import { createDocumentLoader } from './jsonld.js';

/**
 * Signs a credential with a DataIntegrityProof (eddsa-rdfc-2022). The proof is wrapped in an
 * array, as the official Open Badges JSON Schema wants; the signature is the same.
 */
export async function signDataIntegrity(credential: Record<string, unknown>, keyPair: Ed25519KeyPair, now: Date): Promise<Record<string, unknown>> {
  const { vc, DataIntegrityProof, eddsaRdfc2022 } = await credentialLibraries();
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022, date: now });
  const signed = await vc.issue({ credential: { ...credential }, suite, documentLoader: createDocumentLoader(async () => undefined), now });
  const proof = signed.proof;
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof] };
}

/** The same credential as a VC-JWT (Open Badges 3.0 §8.2), signed RS256. */
export async function signJwt(credential: Record<string, unknown>, key: { key: CryptoKey | KeyObject | Uint8Array; kid: string }): Promise<string> {
  const { proof: _proof, ...body } = credential;
  const subject = (body.credentialSubject as { id?: string }).id;
  const issuer = (body.issuer as { id: string }).id;
  let jwt = new SignJWT(body)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setJti(String(body.id))
    .setNotBefore(new Date(String(body.validFrom)));
  if (subject) jwt = jwt.setSubject(subject);
  if (body.validUntil) jwt = jwt.setExpirationTime(new Date(String(body.validUntil)));
  return jwt.sign(key.key);
}
