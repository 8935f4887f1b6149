import fs from 'node:fs';
import type { JWK } from 'jose';
import { verifyDocument, type TrustSources } from '../modules/badges/verification.js';
import { invalid } from '../platform/errors.js';

interface Method {
  id: string;
}
interface Controller {
  id: string;
  verificationMethod?: Method[];
}

/** Reads key files as an issuer publishes them: a controller document, a JWKS, or both bundled. */
function keySources(files: readonly string[]) {
  const documents = new Map<string, unknown>();
  // The keys given on the command line are the ones trusted, whichever issuer they name.
  const jwks: JWK[] = [];
  for (const file of files) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys?: JWK[]; controllerDocument?: Controller; verificationMethod?: Method | Method[]; id?: string };
    if (Array.isArray(json.keys)) {
      jwks.push(...json.keys);
      continue;
    }
    const controller = json.controllerDocument ?? (json as Controller);
    if (!controller.id) throw invalid(`${file} is neither a controller document nor a JWKS.`, [{ pointer: '--keys', detail: 'is not a key file' }]);
    documents.set(controller.id, controller);
    const methods = [json.verificationMethod ?? [], controller.verificationMethod ?? []].flat() as Method[];
    for (const method of methods) documents.set(method.id, { '@context': 'https://w3id.org/security/multikey/v1', ...method });
  }
  return { documents, jwks };
}

/**
 * Verifies a downloaded credential with no network: its signature against the issuer's
 * published keys given as files, its dates, and, given the issuer's status list, its revocation.
 * Exit code 0 when it verifies, 1 when it does not.
 */
export async function verifyOffline(file: string, options: { keys: string[]; statusList?: string | undefined }, out: (line: string) => void): Promise<number> {
  const { documents, jwks } = keySources(options.keys);
  const trusted: TrustSources = {
    document: async (url) => documents.get(url),
    jwks: async () => jwks,
    statusList: async () => undefined,
  };
  let statusList: Record<string, unknown> | undefined;
  if (options.statusList) {
    const list = JSON.parse(fs.readFileSync(options.statusList, 'utf8')) as Record<string, unknown>;
    // A status list is trusted only once its own signature checks out against the same keys.
    const listCheck = await verifyDocument(list, trusted, new Date(String(list.validFrom ?? new Date().toISOString())));
    if (!listCheck.checks.every((c) => c.check !== 'signature' || c.isPassed)) {
      out(`The status list ${options.statusList} does not verify: ${listCheck.checks.map((c) => c.message).join(' ')}`);
      return 1;
    }
    statusList = list;
  }
  const sources: TrustSources = { ...trusted, statusList: async (url) => (statusList && statusList.id === url ? statusList : undefined) };
  const result = await verifyDocument(fs.readFileSync(file, 'utf8'), sources, new Date());
  for (const check of result.checks) out(`${check.isPassed ? 'ok  ' : 'FAIL'} ${check.check}: ${check.message}`);
  out(result.isVerified ? 'The credential verifies.' : 'The credential does NOT verify.');
  return result.isVerified ? 0 : 1;
}
