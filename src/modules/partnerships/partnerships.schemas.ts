import { z } from 'zod';
import {
  allowedActionsSchema,
  calendarDateSchema,
  countryCodeSchema,
  idSchema,
  instantSchema,
  lineSchema,
  exportCodesSchema,
  listFormatSchema,
  pageQuerySchema,
  sortOrderSchema,
  textSchema,
} from '../../platform/schemas.js';
import { organizationKindSchema } from '../organizations/organizations.schemas.js';
import * as enums from '../../platform/db/enums.js';
import { type AgreementDateField, agreementDateProblems } from './partnerships.rules.js';
import { partnershipsText } from './partnerships.messages.js';
import { textIssue } from '../../platform/i18n/issue-text.js';

export const STAGES = enums.STAGES;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const TRACKS = enums.TRACKS;
export const trackSchema = z.enum(TRACKS);

export const AGREEMENT_KINDS = enums.AGREEMENT_KINDS;
export const agreementKindSchema = z.enum(AGREEMENT_KINDS);

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, textIssue(partnershipsText('field.noDuplicates')));

export const createPartnershipSchema = z
  .strictObject({
    organizationId: idSchema,
    stage: stageSchema.default('prospect'),
    startedOn: calendarDateSchema.optional().describe('When the relationship reached this stage; today if left out.'),
    ownerId: idSchema.nullish(),
    summary: textSchema(4000).nullish(),
    tracks: uniqueList(trackSchema, TRACKS.length).default([]),
    targetCountries: uniqueList(countryCodeSchema, 50).default([]),
  })
  .meta({ id: 'CreatePartnership' });
export type CreatePartnershipInput = z.infer<typeof createPartnershipSchema>;

export const updatePartnershipSchema = z
  .strictObject({
    ownerId: idSchema.nullable(),
    summary: textSchema(4000).nullable(),
    tracks: uniqueList(trackSchema, TRACKS.length),
    targetCountries: uniqueList(countryCodeSchema, 50),
  })
  .partial()
  .meta({ id: 'UpdatePartnership' });
export type UpdatePartnershipInput = z.infer<typeof updatePartnershipSchema>;

export const changeStageSchema = z
  .strictObject({
    stage: stageSchema,
    on: calendarDateSchema.optional().describe('The day the change happened; today if left out.'),
    note: textSchema(2000).nullish(),
  })
  .meta({ id: 'ChangeStage' });
export type ChangeStageInput = z.infer<typeof changeStageSchema>;

export const stageChangeSchema = z.object({
  id: idSchema,
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  changedOn: calendarDateSchema,
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  note: z.string().nullable(),
});

const agreementFields = {
  kind: agreementKindSchema,
  reference: lineSchema(80),
  title: lineSchema(200).nullish(),
  terms: textSchema(10_000).nullish(),
  signedOn: calendarDateSchema.nullish(),
  effectiveOn: calendarDateSchema.nullish().describe('When it takes effect, if later than signing.'),
  expiresOn: calendarDateSchema.nullish(),
  renewalDueOn: calendarDateSchema.nullish(),
  reimbursementCeilingCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().describe('Money is integer cents.'),
  currency: z.string().regex(/^[A-Z]{3}$/, partnershipsText('field.currency').in('en')).default('USD'),
};

/** The order of an agreement's dates, checked by the one rule the service also applies to a change merged with the record. */
const checkDates = (value: Partial<Record<AgreementDateField, string | null | undefined>>, ctx: z.RefinementCtx) => {
  for (const p of agreementDateProblems(value)) ctx.addIssue({ code: 'custom', path: [p.field], ...textIssue(p.message) });
};

export const createAgreementSchema = z.strictObject(agreementFields).superRefine(checkDates).meta({ id: 'CreateAgreement' });
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .strictObject(agreementFields)
  .omit({ currency: true })
  .extend({ currency: agreementFields.currency.removeDefault() })
  .partial()
  .superRefine(checkDates)
  .meta({ id: 'UpdateAgreement' });
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

/** What may be done to one agreement, and to one partnership. */
export const AGREEMENT_ACTIONS = ['update'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
export const PARTNERSHIP_ACTIONS = ['update', 'changeStage'] as const;
export type PartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];

export const AGREEMENT_STATUSES = ['unsigned', 'in_force', 'expired'] as const;

export const agreementSchema = z
  .object({
    id: idSchema,
    partnershipId: idSchema,
    organizationId: idSchema,
    organizationName: z.string(),
    kind: agreementKindSchema,
    reference: z.string(),
    title: z.string().nullable(),
    terms: z.string().nullable(),
    signedOn: calendarDateSchema.nullable(),
    effectiveOn: calendarDateSchema.nullable(),
    expiresOn: calendarDateSchema.nullable(),
    renewalDueOn: calendarDateSchema.nullable(),
    reimbursementCeilingCents: z.number().int().nullable(),
    currency: z.string(),
    status: z.enum(AGREEMENT_STATUSES).describe('Derived from the dates and today.'),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(AGREEMENT_ACTIONS),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreementSchema>;

export const partnershipSchema = z
  .object({
    id: idSchema,
    organization: z.object({ id: idSchema, name: z.string(), kind: organizationKindSchema, country: z.string() }),
    stage: stageSchema,
    stageChangedOn: calendarDateSchema,
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    summary: z.string().nullable(),
    tracks: z.array(trackSchema),
    targetCountries: z.array(z.string()),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(PARTNERSHIP_ACTIONS),
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof partnershipSchema>;

export const partnershipDetailSchema = partnershipSchema
  .extend({
    history: z.array(stageChangeSchema),
    agreements: z.array(agreementSchema),
    allowedStages: z.array(stageSchema).describe('The stages you may move this partnership to next: none unless you may change its stage.'),
  })
  .meta({ id: 'PartnershipDetail' });
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;

export const PARTNERSHIP_SORTS = ['name', 'stage', 'stageChangedOn'] as const;

export const listPartnershipsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  stage: stageSchema.optional(),
  track: trackSchema.optional(),
  targetCountry: countryCodeSchema.optional(),
  kind: organizationKindSchema.optional(),
  ownerId: idSchema.optional(),
  organizationId: idSchema.optional().describe('The partnership of one organization.'),
  country: countryCodeSchema.optional().describe('The organization is in this country, or the partnership aims at it.'),
  asOf: calendarDateSchema.optional().describe('The pipeline at the end of this day: `stage` is the stage then; partnerships begun later are left out.'),
  sort: z.enum(PARTNERSHIP_SORTS).default('name'),
  order: sortOrderSchema,
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListPartnershipsQuery = z.infer<typeof listPartnershipsQuerySchema>;

export const boardQuerySchema = z.object({
  kind: organizationKindSchema.optional(),
  country: countryCodeSchema.optional().describe('The organization is in this country, or the partnership aims at it.'),
  ownerId: idSchema.optional(),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

export const boardSchema = z
  .object({
    columns: z.array(z.object({ stage: stageSchema, count: z.number().int(), items: z.array(partnershipSchema) })),
  })
  .meta({ id: 'PartnershipBoard' });

export const listAgreementsQuerySchema = pageQuerySchema.extend({
  partnershipId: idSchema.optional(),
  renewalDueBy: calendarDateSchema.optional().describe('Agreements whose renewal falls due on or before this day and that have not yet expired.'),
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuerySchema>;
