import { z } from 'zod';
import { allowedActionsSchema, calendarDateSchema, idSchema, instantSchema, lineSchema, textSchema } from '../../platform/schemas.js';

export const certificateSummarySchema = z
  .object({
    id: idSchema,
    holder: z.object({ name: z.string(), organizationName: z.string() }),
    credential: z.object({ name: z.string(), criteria: z.string() }),
    issuer: z.object({ name: z.string(), url: z.string() }),
    chain: z.array(z.string()).describe('Who vouches for whom: program office → academy → holder.'),
    offering: z.object({ title: z.string(), startOn: calendarDateSchema, endOn: calendarDateSchema, country: z.string() }).nullable(),
    issuedOn: calendarDateSchema,
    expiresOn: calendarDateSchema.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    revokedOn: calendarDateSchema.nullable().describe('The day it was revoked. Why is the program office’s record, never shown to the public.'),
    underReview: z.string().nullable(),
    links: z.object({ json: z.string(), jwt: z.string(), pdf: z.string(), page: z.string() }),
  })
  .meta({ id: 'CertificateSummary' });

export const verifyRequestSchema = z
  .strictObject({
    credential: z.union([z.string().max(200_000), z.record(z.string(), z.unknown())]).describe('A credential as JSON, or a VC-JWT.'),
  })
  .meta({ id: 'VerifyRequest' });

export const verificationSchema = z
  .object({
    isVerified: z.boolean(),
    format: z.enum(['data-integrity', 'vc-jwt', 'unknown']),
    checks: z.array(z.object({ check: z.enum(['format', 'signature', 'dates', 'status', 'review']), isPassed: z.boolean(), message: z.string() })),
    summary: z
      .object({ name: z.string().nullable(), holder: z.string().nullable(), issuer: z.string().nullable(), validFrom: z.string().nullable(), validUntil: z.string().nullable() })
      .nullable(),
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
