import { buildServices } from '../app.js';
import { systemContext } from '../platform/access.js';
import { invalid } from '../platform/errors.js';
import { withRuntime } from './runtime.js';

/** Retires an issuer's signing keys and makes new ones; what the old ones signed still verifies. */
export async function rotateKeys(env: Record<string, string | undefined>, options: { organization?: string | undefined }, out: (line: string) => void) {
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    const organizationId = options.organization ?? (await services.keys.defaultIssuer());
    if (!organizationId) throw invalid('There is no program office; name the issuer.', [{ pointer: '--organization', detail: 'is required when there is no program office' }]);
    await services.keys.rotate(systemContext('cadre keys rotate'), organizationId);
    const published = await services.keys.published(organizationId);
    out(`Rotated the signing keys of ${organizationId}. Signing now with ${published.ed25519.at(-1)?.id} and ${published.rsa.at(-1)?.kid}.`);
    out(`${published.ed25519.length + published.rsa.length} keys stay published, so older credentials still verify.`);
  });
}
