import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import { calculateJwkThumbprint, type CryptoKey, importJWK, type JWK } from 'jose';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';

/**
 * The relying party's key, from a PKCS#8 PEM or a JWK file: its kid is the key's JWK thumbprint
 * unless the JWK names one, so the JWKS registered with the provider (publicJwks) matches.
 */
export async function loadClientKey(file: string) {
  const text = fs.readFileSync(file, 'utf8').trim();
  const privateJwk = (text.startsWith('{') ? JSON.parse(text) : createPrivateKey(text).export({ format: 'jwk' })) as JWK;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  if (!publicJwk.kty || !['RSA', 'EC'].includes(publicJwk.kty)) throw new Error(`${file}: an RSA or EC private key is needed`);
  const alg = publicJwk.kty === 'RSA' ? 'RS256' : 'ES256';
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  const key = (await importJWK({ ...privateJwk, alg }, alg)) as CryptoKey;
  return { key, kid, alg, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } };
}

/** A loopback issuer (a provider run beside Cadre for testing) may speak plain HTTP; no other may. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export interface OidcClient {
  authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** The provider's answer, checked (state, nonce, PKCE, ID token), with the user's claims. */
  callback(currentUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<Record<string, unknown>>;
}

export function createOidcClient(config: OidcConfig): OidcClient {
  const issuer = new URL(config.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
  let discovered: Promise<client.Configuration> | null = null;

  // Discovered once, at first use; a failure is not kept, so the next sign-in tries again.
  function configuration(): Promise<client.Configuration> {
    discovered ??= (async () => {
      const { key, kid } = await loadClientKey(config.privateKeyFile);
      return client.discovery(issuer, config.clientId, { redirect_uris: [config.redirectUrl] }, client.PrivateKeyJwt({ key, kid }), insecure);
    })().catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  }

  return {
    async authorizationUrl({ state, nonce, codeVerifier }) {
      const parameters: Record<string, string> = {
        redirect_uri: config.redirectUrl,
        scope: 'openid email',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      };
      if (config.acrValues) parameters.acr_values = config.acrValues;
      const configured = await configuration();
      // Login.gov lists it and expects it; a provider that does not know it would refuse the request.
      const prompts = configured.serverMetadata().prompt_values_supported;
      if (Array.isArray(prompts) && prompts.includes('select_account')) parameters.prompt = 'select_account';
      return client.buildAuthorizationUrl(configured, parameters);
    },

    async callback(currentUrl, { state, nonce, codeVerifier }) {
      const configured = await configuration();
      const tokens = await client.authorizationCodeGrant(configured, currentUrl, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider sent no ID token');
      // Login.gov gives the email at the userinfo endpoint only; other providers put it in the ID token too.
      const userinfo = await client.fetchUserInfo(configured, tokens.access_token, idToken.sub);
      return { ...userinfo, ...idToken };
    },
  };
}

