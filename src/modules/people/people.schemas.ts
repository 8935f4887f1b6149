import ISO6391 from 'iso-639-1';
import { z } from 'zod';
import { TRACKS } from '../../platform/db/enums.js';
import {
  calendarDateSchema,
  countryCodeSchema,
  idSchema,
  instantSchema,
  lineSchema,
  exportCodesSchema,
  listFormatSchema,
  allowedActionsSchema,
  pageQuerySchema,
  sortOrderSchema,
  textSchema,
} from '../../platform/schemas.js';
import { READINESS_ITEMS } from './readiness.js';
import * as enums from '../../platform/db/enums.js';

// The levels live with the enums, so the web's choice lists read them without zod.
const { ILR_LEVELS } = enums;
export { ILR_LEVELS };
export const ilrSchema = z.enum(ILR_LEVELS);
export type IlrLevel = z.infer<typeof ilrSchema>;
/** Stored as its index: half steps, 0 = "0" … 10 = "5", so levels compare as numbers. */
export const ilrToNumber = (level: IlrLevel): number => ILR_LEVELS.indexOf(level);
export const ilrFromNumber = (value: number): IlrLevel => ILR_LEVELS[Math.max(0, Math.min(10, value))] as IlrLevel;
/** A level that may be unknown (null), to and from its stored number. */
export const levelToNumber = (level: IlrLevel | null): number | null => (level === null ? null : ilrToNumber(level));
export const levelFromNumber = (value: number | null): IlrLevel | null => (value === null ? null : ilrFromNumber(value));

const UNKNOWN_LEVEL_NOTE = 'null when the level is not known (a roster that named the language without a level): it meets no minimum level.';
/** A speaking or reading level, or null when it is not known. */
const skillLevelSchema = (what: string) => ilrSchema.nullable().describe(`${what} level on the ILR scale; ${UNKNOWN_LEVEL_NOTE}`);

export const languageCodeSchema = z
  .string()
  .refine((code) => /^[a-z]{2}$/.test(code) && ISO6391.validate(code), { message: 'must be an ISO 639-1 language code, such as ht' })
  .meta({ example: 'ht' });

export const languageSkillSchema = z
  .strictObject({
    language: languageCodeSchema,
    speaking: skillLevelSchema('Speaking').default(null),
    reading: skillLevelSchema('Reading').default(null),
  })
  .describe('A language the person speaks; a level left out or null is recorded as not known.');

export const SEXES = enums.SEXES;
export const PERSON_STATUSES = enums.PERSON_STATUSES;
export const readinessItemSchema = z.enum(READINESS_ITEMS);

const isUniqueBy =
  <T>(key: (item: T) => string) =>
  (list: T[]): boolean =>
    new Set(list.map(key)).size === list.length;
const specialtySchema = lineSchema(80).transform((value) => value.toLowerCase());

const personFields = {
  organizationId: idSchema,
  givenName: lineSchema(100),
  familyName: lineSchema(100),
  rankTitle: lineSchema(120).nullish(),
  email: z.email({ message: 'must be an email address' }).max(254).transform((v) => v.toLowerCase()).nullish(),
  phone: lineSchema(40).nullish(),
  sex: z.enum(SEXES).nullish().describe('Optional; used only for the disaggregated figures donors ask for.'),
  dateOfBirth: calendarDateSchema.nullish(),
  status: z.enum(PERSON_STATUSES).default('active'),
  notes: textSchema(4000).nullish(),
  languages: z
    .array(languageSkillSchema)
    .max(20)
    .refine(isUniqueBy((l: { language: string }) => l.language), { message: 'must not list a language twice' })
    .default([]),
  heritageCountries: z
    .array(countryCodeSchema)
    .max(10)
    .refine(isUniqueBy((c: string) => c), { message: 'must not list a country twice' })
    .default([]),
  specialties: z
    .array(specialtySchema)
    .max(30)
    .refine(isUniqueBy((s: string) => s), { message: 'must not list a specialty twice' })
    .default([]),
};

export const createPersonSchema = z.strictObject(personFields).meta({ id: 'CreatePerson' });
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z
  .strictObject({ ...personFields, status: z.enum(PERSON_STATUSES), languages: personFields.languages.removeDefault(), heritageCountries: personFields.heritageCountries.removeDefault(), specialties: personFields.specialties.removeDefault() })
  .partial()
  .meta({ id: 'UpdatePerson' });
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

export const setReadinessSchema = z
  .strictObject({
    completedOn: calendarDateSchema.nullish().describe('When it was issued, granted or completed. Required, except for a passport whose issue date is not known.'),
    expiresOn: calendarDateSchema.nullish(),
    reference: lineSchema(120).nullish().describe('A clearance level, case or certificate number.'),
    passportNumber: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 capital letters and digits')
      .nullish()
      .describe('Passport items only; encrypted at rest and shown masked.'),
  })
  .refine((v) => !v.expiresOn || !v.completedOn || v.expiresOn >= v.completedOn, { message: 'must not come before it was completed', path: ['expiresOn'] })
  .meta({ id: 'SetReadiness' });
export type SetReadinessInput = z.infer<typeof setReadinessSchema>;

export const readinessBadgeSchema = z.object({
  status: z.enum(['ready', 'expiring', 'not_ready']),
  reasons: z.array(z.string()),
});

export const readinessRecordSchema = z.object({
  item: readinessItemSchema,
  completedOn: calendarDateSchema.nullable().describe('Null only for a passport whose issue date is not known.'),
  expiresOn: calendarDateSchema.nullable(),
  reference: z.string().nullable(),
  passportNumberMasked: z.string().nullable().describe('Only the last characters; reveal with POST …/passport-number/reveal.'),
});

export const languageSkillViewSchema = z.object({ language: z.string(), speaking: skillLevelSchema('Speaking'), reading: skillLevelSchema('Reading') });

/** What may be done to one person: edit them, record their readiness, see their passport number. */
export const PERSON_ACTIONS = ['update', 'setReadiness', 'revealPassport'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** What every role that may see a person sees: names, agency, rank. */
const personNameFields = {
  id: idSchema,
  detail: z.enum(['names', 'full']).describe('names: only the name fields are shown to you.'),
  organizationId: idSchema,
  organizationName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  rankTitle: z.string().nullable(),
  allowedActions: allowedActionsSchema(PERSON_ACTIONS),
};

export const personSchema = z
  .object({
    ...personNameFields,
    status: z.enum(PERSON_STATUSES).optional(),
    languages: z.array(languageSkillViewSchema).optional(),
    heritageCountries: z.array(z.string()).optional(),
    specialties: z.array(z.string()).optional(),
    readiness: readinessBadgeSchema.optional(),
    version: z.number().int().optional(),
  })
  .meta({ id: 'Person', description: 'Viewers see the name fields only.' });
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema
  .extend({
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    sex: z.enum(SEXES).nullable().optional(),
    dateOfBirth: calendarDateSchema.nullable().optional(),
    notes: z.string().nullable().optional(),
    readinessItems: z.array(readinessRecordSchema).optional(),
    createdAt: instantSchema.optional(),
    updatedAt: instantSchema.optional(),
  })
  .meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const listPeopleQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of the name; accents and case do not count.'),
  organizationId: idSchema.optional(),
  language: languageCodeSchema.optional(),
  minSpeaking: ilrSchema
    .optional()
    .describe('With language: at least this speaking level; a level not known meets none above 0. Without it, everyone who speaks the language, whatever their level.'),
  specialty: z.string().trim().toLowerCase().max(80).optional(),
  heritageCountry: countryCodeSchema.optional(),
  readiness: z.enum(['ready', 'expiring', 'not_ready']).optional().describe('The badge as of today.'),
  status: z.enum(PERSON_STATUSES).optional(),
  importId: idSchema.optional().describe('Only the people this import created or changed (of those the caller may see).'),
  trainedFrom: calendarDateSchema.optional().describe('People who completed a course in an offering (not cancelled) that ended on or after this day.'),
  trainedTo: calendarDateSchema.optional().describe('… and on or before this day.'),
  trainedTrack: z.enum(TRACKS).optional().describe('… of a course on this track.'),
  trainedCountry: countryCodeSchema.optional().describe('… given in this country.'),
  order: sortOrderSchema,
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuerySchema>;
