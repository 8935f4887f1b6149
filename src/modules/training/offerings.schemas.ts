import { z } from 'zod';
import { allowedActionsSchema, calendarDateSchema, countryCodeSchema, idSchema, instantSchema, lineSchema, exportCodesSchema, listFormatSchema, pageQuerySchema, sortOrderSchema, textSchema } from '../../platform/schemas.js';
import * as enums from '../../platform/db/enums.js';
import { textIssue } from '../../platform/i18n/issue-text.js';
import { cancelReasonProblem, offeringDateProblems } from './training.rules.js';

/** Start and end in order, by the rule the service checks too (on the stored offering merged with the change). */
const checkDates = (value: { startOn?: string | undefined; endOn?: string | undefined }, ctx: z.RefinementCtx) => {
  for (const p of offeringDateProblems(value)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
};

export const OFFERING_STATUSES = enums.OFFERING_STATUSES;
export const offeringStatusSchema = z.enum(OFFERING_STATUSES);
export const INSTRUCTOR_ROLES = enums.INSTRUCTOR_ROLES;
export const instructorRoleSchema = z.enum(INSTRUCTOR_ROLES);
export const ENROLLMENT_STATUSES = enums.ENROLLMENT_STATUSES;
export const enrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES);

const percent = z.number().int().min(0).max(100);

export const createOfferingSchema = z
  .strictObject({
    courseId: idSchema,
    startOn: calendarDateSchema,
    endOn: calendarDateSchema,
    country: countryCodeSchema,
    city: lineSchema(120).nullish(),
    hostOrganizationId: idSchema.nullish(),
    deliveringOrganizationId: idSchema.nullish(),
    capacity: z.number().int().min(1).max(1000),
    isUsFunded: z.boolean().default(true).describe('Foreign participants of a U.S.-funded offering must be vetted.'),
    isRefresher: z.boolean().default(false).describe('Closing a refresher renews the participants’ certifications.'),
    notes: textSchema(4000).nullish(),
  })
  .superRefine(checkDates)
  .meta({ id: 'CreateOffering' });
export type CreateOfferingInput = z.infer<typeof createOfferingSchema>;

export const updateOfferingSchema = z
  .strictObject({
    startOn: calendarDateSchema,
    endOn: calendarDateSchema,
    city: lineSchema(120).nullable(),
    hostOrganizationId: idSchema.nullable(),
    deliveringOrganizationId: idSchema.nullable(),
    capacity: z.number().int().min(1).max(1000),
    notes: textSchema(4000).nullable(),
    status: z.literal('cancelled').describe('Cancel a scheduled offering.'),
    cancelReason: textSchema(2000).describe('Required to cancel: why the offering will not happen.'),
  })
  .partial()
  .superRefine((value, ctx) => {
    checkDates(value, ctx);
    const problem = value.status === 'cancelled' ? cancelReasonProblem(value.cancelReason) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['cancelReason'], ...textIssue(problem) });
  })
  .meta({ id: 'UpdateOffering' });
export type UpdateOfferingInput = z.infer<typeof updateOfferingSchema>;

export const setInstructorSchema = z.strictObject({ personId: idSchema, role: instructorRoleSchema }).meta({ id: 'SetInstructor' });

export const enrollSchema = z.strictObject({ personId: idSchema }).meta({ id: 'Enroll' });

export const recordResultSchema = z
  .strictObject({
    attendancePercent: percent.nullable(),
    score: percent.nullable(),
    status: z.enum(['enrolled', 'withdrawn', 'no_show']).describe('Completed and failed are decided when the offering closes.'),
  })
  .partial()
  .meta({ id: 'RecordResult' });
export type RecordResultInput = z.infer<typeof recordResultSchema>;

/** What may be done to one offering, and to one enrollment in it. */
export const OFFERING_ACTIONS = ['update', 'cancel', 'addInstructor', 'removeInstructor', 'enroll', 'recordResults', 'close', 'recordFollowUp'] as const;
export type OfferingAction = (typeof OFFERING_ACTIONS)[number];
export const ENROLLMENT_ACTIONS = ['recordResult'] as const;
export type EnrollmentAction = (typeof ENROLLMENT_ACTIONS)[number];

export const enrollmentSchema = z
  .object({
    id: idSchema,
    offeringId: idSchema,
    person: z.object({ id: idSchema, name: z.string(), organizationId: idSchema, organizationName: z.string() }),
    status: enrollmentStatusSchema,
    attendancePercent: z.number().int().nullable(),
    score: z.number().int().nullable(),
    outcome: z.string().nullable().describe('Why the participant did not pass, when they did not.'),
    version: z.number().int(),
    allowedActions: allowedActionsSchema(ENROLLMENT_ACTIONS),
  })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const offeringSchema = z
  .object({
    id: idSchema,
    course: z.object({ id: idSchema, code: z.string(), title: z.string(), level: z.string(), track: z.string(), language: z.string().describe('The language the course is taught in (ISO 639-1), and its title written in.') }),
    courseVersion: z.number().int(),
    startOn: calendarDateSchema,
    endOn: calendarDateSchema,
    country: z.string(),
    city: z.string().nullable(),
    hostOrganization: z.object({ id: idSchema, name: z.string() }).nullable(),
    deliveringOrganization: z.object({ id: idSchema, name: z.string() }).nullable(),
    capacity: z.number().int(),
    enrolledCount: z.number().int(),
    isUsFunded: z.boolean(),
    isRefresher: z.boolean(),
    status: offeringStatusSchema,
    closedAt: instantSchema.nullable(),
    cancelReason: z.string().nullable().describe('Why a cancelled offering will not happen.'),
    instructors: z.array(z.object({ personId: idSchema, name: z.string(), role: instructorRoleSchema })),
    notes: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(OFFERING_ACTIONS),
  })
  .meta({ id: 'Offering' });
export type Offering = z.infer<typeof offeringSchema>;

export const offeringDetailSchema = offeringSchema
  .extend({
    certifications: z
      .array(
        z.object({
          id: idSchema,
          personId: idSchema,
          name: z.string(),
          credentialName: z.string(),
          issuedOn: calendarDateSchema,
          expiresOn: calendarDateSchema.nullable(),
          isRenewal: z.boolean(),
          status: z.enum(['active', 'expired', 'revoked']),
        }),
      )
      .describe('The certifications closing the offering issued, as far as the caller may see them.'),
    enrollments: z.array(enrollmentSchema),
    followUps: z.array(
      z.object({
        personId: idSchema,
        name: z.string(),
        recordedOn: calendarDateSchema,
        hasTaught: z.boolean(),
        offeringsTaught: z.number().int(),
        peopleTrained: z.number().int(),
        agencyReport: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'OfferingDetail' });
export type OfferingDetail = z.infer<typeof offeringDetailSchema>;

export const closeOfferingSchema = z
  .strictObject({
    acknowledgedAddress: z.string().max(2000).optional().describe('The address certificates will point to, confirmed while it is not public (GET /api/auth/me → publicAddress).'),
  })
  .nullish()
  .meta({ id: 'CloseOffering' });

export const closeReportSchema = z
  .object({
    offering: offeringDetailSchema,
    certified: z.array(z.object({ personId: idSchema, name: z.string(), certificationId: idSchema, expiresOn: calendarDateSchema.nullable(), isRenewal: z.boolean() })),
    passedWithoutCredential: z.array(z.object({ personId: idSchema, name: z.string() })),
    notCertified: z.array(z.object({ personId: idSchema, name: z.string(), reasons: z.array(z.string()) })),
  })
  .meta({ id: 'CloseReport' });

export const followUpSchema = z
  .strictObject({
    personId: idSchema,
    recordedOn: calendarDateSchema,
    hasTaught: z.boolean(),
    offeringsTaught: z.number().int().min(0).max(1000).default(0),
    peopleTrained: z.number().int().min(0).max(100_000).default(0),
    agencyReport: textSchema(4000).nullish(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpInput = z.infer<typeof followUpSchema>;

export const listOfferingsQuerySchema = pageQuerySchema.extend({
  courseId: idSchema.optional(),
  country: countryCodeSchema.optional(),
  status: offeringStatusSchema.optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  instructorId: idSchema.optional(),
  order: sortOrderSchema.default('desc'),
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListOfferingsQuery = z.infer<typeof listOfferingsQuerySchema>;
