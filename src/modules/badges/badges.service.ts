import type { Kysely, Transaction } from 'kysely';
import type { JWK } from 'jose';
import type { RequestContext } from '../../platform/access.js';
import type { AfterCommit } from '../../platform/after-commit.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { randomToken } from '../../platform/crypto.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound, ruleBroken } from '../../platform/errors.js';
import { certificationStatus } from '../training/training.rules.js';
import { type BadgeFactsRow, badgesRepository, type ProgramOffice } from './badges.repository.js';
import type { IssuerKeys } from './issuer-keys.js';
import { issuerProfilesRepository } from './issuer-profiles.repository.js';
import { CERTIFICATE_LANGUAGES, type CertificateLanguage } from './certificate-wording.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../platform/i18n/locales.js';
import { localize } from '../../platform/i18n/messages.js';
import { buildOpenBadge } from './open-badge.js';
import { signDataIntegrity, signJwt } from './signing.js';
import { buildStatusList } from './status-list.js';
import { extractCredential } from './credential-attachment.js';
import { verdictOf } from './verdict.js';
import { badgesText } from './badges.messages.js';
import { type TrustSources, verifyDocument } from './verification.js';

export interface BadgeUrls {
  base: string;
  issuer(organizationId: string): string;
  jwks(organizationId: string): string;
  statusList(organizationId: string): string;
  credential(certificationId: string): string;
  achievement(credentialId: string): string;
  verifyPage(certificationId: string): string;
  /** An issuer's mark; the digest in the query lets it be cached for long and still change. */
  mark(organizationId: string, digest: string): string;
}

export function badgeUrls(base: string): BadgeUrls {
  const api = `${base}/api/public`;
  return {
    base,
    issuer: (id) => `${api}/issuers/${id}`,
    jwks: (id) => `${api}/issuers/${id}/jwks.json`,
    statusList: (id) => `${api}/issuers/${id}/status/revocation`,
    credential: (id) => `${api}/credentials/${id}`,
    achievement: (id) => `${api}/achievements/${id}`,
    verifyPage: (id) => `${base}/verify/${id}`,
    mark: (id, digest) => `${api}/issuers/${id}/mark${digest ? `?v=${digest.slice(0, 16)}` : ''}`,
  };
}

export interface BadgesDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  keys: IssuerKeys;
  urls: BadgeUrls;
  afterCommit: AfterCommit;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Open Badges 3.0 credentials for certifications: issued signed (Data Integrity and VC-JWT),
 * published with their issuers' keys and revocation lists, and verified for anyone, offline
 * from Cadre's own records.
 */
export function createBadgesService({ db, clock, audit, keys, urls, afterCommit }: BadgesDeps) {
  const issuerPattern = new RegExp(`^${escape(urls.issuer(''))}(${UUID})(?:#(.+))?$`);
  const statusPattern = new RegExp(`^${escape(urls.issuer(''))}(${UUID})/status/revocation$`);
  const credentialPattern = new RegExp(`^${escape(urls.credential(''))}(${UUID})$`);

  async function issuerFor(executor: Kysely<DB>, facts: BadgeFactsRow, office: ProgramOffice | undefined) {
    const repo = badgesRepository(executor);
    if (facts.delivering_organization_id) {
      const endorsement = await repo.activeEndorsement(facts.delivering_organization_id, facts.credential_id);
      if (endorsement) {
        const org = await repo.organization(facts.delivering_organization_id);
        if (org) return { org, endorsements: [JSON.parse(endorsement.credential) as unknown] };
      }
    }
    if (!office) throw ruleBroken('badge.no_program_office', badgesText('badge.noProgramOffice'));
    return { org: office, endorsements: undefined };
  }

  /** The signed credential of one certification, at its place in its issuer's status list. */
  async function signed(facts: BadgeFactsRow, issuer: Awaited<ReturnType<typeof issuerFor>>, index: number, signing: Awaited<ReturnType<IssuerKeys['signing']>>) {
    const unsigned = buildOpenBadge(
      {
        credentialUrl: urls.credential(facts.id),
        issuer: { id: urls.issuer(issuer.org.id), name: issuer.org.name, url: issuer.org.website ?? urls.base, ...(issuer.endorsements && { endorsement: issuer.endorsements }) },
        holder: { personId: facts.person_id, name: `${facts.given_name} ${facts.family_name}`, email: facts.email },
        achievement: {
          id: urls.achievement(facts.credential_id),
          name: facts.credential_name,
          description: facts.credential_description,
          criteria: facts.criteria,
          language: facts.language ?? 'en',
        },
        issuedOn: facts.issued_on,
        expiresOn: facts.expires_on,
        offering: facts.offering_id
          ? { title: facts.course_title ?? facts.credential_name, startOn: facts.start_on as string, endOn: facts.end_on as string, country: facts.country as string, city: facts.city }
          : null,
        status: { listUrl: urls.statusList(issuer.org.id), index },
      },
      randomToken(8),
    );
    const now = clock.now();
    const credential = await signDataIntegrity(unsigned, signing.ed25519, now);
    const jwt = await signJwt(unsigned, signing.rsa);
    return {
      certification_id: facts.id,
      issuer_organization_id: issuer.org.id,
      status_index: index,
      credential: JSON.stringify(credential),
      jwt,
      issued_at: now.toISOString(),
      flagged_at: null,
      flag_reason: null,
    };
  }

  /**
   * Issues the credentials of these certifications (those that have none yet), in the caller's
   * transaction; each once only. The reads, the status-list places (one statement per issuer)
   * and the inserts are in bulk whatever the number; signing is the only work done per
   * credential, and the audit events are recorded in one insert. With `whenNoProgramOffice:
   * 'skip'`, none is issued until there is a program office to issue them (a close before the
   * office is set up), rather than refused.
   */
  async function issueMany(ctx: RequestContext, executor: Transaction<DB>, certificationIds: readonly string[], options: { whenNoProgramOffice?: 'refuse' | 'skip' } = {}) {
    const repo = badgesRepository(executor);
    const office = await repo.programOffice();
    if (!office && options.whenNoProgramOffice === 'skip') return [];
    const done = await repo.issuedOf(certificationIds);
    const wanted = [...new Set(certificationIds)].filter((id) => !done.has(id));
    if (wanted.length === 0) return [];
    const found = new Map((await repo.factsOf(wanted)).map((f) => [f.id, f]));
    if (found.size < wanted.length) throw notFound('certification');
    // One issuer per delivering agency and credential (an endorsement is for one credential), grouped by issuer.
    const issuers = new Map<string, Awaited<ReturnType<typeof issuerFor>>>();
    const byIssuer = new Map<string, { issuer: Awaited<ReturnType<typeof issuerFor>>; facts: BadgeFactsRow[] }>();
    for (const id of wanted) {
      const facts = found.get(id) as BadgeFactsRow;
      const key = `${facts.delivering_organization_id ?? ''}:${facts.credential_id}`;
      const issuer = issuers.get(key) ?? (await issuerFor(executor, facts, office));
      issuers.set(key, issuer);
      const group = byIssuer.get(issuer.org.id) ?? { issuer, facts: [] };
      group.facts.push(facts);
      byIssuer.set(issuer.org.id, group);
    }
    const rows = new Map<string, Awaited<ReturnType<typeof signed>>>();
    for (const [organizationId, group] of byIssuer) {
      const indexes = await repo.allocateStatusIndexes(organizationId, group.facts.length);
      const signing = await keys.signing(organizationId, executor);
      for (const [i, facts] of group.facts.entries()) rows.set(facts.id, await signed(facts, group.issuer, indexes[i] as number, signing));
    }
    const ordered = wanted.map((id) => rows.get(id) as Awaited<ReturnType<typeof signed>>);
    await repo.insertBadges(ordered);
    await audit.many(
      executor,
      ctx,
      ordered.map((row) => ({ action: 'badge.issue', entityType: 'certification', entityId: row.certification_id, after: { issuer: row.issuer_organization_id, statusIndex: row.status_index } })),
    );
    return ordered;
  }

  /**
   * Issues these certifications' credentials once the transaction that made them has committed,
   * in one of their own: signing takes a few milliseconds a credential, most of a close's time,
   * and no rule of the close depends on it. Until it is done, a credential's first reader issues
   * it (`badge`), as it would one whose issuing was cut off.
   */
  function issueAfterCommit(ctx: RequestContext, certificationIds: readonly string[]) {
    afterCommit.run(async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction().execute((trx) => issueMany(ctx, trx, certificationIds, { whenNoProgramOffice: 'skip' }));
        } catch (error) {
          // A reader issued one of them meanwhile: the next attempt leaves it out.
          if (!isUniqueViolation(error) || attempt === 3) throw error;
        }
      }
    });
  }

  /** Issues the credential of a certification, in the caller's transaction; once only. */
  async function issue(ctx: RequestContext, executor: Transaction<DB>, certificationId: string) {
    const repo = badgesRepository(executor);
    const existing = await repo.findBadge(certificationId);
    if (existing) return existing;
    const [issued] = await issueMany(ctx, executor, [certificationId]);
    if (issued) return issued;
    // Another transaction (the close's signing) committed it between the two reads: each
    // statement of a PostgreSQL transaction sees what is committed when it starts.
    const committed = await repo.findBadge(certificationId);
    if (!committed) throw notFound('certificate');
    return committed;
  }

  async function badge(certificationId: string, ctx: RequestContext) {
    const found = await badgesRepository(db).findBadge(certificationId);
    if (found) return found;
    try {
      return await db.transaction().execute((trx) => issue(ctx, trx, certificationId));
    } catch (error) {
      // Issued by another request meanwhile.
      if (isUniqueViolation(error)) return (await badgesRepository(db).findBadge(certificationId)) as NonNullable<Awaited<ReturnType<typeof issue>>>;
      throw error;
    }
  }

  async function controllerDocument(organizationId: string) {
    const org = await badgesRepository(db).issuerOrganization(organizationId);
    if (!org) return undefined;
    const published = await keys.published(organizationId);
    const issuer = urls.issuer(organizationId);
    const endorsements = (await badgesRepository(db).endorsementsOf(organizationId)).filter((e) => e.withdrawn_at === null).map((e) => JSON.parse(e.credential) as unknown);
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: issuer,
      type: 'Profile',
      name: org.name,
      url: org.website ?? urls.base,
      assertionMethod: published.ed25519.map((k) => k.id),
      verificationMethod: published.ed25519.map((k) => ({ id: k.id, type: 'Multikey', controller: issuer, publicKeyMultibase: k.publicKeyMultibase })),
      ...(endorsements.length > 0 && { endorsement: endorsements }),
    };
  }

  async function jwks(organizationId: string): Promise<{ keys: JWK[] }> {
    return { keys: (await keys.published(organizationId)).rsa };
  }

  async function unsignedStatusList(organizationId: string) {
    return buildStatusList(urls.statusList(organizationId), urls.issuer(organizationId), await badgesRepository(db).revokedIndexes(organizationId), clock.now());
  }

  /** Cadre's own records as the verifier's trust sources: its issuers' keys, lists and reviews. */
  const ownRecords: TrustSources = {
    async document(url) {
      const match = issuerPattern.exec(url);
      if (!match?.[1]) return undefined;
      const controller = await controllerDocument(match[1]);
      if (!controller || !match[2]) return controller;
      const method = controller.verificationMethod.find((m) => m.id === url);
      return method && { '@context': 'https://w3id.org/security/multikey/v1', ...method };
    },
    async jwks(issuerId) {
      const match = issuerPattern.exec(issuerId);
      return match?.[1] && !match[2] ? (await jwks(match[1])).keys : undefined;
    },
    async statusList(url) {
      const match = statusPattern.exec(url);
      return match?.[1] ? unsignedStatusList(match[1]) : undefined;
    },
    async review(credentialId) {
      const match = credentialPattern.exec(credentialId);
      if (!match?.[1]) return null;
      return (await badgesRepository(db).findBadge(match[1]))?.flag_reason ?? null;
    },
  };

  return {
    issue,
    issueAfterCommit,
    ownRecords,

    /**
     * What the verification page shows anyone: who holds what, from whom, until when, and its
     * standing now (the verdict in the visitor's language), and the languages it prints in.
     */
    async publicSummary(certificationId: string, ctx: RequestContext, visitor: Locale = DEFAULT_LOCALE) {
      const facts = await badgesRepository(db).facts(certificationId);
      if (!facts) throw notFound('certificate');
      const row = await badge(certificationId, ctx);
      const issuer = await badgesRepository(db).organization(row.issuer_organization_id);
      const office = await badgesRepository(db).programOffice();
      const endorsedBy = office && issuer && office.id !== issuer.id ? office.name : null;
      const day = today(clock);
      // The verdict comes from checking the signed credential itself, as a file handed in would be.
      const verdict = verdictOf(await verifyDocument(JSON.parse(row.credential) as Record<string, unknown>, ownRecords, clock.now()), visitor);
      const mark = await issuerProfilesRepository(db).markDigest(row.issuer_organization_id);
      return {
        id: certificationId,
        holder: { name: `${facts.given_name} ${facts.family_name}`, organizationName: facts.holder_organization_name },
        credential: { name: facts.credential_name, criteria: facts.criteria },
        issuer: {
          name: issuer?.name ?? '',
          url: urls.issuer(row.issuer_organization_id),
          markUrl: mark?.mark_digest ? urls.mark(row.issuer_organization_id, mark.mark_digest) : null,
        },
        chain: [...(endorsedBy ? [endorsedBy] : []), issuer?.name ?? '', `${facts.given_name} ${facts.family_name}`],
        offering: facts.offering_id ? { title: facts.course_title ?? '', language: facts.language ?? 'en', startOn: facts.start_on as string, endOn: facts.end_on as string, country: facts.country as string } : null,
        issuedOn: facts.issued_on,
        expiresOn: facts.expires_on,
        status: certificationStatus({ expiresOn: facts.expires_on, revokedAt: facts.revoked_at }, day),
        revokedOn: facts.revoked_at ? facts.revoked_at.slice(0, 10) : null,
        underReview: row.flag_reason,
        verdict,
        printing: { languages: wordedIn(facts), language: printLanguage(facts, undefined, visitor) },
        links: { json: urls.credential(certificationId), jwt: `${urls.credential(certificationId)}/jwt`, pdf: `${urls.credential(certificationId)}/pdf`, page: urls.verifyPage(certificationId) },
      };
    },

    async credentialJson(certificationId: string, ctx: RequestContext): Promise<Record<string, unknown>> {
      return JSON.parse((await badge(certificationId, ctx)).credential) as Record<string, unknown>;
    },

    async credentialJwt(certificationId: string, ctx: RequestContext): Promise<string> {
      return (await badge(certificationId, ctx)).jwt;
    },

    /**
     * The printable certificate, in the language `printLanguage` chooses; the credential's name
     * and criteria in that language where the credential has a translation.
     */
    async pdf(certificationId: string, ctx: RequestContext, wanted?: CertificateLanguage, visitor: Locale = DEFAULT_LOCALE) {
      const facts = await badgesRepository(db).facts(certificationId);
      if (!facts) throw notFound('certificate');
      const row = await badge(certificationId, ctx);
      const issuer = await badgesRepository(db).organization(row.issuer_organization_id);
      const office = await badgesRepository(db).programOffice();
      const profile = await issuerProfilesRepository(db).forCertificate(row.issuer_organization_id);
      const language = printLanguage(facts, wanted, visitor);
      const translated = translationsOf(facts)[language];
      // The PDF writer and its libraries are loaded with the first certificate printed, not with the server.
      const { certificatePdf } = await import('./certificate-pdf.js');
      return certificatePdf({
        language,
        holder: `${facts.given_name} ${facts.family_name}`,
        credential: translated ? { name: translated.name, criteria: translated.criteria ?? null } : { name: facts.credential_name, criteria: facts.criteria },
        issuer: { name: issuer?.name ?? '', mark: profile?.mark ? Buffer.from(profile.mark, 'base64') : null, signatory: profile?.signatory_name ? { name: profile.signatory_name, title: profile.signatory_title } : null },
        endorsedBy: office && issuer && office.id !== issuer.id ? office.name : null,
        course:
          facts.offering_id && facts.start_on && facts.end_on && facts.country
            ? { title: facts.course_title ?? facts.credential_name, hours: facts.course_hours, startOn: facts.start_on, endOn: facts.end_on, city: facts.city, country: facts.country }
            : null,
        issuedOn: facts.issued_on,
        expiresOn: facts.expires_on,
        verifyUrl: urls.verifyPage(certificationId),
        number: certificationId,
        signed: { json: JSON.stringify(JSON.parse(row.credential), null, 2), jwt: row.jwt, issuedAt: new Date(row.issued_at) },
      });
    },

    /** Checks a credential handed in as JSON or a VC-JWT, or the one a certificate PDF carries; each check and the verdict worded in `locale`. */
    async verify(input: { credential: unknown } | { pdf: string }, locale: Locale = DEFAULT_LOCALE) {
      const document = 'pdf' in input ? await extractCredential(Buffer.from(input.pdf, 'base64')) : input.credential;
      const result = await verifyDocument(document, ownRecords, clock.now());
      return { ...result, checks: result.checks.map((check) => ({ ...check, message: localize(check.message, locale) })), verdict: verdictOf(result, locale) };
    },

    async issuerDocument(organizationId: string) {
      const document = await controllerDocument(organizationId);
      if (!document) throw notFound('issuer');
      return document;
    },

    async issuerJwks(organizationId: string) {
      if (!(await badgesRepository(db).issuerOrganization(organizationId))) throw notFound('issuer');
      return jwks(organizationId);
    },

    /** The issuer's revocation list, signed, for any verifier to fetch. */
    async statusListCredential(organizationId: string) {
      if (!(await badgesRepository(db).issuerOrganization(organizationId))) throw notFound('issuer');
      const signing = await keys.signing(organizationId);
      return signDataIntegrity(await unsignedStatusList(organizationId), signing.ed25519, clock.now());
    },

    /** Flags for review every credential issued in offerings a decertified person taught. */
    flagTaughtBy(trx: Kysely<DB>, personId: string, reason: string) {
      return badgesRepository(trx).flag({ taughtByPersonId: personId }, instant(clock), reason);
    },

    flagIssuedBy(trx: Kysely<DB>, organizationId: string, reason: string) {
      return badgesRepository(trx).flag({ issuerOrganizationId: organizationId }, instant(clock), reason);
    },
  };
}

type Translations = Partial<Record<string, { name: string; criteria?: string | null }>>;
const translationsOf = (facts: Pick<BadgeFactsRow, 'credential_translations'>) => JSON.parse(facts.credential_translations) as Translations;

/** The languages a certificate is wholly worded in: English, and each the credential has a translation in. */
function wordedIn(facts: Pick<BadgeFactsRow, 'credential_translations'>): CertificateLanguage[] {
  const translations = translationsOf(facts);
  return CERTIFICATE_LANGUAGES.filter((language) => language === 'en' || translations[language]);
}

/**
 * The language a certificate prints in: the one asked for; else the holder's (the language they
 * read Cadre in, else the one they trained in) when the credential was issued with a translation
 * in it; else the visitor's.
 */
export function printLanguage(
  facts: Pick<BadgeFactsRow, 'credential_translations' | 'holder_locale' | 'language'>,
  wanted: CertificateLanguage | undefined,
  visitor: Locale,
): CertificateLanguage {
  if (wanted) return wanted;
  const translations = translationsOf(facts);
  const holder = [facts.holder_locale, facts.language].find((language) => isLocale(language) && language !== 'en' && translations[language]);
  return isLocale(holder) ? holder : visitor;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export type BadgesService = ReturnType<typeof createBadgesService>;
