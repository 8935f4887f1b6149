import { z } from 'zod';
import { allowedActionsSchema, calendarDateSchema, idSchema, instantSchema, lineSchema, textSchema } from '../../platform/schemas.js';
import { LOCALES } from '../../platform/i18n/locales.js';

/** The verdicts and cautions `verdict.ts` explains; here, free of the verifier, for the web app to share. */
export const VERDICT_CODES = ['genuine', 'genuine_expired', 'revoked', 'not_genuine'] as const;
export const CAUTION_CODES = ['under_review', 'not_yet_valid', 'status_unknown'] as const;

export const verdictSchema = z
  .object({
    code: z.enum(VERDICT_CODES),
    cautions: z.array(z.object({ code: z.enum(CAUTION_CODES), text: z.string() })),
    facts: z
      .object({
        holder: z.string().nullable(),
        credential: z.string().nullable(),
        issuer: z.string().nullable(),
        validFrom: calendarDateSchema.nullable(),
        validUntil: calendarDateSchema.nullable(),
        reviewReason: z.string().nullable(),
      })
      .describe('What the credential itself says: who certified whom as what, from when until when.'),
    heading: z.string().describe('The verdict in English, as the web app and `cadre verify` word it.'),
    text: z.string(),
  })
  .describe('One verdict for a credential, wherever it is checked.')
  .meta({ id: 'Verdict' });

export const certificateSummarySchema = z
  .object({
    id: idSchema,
    holder: z.object({ name: z.string(), organizationName: z.string() }),
    credential: z.object({ name: z.string(), criteria: z.string() }),
    issuer: z.object({ name: z.string(), url: z.string(), markUrl: z.string().nullable().describe('The issuer’s mark, as its certificates print it; null when it has none.') }),
    chain: z.array(z.string()).describe('Who vouches for whom: program office → academy → holder.'),
    offering: z.object({ title: z.string(), language: z.string().describe('The course’s language, which its title is written in.'), startOn: calendarDateSchema, endOn: calendarDateSchema, country: z.string() }).nullable(),
    issuedOn: calendarDateSchema,
    expiresOn: calendarDateSchema.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    revokedOn: calendarDateSchema.nullable().describe('The day it was revoked. Why is the program office’s record, never shown to the public.'),
    underReview: z.string().nullable(),
    verdict: verdictSchema,
    printing: z
      .object({
        languages: z.array(z.enum(LOCALES)).describe('The languages the certificate is wholly worded in: English and each the credential has a translation in.'),
        language: z.enum(LOCALES).describe('The language the PDF prints in without ?lang=: the holder’s, where the credential has a translation in it, else the visitor’s.'),
      })
      .describe('The languages the certificate can be printed in (the PDF takes ?lang=).'),
    links: z.object({ json: z.string(), jwt: z.string(), pdf: z.string(), page: z.string() }),
  })
  .meta({ id: 'CertificateSummary' });

export const verifyRequestSchema = z
  .strictObject({
    credential: z.union([z.string().max(200_000), z.record(z.string(), z.unknown())]).describe('A credential as JSON, or a VC-JWT.'),
  })
  .meta({ id: 'VerifyRequest' });

/** A certificate PDF weighs tens of kilobytes; 3 MB, as base64, leaves room for an issuer's mark. */
const MAX_PDF_BASE64 = 4 * 1024 * 1024;

export const verifyPdfRequestSchema = z
  .strictObject({
    pdf: z.base64('must be the PDF file, base64-encoded').max(MAX_PDF_BASE64, 'is larger than a certificate PDF can be (3 MB)').describe('A certificate PDF, base64-encoded; the credential it carries is checked.'),
  })
  .meta({ id: 'VerifyPdfRequest' });

export const verificationSchema = z
  .object({
    isVerified: z.boolean(),
    format: z.enum(['data-integrity', 'vc-jwt', 'unknown']),
    checks: z.array(z.object({ check: z.enum(['format', 'signature', 'dates', 'status', 'review']), isPassed: z.boolean(), message: z.string() })),
    summary: z
      .object({ name: z.string().nullable(), holder: z.string().nullable(), issuer: z.string().nullable(), validFrom: z.string().nullable(), validUntil: z.string().nullable() })
      .nullable(),
    verdict: verdictSchema,
  })
  .meta({ id: 'Verification' });

export const endorseSchema = z
  .strictObject({ organizationId: idSchema, credentialId: idSchema, statement: lineSchema(500) })
  .meta({ id: 'Endorse' });

export const withdrawSchema = z.strictObject({ reason: textSchema(2000).min(3, 'must say why') });

/** What may be done to one endorsement. */
export const ENDORSEMENT_ACTIONS = ['withdraw'] as const;

export const endorsementSchema = z
  .object({
    id: idSchema,
    endorsee: z.object({ id: idSchema, name: z.string() }),
    credential: z.object({ id: idSchema, name: z.string() }),
    statement: z.string(),
    issuedAt: instantSchema,
    withdrawnAt: instantSchema.nullable(),
    withdrawnReason: z.string().nullable(),
    flaggedCredentials: z.number().int().optional(),
    version: z.number().int(),
    allowedActions: allowedActionsSchema(ENDORSEMENT_ACTIONS),
  })
  .meta({ id: 'Endorsement' });

/** What may be done to an issuer's profile. */
export const ISSUER_PROFILE_ACTIONS = ['update'] as const;

export const issuerProfileSchema = z
  .object({
    organizationId: idSchema,
    name: z.string(),
    isProgramOffice: z.boolean(),
    mark: z
      .object({ url: z.string().describe('Public, cacheable: the verification page shows it too.'), type: z.enum(['image/png', 'image/jpeg']), width: z.number().int(), height: z.number().int() })
      .nullable(),
    signatoryName: z.string().nullable(),
    signatoryTitle: z.string().nullable(),
    updatedAt: instantSchema.nullable(),
    version: z.number().int().describe('1 until the profile is first set.'),
    allowedActions: allowedActionsSchema(ISSUER_PROFILE_ACTIONS),
  })
  .meta({ id: 'IssuerProfile' });
export type IssuerProfile = z.infer<typeof issuerProfileSchema>;

export const updateIssuerProfileSchema = z
  .strictObject({
    mark: z
      .strictObject({ data: z.string().max(950_000, 'is far too long for a mark of at most 512 KB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') })
      .nullable()
      .optional()
      .describe('A PNG or JPEG, base64; null removes the mark; left out keeps it.'),
    signatoryName: lineSchema(120).nullable().optional(),
    signatoryTitle: lineSchema(160).nullable().optional(),
  })
  .meta({ id: 'UpdateIssuerProfile' });
export type UpdateIssuerProfileInput = z.infer<typeof updateIssuerProfileSchema>;
