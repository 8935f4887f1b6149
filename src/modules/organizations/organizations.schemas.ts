import { z } from 'zod';
import {
  countryCodeSchema,
  idSchema,
  instantSchema,
  lineSchema,
  exportCodesSchema,
  listFormatSchema,
  pageQuerySchema,
  sortOrderSchema,
  subdivisionCodeSchema,
  textSchema,
  urlSchema,
  allowedActionsSchema,
} from '../../platform/schemas.js';
import * as enums from '../../platform/db/enums.js';
import { organizationsText } from './organizations.messages.js';
import { textIssue } from '../../platform/i18n/issue-text.js';

export const ORGANIZATION_KINDS = enums.ORGANIZATION_KINDS;
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

const organizationFields = {
  name: lineSchema(200),
  acronym: lineSchema(20).nullish(),
  kind: organizationKindSchema,
  country: countryCodeSchema,
  subdivision: subdivisionCodeSchema.nullish(),
  city: lineSchema(120).nullish(),
  parentId: idSchema.nullish(),
  website: urlSchema.nullish(),
  description: textSchema(4000).nullish(),
};

function subdivisionInCountry(value: { country?: string | undefined; subdivision?: string | null | undefined }) {
  return !value.subdivision || !value.country || value.subdivision.startsWith(`${value.country}-`);
}
const subdivisionIssue = {
  ...textIssue(organizationsText('subdivisionElsewhere')),
  path: ['subdivision'],
};

export const createOrganizationSchema = z
  .strictObject(organizationFields)
  .refine(subdivisionInCountry, subdivisionIssue)
  .meta({ id: 'CreateOrganization' });
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z
  .strictObject(organizationFields)
  .partial()
  .refine(subdivisionInCountry, subdivisionIssue)
  .meta({ id: 'UpdateOrganization' });
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;

/** What may be done to one organization. */
export const ORGANIZATION_ACTIONS = ['update', 'archive'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

export const organizationSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    acronym: z.string().nullable(),
    kind: organizationKindSchema,
    country: z.string(),
    subdivision: z.string().nullable(),
    city: z.string().nullable(),
    parentId: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    isArchived: z.boolean(),
    archivedAt: instantSchema.nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(ORGANIZATION_ACTIONS),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;

export const ORGANIZATION_SORTS = ['name', 'kind', 'country', 'createdAt'] as const;

export const listOrganizationsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of the name or acronym; accents and case do not count.'),
  kind: organizationKindSchema.optional(),
  country: countryCodeSchema.optional(),
  importId: idSchema.optional().describe('Only the organizations this import created or changed.'),
  archived: z
    .enum(['exclude', 'include', 'only'])
    .default('exclude')
    .describe('Whether archived organizations are listed.'),
  sort: z.enum(ORGANIZATION_SORTS).default('name'),
  order: sortOrderSchema,
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListOrganizationsQuery = z.infer<typeof listOrganizationsQuerySchema>;
