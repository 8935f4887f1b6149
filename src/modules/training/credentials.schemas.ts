import { z } from 'zod';
import { allowedActionsSchema, idSchema, instantSchema, lineSchema, textSchema } from '../../platform/schemas.js';
import { trackSchema } from '../partnerships/partnerships.schemas.js';

const percent = z.number().int().min(0).max(100);

/** The languages a credential may be translated into; English is its main text. */
export const TRANSLATION_LANGUAGES = ['es', 'fr', 'pt', 'ht'] as const;

const translationSchema = z.strictObject({
  name: lineSchema(160),
  criteria: textSchema(600).nullish().describe('The criteria in short, as printed on a certificate; left out prints none.'),
});

export const credentialTranslationsSchema = z
  .strictObject(Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, translationSchema.optional()])) as Record<(typeof TRANSLATION_LANGUAGES)[number], z.ZodOptional<typeof translationSchema>>)
  .describe('The name and short criteria in Spanish, French, Portuguese and Haitian Creole; a language left out prints in English.');
export type CredentialTranslations = z.infer<typeof credentialTranslationsSchema>;

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
  translations: credentialTranslationsSchema.optional(),
};

export const createCredentialSchema = z.strictObject(credentialFields).meta({ id: 'CreateCredential' });
export type CreateCredentialInput = z.infer<typeof createCredentialSchema>;

export const updateCredentialSchema = z
  .strictObject({ ...credentialFields, coTeachingsBeforeLead: z.number().int().min(0).max(20), translations: credentialTranslationsSchema })
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
    translations: credentialTranslationsSchema,
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(CREDENTIAL_ACTIONS),
  })
  .meta({ id: 'Credential' });
export type Credential = z.infer<typeof credentialSchema>;
