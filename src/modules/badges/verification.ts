import { decodeJwt, decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import type { Localizable } from '../../platform/i18n/messages.js';
import { badgesText } from './badges.messages.js';
import { credentialLibraries } from './credential-libraries.js';
import { createDocumentLoader } from './jsonld.js';
import { isSetInList } from './status-list.js';

export type CheckName = 'format' | 'signature' | 'dates' | 'status' | 'review';

/** Why a check failed, where the verdict needs more than pass or fail; never shown on its own. */
export type Finding = 'expired' | 'not_yet_valid' | 'revoked' | 'status_unknown' | 'under_review';

export interface Check {
  check: CheckName;
  isPassed: boolean;
  /** Why it passed or failed: in the reader's language when answered, English when printed (`cadre verify`). */
  message: Localizable;
  finding?: Finding;
  /** Under review: what the issuer said, as it said it. */
  reason?: string;
}

export interface Verification {
  isVerified: boolean;
  format: 'data-integrity' | 'vc-jwt' | 'unknown';
  checks: Check[];
  credential: Record<string, unknown> | null;
}

/** Where the verifier finds keys and status lists: Cadre's own records, or files handed to the CLI. Nothing is fetched. */
export interface TrustSources {
  /** A verification method or controller document, by URL. */
  document(url: string): Promise<unknown>;
  /** The public JWKs an issuer has published. */
  jwks(issuerId: string): Promise<JWK[] | undefined>;
  /** A status list credential, already checked to be its issuer's, by URL. */
  statusList(url: string): Promise<Record<string, unknown> | undefined>;
  /** Anything the issuer says besides revocation, such as a review under way. */
  review?(credentialId: string): Promise<string | null>;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

interface LibraryError {
  name?: string;
  message?: string;
  errors?: LibraryError[];
  cause?: LibraryError;
  details?: { cause?: LibraryError };
}

/** The plainest account of why a library refused: a refused URL says so itself, under the library's wrapping. */
function reason(error: unknown): string {
  const seen: LibraryError[] = [];
  const walk = (e: LibraryError | undefined) => {
    if (!e || seen.includes(e)) return;
    seen.push(e);
    e.errors?.forEach(walk);
    walk(e.cause);
    walk(e.details?.cause);
  };
  walk(error as LibraryError);
  const refused = seen.find((e) => e.name === 'RefusedUrlError');
  if (refused?.message) return refused.message;
  const first = error as LibraryError | undefined;
  return first?.errors?.map((x) => x.message).filter(Boolean).join('; ') || first?.message || String(error);
}

async function checkDataIntegrity(credential: Record<string, unknown>, sources: TrustSources): Promise<Check> {
  if (!credential.proof) return { check: 'signature', isPassed: false, message: badgesText('check.noProof') };
  // The proof is checked as of the day it was issued; the validity dates get a check of their own.
  const asOf = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : new Date();
  const { vc, DataIntegrityProof, eddsaRdfc2022 } = await credentialLibraries();
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: createDocumentLoader((url) => sources.document(url)),
    now: asOf,
    // Revocation is its own check below, against the issuer's list.
    checkStatus: async () => ({ verified: true }),
  });
  if (result.verified) return { check: 'signature', isPassed: true, message: badgesText('check.dataIntegrityValid') };
  const error = result.results?.[0]?.error ?? result.error;
  return { check: 'signature', isPassed: false, message: badgesText('check.signatureFails', { reason: reason(error) }) };
}

async function checkJwt(token: string, sources: TrustSources): Promise<{ check: Check; credential: Record<string, unknown> | null }> {
  let payload: Record<string, unknown>;
  let kid: string | undefined;
  try {
    payload = decodeJwt(token) as Record<string, unknown>;
    kid = decodeProtectedHeader(token).kid;
  } catch (error) {
    return { check: { check: 'format', isPassed: false, message: badgesText('check.jwtUnreadable', { reason: reason(error) }) }, credential: null };
  }
  const issuer = typeof payload.iss === 'string' ? payload.iss : undefined;
  const jwks = issuer ? await sources.jwks(issuer) : undefined;
  const jwk = jwks?.find((k) => k.kid === kid);
  if (!jwk) return { check: { check: 'signature', isPassed: false, message: badgesText('check.unknownKey', { kid: kid ?? badgesText('check.noKeyNamed') }) }, credential: payload };
  try {
    await jwtVerify(token, await importJWK(jwk, 'RS256'), { algorithms: ['RS256'], currentDate: new Date(Number(payload.nbf ?? 0) * 1000) });
    return { check: { check: 'signature', isPassed: true, message: badgesText('check.jwtValid') }, credential: payload };
  } catch (error) {
    return { check: { check: 'signature', isPassed: false, message: badgesText('check.signatureFails', { reason: reason(error) }) }, credential: payload };
  }
}

function checkDates(credential: Record<string, unknown>, now: Date): Check {
  const validFrom = typeof credential.validFrom === 'string' ? credential.validFrom : null;
  const validUntil = typeof credential.validUntil === 'string' ? credential.validUntil : null;
  if (validFrom && now < new Date(validFrom)) return { check: 'dates', isPassed: false, message: badgesText('check.notYetValid', { date: validFrom }), finding: 'not_yet_valid' };
  if (validUntil && now > new Date(validUntil)) return { check: 'dates', isPassed: false, message: badgesText('check.expired', { date: validUntil }), finding: 'expired' };
  return { check: 'dates', isPassed: true, message: validUntil ? badgesText('check.validUntil', { date: validUntil }) : badgesText('check.validNoEnd') };
}

async function checkStatus(credential: Record<string, unknown>, sources: TrustSources): Promise<Check> {
  const status = credential.credentialStatus as { statusListCredential?: string; statusListIndex?: string; statusPurpose?: string } | undefined;
  if (!status) return { check: 'status', isPassed: true, message: badgesText('check.noStatusList') };
  const list = status.statusListCredential ? await sources.statusList(status.statusListCredential) : undefined;
  if (!list) return { check: 'status', isPassed: false, message: badgesText('check.statusUnknown', { url: status.statusListCredential ?? '' }), finding: 'status_unknown' };
  const isRevoked = await isSetInList(list, Number(status.statusListIndex));
  return isRevoked
    ? { check: 'status', isPassed: false, message: badgesText('check.revoked'), finding: 'revoked' }
    : { check: 'status', isPassed: true, message: badgesText('check.notRevoked') };
}

/**
 * Verifies a credential as a JSON document (Data Integrity) or a VC-JWT: its signature, its
 * validity dates, its revocation status and any review its issuer has under way. Each check says
 * why it passed or failed.
 */
export async function verifyDocument(input: unknown, sources: TrustSources, now: Date): Promise<Verification> {
  let credential: Record<string, unknown> | null = null;
  let format: Verification['format'] = 'unknown';
  const checks: Check[] = [];
  const text = typeof input === 'string' ? input.trim() : null;
  if (text !== null && JWT_SHAPE.test(text)) {
    format = 'vc-jwt';
    const jwt = await checkJwt(text, sources);
    checks.push(jwt.check);
    credential = jwt.credential;
  } else {
    let parsed: unknown = input;
    if (text !== null) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    const types = (parsed as { type?: unknown } | null)?.type;
    if (!parsed || typeof parsed !== 'object' || !(Array.isArray(types) ? types.includes('VerifiableCredential') : types === 'VerifiableCredential')) {
      return { isVerified: false, format, checks: [{ check: 'format', isPassed: false, message: badgesText('check.notACredential') }], credential: null };
    }
    format = 'data-integrity';
    credential = parsed as Record<string, unknown>;
    checks.push(await checkDataIntegrity(credential, sources));
  }
  if (credential && checks.every((c) => c.isPassed)) {
    checks.push(checkDates(credential, now));
    checks.push(await checkStatus(credential, sources));
    const review = sources.review && typeof credential.id === 'string' ? await sources.review(credential.id) : null;
    if (review) checks.push({ check: 'review', isPassed: false, message: badgesText('check.underReview', { reason: review }), finding: 'under_review', reason: review });
  }
  return { isVerified: checks.length > 0 && checks.every((c) => c.isPassed), format, checks, credential };
}
