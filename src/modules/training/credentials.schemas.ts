import { z } from 'zod';
import { allowedActionsSchema, idSchema, instantSchema, lineSchema, textSchema } from '../../platform/schemas.js';
import { trackSchema } from '../partnerships/partnerships.schemas.js';

const percent = z.number().int().min(0).max(100);

const credentialFields = {
  name: lineSchema(160),
  description: textSchema(4000).nullish(),
  criteria: textSchema(4000).min(1, 'must say what earns it'),
  track: trackSchema,
  validityMonths: z.number().int().min(1).max(240).nullish().describe('Leave out for a credential that does not expire.'),
  passMark: percent.nullish().describe('The lowest passing score (0–100); leave out when no score is needed.'),
  minAttendancePercent: percent,
  coTeachingsBeforeLead: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(0)
    .describe('How many offerings a new holder co-teaches before leading one of the courses that require this credential.'),
};

export const createCredentialSchema = z.strictObject(credentialFields).meta({ id: 'CreateCredential' });
export type CreateCredentialInput = z.infer<typeof createCredentialSchema>;

export const updateCredentialSchema = z
  .strictObject({ ...credentialFields, coTeachingsBeforeLead: z.number().int().min(0).max(20) })
  .partial()
  .meta({ id: 'UpdateCredential' });
export type UpdateCredentialInput = z.infer<typeof updateCredentialSchema>;

/** What may be done to one credential. */
export const CREDENTIAL_ACTIONS = ['update'] as const;
export type CredentialAction = (typeof CREDENTIAL_ACTIONS)[number];

export const credentialSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string().nullable(),
    criteria: z.string(),
    track: trackSchema,
    validityMonths: z.number().int().nullable(),
    passMark: z.number().int().nullable(),
    minAttendancePercent: z.number().int(),
    coTeachingsBeforeLead: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(CREDENTIAL_ACTIONS),
  })
  .meta({ id: 'Credential' });
export type Credential = z.infer<typeof credentialSchema>;
