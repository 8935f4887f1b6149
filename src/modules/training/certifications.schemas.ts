import { z } from 'zod';
import { COURSE_LEVELS, TRACKS } from '../../platform/db/enums.js';
import { allowedActionsSchema, calendarDateSchema, countryCodeSchema, idSchema, instantSchema, exportCodesSchema, listFormatSchema, pageQuerySchema, textSchema } from '../../platform/schemas.js';

export const CERTIFICATION_STATUSES = ['active', 'expired', 'revoked'] as const;

/** What may be done to one certification. */
export const CERTIFICATION_ACTIONS = ['revoke'] as const;
export type CertificationAction = (typeof CERTIFICATION_ACTIONS)[number];

export const certificationSchema = z
  .object({
    id: idSchema,
    person: z.object({ id: idSchema, name: z.string(), organizationId: idSchema, organizationName: z.string() }),
    credential: z.object({ id: idSchema, name: z.string() }),
    offeringId: idSchema.nullable(),
    issuedOn: calendarDateSchema,
    expiresOn: calendarDateSchema.nullable(),
    status: z.enum(CERTIFICATION_STATUSES).describe('Expired the day after its expiry date; no job needed.'),
    renewsId: idSchema.nullable().describe('The certification this one renewed.'),
    revokedAt: instantSchema.nullable(),
    revokedReason: z.string().nullable(),
    version: z.number().int(),
    allowedActions: allowedActionsSchema(CERTIFICATION_ACTIONS),
  })
  .meta({ id: 'Certification' });
export type Certification = z.infer<typeof certificationSchema>;

export const listCertificationsQuerySchema = pageQuerySchema.extend({
  personId: idSchema.optional(),
  credentialId: idSchema.optional(),
  status: z.enum(CERTIFICATION_STATUSES).optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(366).optional().describe('Active ones whose expiry falls within this many days.'),
  issuedFrom: calendarDateSchema.optional(),
  issuedTo: calendarDateSchema.optional(),
  activeOn: calendarDateSchema.optional().describe('Held on this day: issued by it, not expired before it, not revoked by it.'),
  expiresBy: calendarDateSchema.optional().describe('Expiring on or before this day.'),
  credentialLevel: z.enum(COURSE_LEVELS).optional().describe('Credentials a course of this level or above grants (instructor: certified instructors, masters included).'),
  track: z.enum(TRACKS).optional().describe('The credential’s track.'),
  country: countryCodeSchema.optional().describe('The holder’s agency’s country.'),
  organizationId: idSchema.optional().describe('The holder’s agency.'),
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListCertificationsQuery = z.infer<typeof listCertificationsQuerySchema>;

export const revokeSchema = z.strictObject({ reason: textSchema(2000).min(3, 'must say why') }).meta({ id: 'Revoke' });

export const transcriptSchema = z
  .object({
    person: z.object({ id: idSchema, name: z.string(), organizationName: z.string() }),
    courses: z.array(
      z.object({
        offeringId: idSchema,
        courseCode: z.string(),
        courseTitle: z.string(),
        courseLanguage: z.string().describe('The language the course is taught in, and its title written in.'),
        courseVersion: z.number().int(),
        startOn: calendarDateSchema,
        endOn: calendarDateSchema,
        country: z.string(),
        role: z.enum(['participant', 'lead', 'co']),
        status: z.string(),
        attendancePercent: z.number().int().nullable(),
        score: z.number().int().nullable(),
      }),
    ),
    certifications: z.array(certificationSchema),
  })
  .meta({ id: 'Transcript' });
