import { lazily } from '../../platform/lazy.js';

/** The W3C credential libraries, loaded when a credential is first signed, checked or keyed. */
export const credentialLibraries = lazily(async () => {
  const [vc, integrity, eddsa, multikey, bitstring] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/ed25519-multikey'),
    import('@digitalbazaar/bitstring'),
  ]);
  return { vc, DataIntegrityProof: integrity.DataIntegrityProof, eddsaRdfc2022: eddsa.cryptosuite, Ed25519Multikey: multikey, Bitstring: bitstring.Bitstring };
});
