import fs from 'node:fs';
import type { JWK } from 'jose';
import { extractCredential } from '../modules/badges/credential-attachment.js';
import { verdictOf } from '../modules/badges/verdict.js';
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

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Verifies a downloaded credential, or the one a certificate PDF carries, with no network: its signature against the issuer's
 * published keys given as files, its dates, and, given the issuer's status list, its revocation.
 * Prints each check, then the verdict in the words the verification page uses. Exit code 0 when
 * every check passes, 1 when one does not.
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
  const bytes = fs.readFileSync(file);
  // A certificate PDF is verified by the credential it carries, as the verification page does.
  const document = isPdf(bytes) ? await extractCredential(bytes) : bytes.toString('utf8');
  const result = await verifyDocument(document, sources, new Date());
  for (const check of result.checks) out(`${check.isPassed ? 'ok  ' : 'FAIL'} ${check.check}: ${check.message}`);
  const verdict = verdictOf(result);
  out('');
  out(`${verdict.heading}: ${verdict.text}`);
  for (const caution of verdict.cautions) out(caution.text);
  return result.isVerified ? 0 : 1;
}
