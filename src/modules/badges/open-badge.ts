import { createHash } from 'node:crypto';
import { CONTEXTS } from './jsonld.js';

/** What an Open Badges 3.0 credential says of one certification; built from Cadre's records. */
export interface BadgeFacts {
  credentialUrl: string;
  issuer: { id: string; name: string; url: string; endorsement?: unknown[] };
  holder: { personId: string; name: string; email: string | null };
  achievement: { id: string; name: string; description: string | null; criteria: string; language: string };
  issuedOn: string;
  expiresOn: string | null;
  offering: { url?: string; title: string; startOn: string; endOn: string; country: string; city: string | null } | null;
  status: { listUrl: string; index: number };
}

export const SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** An email hashed the Open Badges way: sha256 of the address and a salt, so the holder can prove it and nobody else can read it. */
export function hashedEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`;
}

/** The unsigned OpenBadgeCredential (W3C VC 2.0), in the shape the official JSON Schema asks. */
export function buildOpenBadge(facts: BadgeFacts, salt: string): Record<string, unknown> {
  const identifiers: Record<string, unknown>[] = [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holder.name },
  ];
  if (facts.holder.email) {
    identifiers.unshift({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt, identityHash: hashedEmail(facts.holder.email, salt) });
  }
  return {
    '@context': [CONTEXTS.credentials, CONTEXTS.openBadges, CONTEXTS.extensions],
    id: facts.credentialUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.achievement.name,
    issuer: { id: facts.issuer.id, type: ['Profile'], name: facts.issuer.name, url: facts.issuer.url, ...(facts.issuer.endorsement && { endorsement: facts.issuer.endorsement }) },
    validFrom: `${facts.issuedOn}T00:00:00Z`,
    ...(facts.expiresOn && { validUntil: `${facts.expiresOn}T23:59:59Z` }),
    credentialSubject: {
      id: `urn:uuid:${facts.holder.personId}`,
      type: ['AchievementSubject'],
      identifier: identifiers,
      ...(facts.offering && { activityStartDate: `${facts.offering.startOn}T00:00:00Z`, activityEndDate: `${facts.offering.endOn}T00:00:00Z` }),
      achievement: {
        id: facts.achievement.id,
        type: ['Achievement'],
        achievementType: 'Certification',
        name: facts.achievement.name,
        description: facts.achievement.description ?? facts.achievement.criteria,
        criteria: { narrative: facts.achievement.criteria },
        inLanguage: facts.achievement.language,
      },
      result: [{ type: ['Result'], status: 'Completed' }],
    },
    ...(facts.offering && {
      evidence: [
        {
          ...(facts.offering.url && { id: facts.offering.url }),
          type: ['Evidence'],
          name: facts.offering.title,
          narrative: `Completed ${facts.offering.title}, ${facts.offering.startOn} to ${facts.offering.endOn}${facts.offering.city ? `, ${facts.offering.city}` : ''} (${facts.offering.country}).`,
        },
      ],
    }),
    credentialSchema: [{ id: SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: {
      id: `${facts.status.listUrl}#${facts.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.status.index),
      statusListCredential: facts.status.listUrl,
    },
  };
}
