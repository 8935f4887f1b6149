import { CAUTION_CODES, type VERDICT_CODES } from './badges.schemas.js';
import { longDate } from '../../platform/dates.js';
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
  /** The English wording, for scripts and the command line; the web app has the same words under `verify.verdict`. */
  heading: string;
  text: string;
}

type Values = { holder: string; credential: string; issuer: string; from: string; until: string; reason: string };

/** The English words; `web/src/locales/en/translation.json` `verify.verdict` holds the same, checked by a test. */
export const WORDING = {
  genuine: {
    heading: 'Genuine',
    text: (v: Values) => `${v.issuer} certified ${v.holder} as ${v.credential} on ${v.from}; it is valid until ${v.until}.`,
    textNoEnd: (v: Values) => `${v.issuer} certified ${v.holder} as ${v.credential} on ${v.from}, with no end date.`,
  },
  genuine_expired: {
    heading: 'Genuine, but expired',
    text: (v: Values) => `${v.issuer} certified ${v.holder} as ${v.credential} on ${v.from}; it expired on ${v.until} and is no longer in force.`,
  },
  revoked: {
    heading: 'Revoked',
    text: (v: Values) => `${v.issuer} certified ${v.holder} as ${v.credential} on ${v.from}, then revoked it: it is no longer in force.`,
  },
  not_genuine: {
    heading: 'Not genuine',
    text: (v: Values) => `Nothing confirms that ${v.issuer} certified ${v.holder} as ${v.credential}: its signature does not verify, so do not rely on it.`,
    textUnreadable: () => 'This is not a credential that can be checked: do not rely on it.',
  },
  caution: {
    under_review: (v: Values) => `Under review by the issuer: ${v.reason}. Ask ${v.issuer} before relying on it.`,
    not_yet_valid: (v: Values) => `It takes effect on ${v.from}; until then it is not in force.`,
    status_unknown: (v: Values) => `Whether ${v.issuer} has revoked it could not be checked.`,
  },
  /** Stand-ins for what a credential may leave out. */
  unnamed: { holder: 'its holder', credential: 'a credential', issuer: 'its issuer', date: 'an unstated date' },
} as const;

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

/** The verdict on a verified document, from its checks alone. */
export function verdictOf(verification: Pick<Verification, 'checks' | 'credential'>): Verdict {
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
    reviewReason: review ? review.message.replace(/^Under review by the issuer: /, '') : null,
  };
  const code = codeOf(findings);
  const cautions = code === 'not_genuine' ? [] : CAUTION_CODES.filter((caution) => findings.has(caution));
  return { code, facts, ...wordsFor(code, cautions, facts) };
}

/** The verdict's English heading and sentences, with dates as long dates. */
export function wordsFor(code: VerdictCode, cautions: readonly CautionCode[], facts: VerdictFacts) {
  const values: Values = {
    holder: facts.holder ?? WORDING.unnamed.holder,
    credential: facts.credential ?? WORDING.unnamed.credential,
    issuer: facts.issuer ?? WORDING.unnamed.issuer,
    from: facts.validFrom ? longDate(facts.validFrom) : WORDING.unnamed.date,
    until: facts.validUntil ? longDate(facts.validUntil) : WORDING.unnamed.date,
    reason: facts.reviewReason ?? '',
  };
  const text =
    code === 'genuine' && !facts.validUntil
      ? WORDING.genuine.textNoEnd(values)
      : code === 'not_genuine' && !facts.credential
        ? WORDING.not_genuine.textUnreadable()
        : WORDING[code].text(values);
  return { heading: WORDING[code].heading, text, cautions: cautions.map((caution) => ({ code: caution, text: WORDING.caution[caution](values) })) };
}
