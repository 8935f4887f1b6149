import { z } from 'zod';
import { allowedActionsSchema, calendarDateSchema, idSchema, instantSchema, lineSchema, pageQuerySchema, textSchema } from '../../platform/schemas.js';
import * as enums from '../../platform/db/enums.js';

export const VETTING_STATUSES = enums.VETTING_STATUSES;
export const vettingStatusSchema = z.enum(VETTING_STATUSES);

export const submitVettingSchema = z
  .strictObject({
    personId: idSchema,
    caseReference: lineSchema(80).describe('The external vetting case reference.'),
    submittedOn: calendarDateSchema,
    notes: textSchema(2000).nullish(),
  })
  .meta({ id: 'SubmitVetting' });
export type SubmitVettingInput = z.infer<typeof submitVettingSchema>;

export const recordVettingResultSchema = z
  .strictObject({
    status: z.enum(['cleared', 'denied', 'suspended']),
    resultOn: calendarDateSchema,
    validUntil: calendarDateSchema.nullish().describe('Required for a clearance: the last day it may be relied on.'),
    notes: textSchema(2000).nullish(),
  })
  .refine((v) => v.status !== 'cleared' || !!v.validUntil, { message: 'is required when the vetting is cleared', path: ['validUntil'] })
  .refine((v) => !v.validUntil || v.validUntil >= v.resultOn, { message: 'must not come before the result', path: ['validUntil'] })
  .meta({ id: 'RecordVettingResult' });
export type RecordVettingResultInput = z.infer<typeof recordVettingResultSchema>;

/** What may be done to one vetting record. */
export const VETTING_ACTIONS = ['recordResult'] as const;

export const vettingRecordSchema = z
  .object({
    id: idSchema,
    person: z.object({ id: idSchema, name: z.string(), organizationName: z.string(), country: z.string() }),
    caseReference: z.string(),
    status: vettingStatusSchema,
    submittedOn: calendarDateSchema,
    resultOn: calendarDateSchema.nullable(),
    validUntil: calendarDateSchema.nullable(),
    notes: z.string().nullable(),
    createdAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(VETTING_ACTIONS),
  })
  .meta({ id: 'VettingRecord' });
export type VettingRecord = z.infer<typeof vettingRecordSchema>;

export const listVettingQuerySchema = pageQuerySchema.extend({ personId: idSchema.optional(), status: vettingStatusSchema.optional() });

export const vettingQueueSchema = z
  .object({
    pending: z.array(vettingRecordSchema),
    expiringBeforeNextOffering: z.array(
      z.object({
        record: vettingRecordSchema,
        offering: z.object({ id: idSchema, courseTitle: z.string(), startOn: calendarDateSchema }),
      }),
    ),
  })
  .meta({ id: 'VettingQueue' });
