import { CAUTION_CODES, type VERDICT_CODES } from './badges.schemas.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import type { TextValues } from '../../platform/i18n/messages.js';
import { badgesText } from './badges.messages.js';
import { type Finding, type Verification } from './verification.js';

/**
 * What a reader is told about a credential, the same on the public page, for a pasted or uploaded
 * file, and from `cadre verify`. Four verdicts, because a reader asks two questions: did the
 * issuer really sign this (not_genuine if not), and does it stand today (revoked, expired, or
 * genuine). Revoked wins over expired: an expired credential that was also revoked was withdrawn,
 * which is what an employer needs to know.
 */
export type VerdictCode = (typeof VERDICT_CODES)[number];

/**
 * What qualifies a genuine credential without overturning it, each said in a sentence of its own:
 * - under_review: the issuer is reviewing it (a withdrawn endorsement, a decertified instructor).
 *   A review is not a finding; the signature holds and nothing is revoked, so it stays genuine,
 *   with the advice to ask the issuer.
 * - not_yet_valid: its validity starts later. The issuer did sign it (Cadre signs on the day of
 *   issue, so this means another issuer's practice or a wrong clock), so calling it not genuine
 *   would be false; the caution says it is not in force before then.
 * - status_unknown: the revocation list could not be read (offline without the list). The
 *   signature is proof enough that it is genuine; whether it was revoked since is not known.
 */
export type CautionCode = (typeof CAUTION_CODES)[number];

/** Who certified whom as what, and from when until when, as the credential itself says. */
export interface VerdictFacts {
  holder: string | null;
  credential: string | null;
  issuer: string | null;
  /** Calendar days (`YYYY-MM-DD`, UTC), as the credential's validity instants fall. */
  validFrom: string | null;
  validUntil: string | null;
  reviewReason: string | null;
}

export interface Verdict {
  code: VerdictCode;
  cautions: { code: CautionCode; text: string }[];
  facts: VerdictFacts;
  /** The words in the reader's language (English for scripts and the command line); the web app has the same words under `verify.verdict`. */
  heading: string;
  text: string;
}

/**
 * The words are the badges catalog's `verdict.*` keys, in each language the same as the web app's
 * `verify.verdict` (web/src/locales/<lng>/certifications.json), checked by a test; dates are long dates.
 */
const verdictText = (key: string, values?: TextValues) => badgesText(`verdict.${key}` as 'verdict.genuine.heading', values);

/** The UTC calendar day of an instant the credential states, or nothing when it states none that reads as one. */
function day(value: unknown): string | null {
  const date = typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : null;
}

/** What a credential says of itself: trusted only once its signature is. */
export function claimsOf(credential: Record<string, unknown> | null) {
  if (!credential) return null;
  const subject = (credential.credentialSubject ?? {}) as { identifier?: { identityType?: string; identityHash?: string }[]; achievement?: { name?: unknown } };
  const issuer = credential.issuer as { name?: string; id?: string } | string | undefined;
  const name = typeof credential.name === 'string' ? credential.name : typeof subject.achievement?.name === 'string' ? subject.achievement.name : null;
  return {
    name,
    holder: subject.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? null,
    issuer: typeof issuer === 'string' ? issuer : (issuer?.name ?? issuer?.id ?? null),
    validFrom: typeof credential.validFrom === 'string' ? credential.validFrom : null,
    validUntil: typeof credential.validUntil === 'string' ? credential.validUntil : null,
  };
}

function codeOf(findings: Set<Finding | 'forged'>): VerdictCode {
  if (findings.has('forged')) return 'not_genuine';
  if (findings.has('revoked')) return 'revoked';
  if (findings.has('expired')) return 'genuine_expired';
  return 'genuine';
}

/** The verdict on a verified document, from its checks alone, worded in `locale`. */
export function verdictOf(verification: Pick<Verification, 'checks' | 'credential'>, locale: Locale = DEFAULT_LOCALE): Verdict {
  const findings = new Set<Finding | 'forged'>();
  for (const check of verification.checks) {
    if (check.isPassed) continue;
    // A failed format or signature check, or any failure the checks do not name, means the issuer's signature is not there.
    findings.add(check.check === 'format' || check.check === 'signature' || !check.finding ? 'forged' : check.finding);
  }
  const claims = claimsOf(verification.credential);
  const review = verification.checks.find((c) => c.finding === 'under_review');
  const facts: VerdictFacts = {
    holder: claims?.holder ?? null,
    credential: claims?.name ?? null,
    issuer: claims?.issuer ?? null,
    validFrom: day(claims?.validFrom),
    validUntil: day(claims?.validUntil),
    reviewReason: review ? (review.reason ?? null) : null,
  };
  const code = codeOf(findings);
  const cautions = code === 'not_genuine' ? [] : CAUTION_CODES.filter((caution) => findings.has(caution));
  return { code, facts, ...wordsFor(code, cautions, facts, locale) };
}

/** The verdict's heading and sentences in `locale` (English unless asked), with dates as long dates. */
export function wordsFor(code: VerdictCode, cautions: readonly CautionCode[], facts: VerdictFacts, locale: Locale = DEFAULT_LOCALE) {
  const values: TextValues = {
    holder: facts.holder ?? verdictText('unnamed.holder'),
    credential: facts.credential ?? verdictText('unnamed.credential'),
    issuer: facts.issuer ?? verdictText('unnamed.issuer'),
    from: facts.validFrom ?? verdictText('unnamed.date'),
    until: facts.validUntil ?? verdictText('unnamed.date'),
    reason: facts.reviewReason ?? '',
  };
  const text =
    code === 'genuine' && !facts.validUntil
      ? verdictText('genuine.textNoEnd', values)
      : code === 'not_genuine' && !facts.credential
        ? verdictText('not_genuine.textUnreadable')
        : verdictText(`${code}.text`, values);
  return {
    heading: verdictText(`${code}.heading`).in(locale),
    text: text.in(locale),
    cautions: cautions.map((caution) => ({ code: caution, text: verdictText(`caution.${caution}`, values).in(locale) })),
  };
}
