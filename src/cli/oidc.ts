import { loadConfig } from '../config.js';
import { AppError } from '../platform/errors.js';
import { loadClientKey } from '../modules/accounts/oidc-client.js';

/** Prints the public half of Cadre's OpenID Connect client key as a JWKS, to register with the provider. */
export async function printClientJwks(env: Record<string, string | undefined>, options: { key?: string }, out: (line: string) => void): Promise<void> {
  const file = options.key ?? loadConfig(env).oidc?.privateKeyFile;
  if (!file) throw new AppError('validation', 'Name the key with --key, or set CADRE_OIDC_ISSUER, CADRE_OIDC_CLIENT_ID and CADRE_OIDC_PRIVATE_KEY_FILE.');
  const { publicJwk } = await loadClientKey(file);
  out(JSON.stringify({ keys: [publicJwk] }, null, 2));
}
