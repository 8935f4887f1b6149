import fs from 'node:fs';
import path from 'node:path';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { packageRoot } from '../../platform/package-root.js';

export const CONTEXTS = {
  credentials: 'https://www.w3.org/ns/credentials/v2',
  openBadges: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  extensions: 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
} as const;

const FILES: Record<string, string> = {
  [CONTEXTS.credentials]: 'credentials-v2.jsonld',
  [CONTEXTS.openBadges]: 'ob-v3p0-context-3.0.3.json',
  [CONTEXTS.extensions]: 'ob-v3p0-extensions.json',
};

let contexts: Map<string, unknown> | null = null;

/** The JSON-LD contexts, read once from the local copies in assets/jsonld. */
export function localContexts(): Map<string, unknown> {
  if (!contexts) {
    const dir = path.join(packageRoot, 'assets', 'jsonld');
    contexts = new Map(Object.entries(FILES).map(([url, file]) => [url, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown]));
  }
  return contexts;
}

export class RefusedUrlError extends Error {
  override readonly name = 'RefusedUrlError';
}

/**
 * A document loader that never goes to the network: the bundled contexts, and whatever key
 * documents `resolve` knows (Cadre's own issuers, or the keys a verifier was handed). Anything
 * else is refused, which is also how an unknown key fails verification.
 */
export function createDocumentLoader(resolve: (url: string) => Promise<unknown>): DocumentLoader {
  const known = localContexts();
  return async (url) => {
    const context = known.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    const document = await resolve(url);
    if (document) return { contextUrl: null, documentUrl: url, document };
    throw new RefusedUrlError(`${url} is not a context or key Cadre knows; nothing is fetched from the network.`);
  };
}
