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
import { trackSchema } from '../partnerships/partnerships.schemas.js';
import { ilrSchema, languageCodeSchema } from '../people/people.schemas.js';
import * as enums from '../../platform/db/enums.js';
import { textIssue } from '../../platform/i18n/issue-text.js';
import { cancelNoteProblem, spanProblems } from './deployments.rules.js';

/** Start and end in order, by the rule the services check too (on the stored record merged with the change). */
const checkSpan = (value: { startOn?: string | null | undefined; endOn?: string | null | undefined }, ctx: z.RefinementCtx) => {
  for (const p of spanProblems(value)) ctx.addIssue({ code: 'custom', path: [p.field], ...textIssue(p.message) });
};

export const DEPLOYMENT_STATUSES = enums.DEPLOYMENT_STATUSES;
export const deploymentStatusSchema = z.enum(DEPLOYMENT_STATUSES);
export type DeploymentStatus = z.infer<typeof deploymentStatusSchema>;

export const PURPOSES = enums.PURPOSES;
export const purposeSchema = z.enum(PURPOSES);

export const ASSIGNMENT_STATUSES = enums.ASSIGNMENT_STATUSES;
export const assignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

export const ASSIGNMENT_ROLES = enums.ASSIGNMENT_ROLES;
export const assignmentRoleSchema = z.enum(ASSIGNMENT_ROLES);

const distinct = (list: string[]) => new Set(list).size === list.length;
const requiredLanguageSchema = z.strictObject({ language: languageCodeSchema, minSpeaking: ilrSchema });

const deploymentFields = {
  title: lineSchema(200),
  hostCountry: countryCodeSchema,
  hostOrganizationId: idSchema.nullish(),
  track: trackSchema,
  purposes: z.array(purposeSchema).min(1, 'must name at least one purpose').refine(distinct, { message: 'must not list a purpose twice' }),
  requiredLanguages: z
    .array(requiredLanguageSchema)
    .max(10)
    .refine((list) => distinct(list.map((l) => l.language)), { message: 'must not list a language twice' })
    .default([])
    .describe('Any one of these, at its level, qualifies a candidate.'),
  specialties: z
    .array(lineSchema(80).transform((s) => s.toLowerCase()))
    .max(20)
    .refine(distinct, { message: 'must not list a specialty twice' })
    .default([]),
  isHighThreat: z.boolean().default(false).describe('A high-threat post also requires security-environment training.'),
  summary: textSchema(4000).nullish(),
};

export const createDeploymentSchema = z
  .strictObject({
    ...deploymentFields,
    startOn: calendarDateSchema,
    endOn: calendarDateSchema.optional().describe('90 days from the start (both counted) if left out.'),
    authorizedHeadcount: z.number().int().min(1).max(500),
    plannedOn: calendarDateSchema.optional().describe('The day planning began, when recorded later (not in the future); today if left out.'),
  })
  .superRefine(checkSpan)
  .meta({ id: 'CreateDeployment' });
export type CreateDeploymentInput = z.infer<typeof createDeploymentSchema>;

export const updateDeploymentSchema = z
  .strictObject({
    ...deploymentFields,
    requiredLanguages: deploymentFields.requiredLanguages.removeDefault(),
    specialties: deploymentFields.specialties.removeDefault(),
    isHighThreat: z.boolean(),
    startOn: calendarDateSchema.describe('The first rotation starts with it; assignments on the planned start follow.'),
    endOn: calendarDateSchema.describe('The last rotation ends with it; assignments on the planned end follow.'),
    authorizedHeadcount: z.number().int().min(1).max(500).describe('For a deployment of one rotation: its places.'),
  })
  .partial()
  .superRefine(checkSpan)
  .meta({ id: 'UpdateDeployment' });
export type UpdateDeploymentInput = z.infer<typeof updateDeploymentSchema>;

export const changeDeploymentStatusSchema = z
  .strictObject({
    status: deploymentStatusSchema,
    note: textSchema(2000).nullish().describe('Required to cancel: why the deployment will not happen.'),
    on: calendarDateSchema.optional().describe('Staff only: the day it happened, when recorded later (not in the future); today if left out.'),
  })
  .superRefine((value, ctx) => {
    const problem = cancelNoteProblem(value.status, value.note);
    if (problem) ctx.addIssue({ code: 'custom', path: ['note'], ...textIssue(problem) });
  })
  .meta({ id: 'ChangeDeploymentStatus' });
export type ChangeDeploymentStatusInput = z.infer<typeof changeDeploymentStatusSchema>;

export const createRotationSchema = z
  .strictObject({
    startOn: calendarDateSchema,
    endOn: calendarDateSchema.optional().describe('90 days from the start if left out.'),
    authorizedHeadcount: z.number().int().min(1).max(500),
  })
  .superRefine(checkSpan)
  .meta({ id: 'CreateRotation' });
export type CreateRotationInput = z.infer<typeof createRotationSchema>;

export const updateRotationSchema = z
  .strictObject({ startOn: calendarDateSchema, endOn: calendarDateSchema, authorizedHeadcount: z.number().int().min(1).max(500) })
  .partial()
  .superRefine(checkSpan)
  .meta({ id: 'UpdateRotation' });
export type UpdateRotationInput = z.infer<typeof updateRotationSchema>;

/** What may be done to one deployment. */
export const DEPLOYMENT_ACTIONS = ['update', 'changeStatus', 'addRotation', 'updateRotation', 'nominate'] as const;
export type DeploymentAction = (typeof DEPLOYMENT_ACTIONS)[number];

/** What may be done to one assignment: move it to one of these statuses, or extend it. */
export const ASSIGNMENT_ACTIONS = [...ASSIGNMENT_STATUSES, 'extend'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export const rotationSchema = z.object({
  id: idSchema,
  sequence: z.number().int(),
  startOn: calendarDateSchema,
  endOn: calendarDateSchema,
  authorizedHeadcount: z.number().int(),
  selectedCount: z.number().int().describe('Selected, ready or deployed.'),
  deployedCount: z.number().int().describe('Deployed now or returned.'),
  version: z.number().int(),
});

export const deploymentSchema = z
  .object({
    id: idSchema,
    title: z.string(),
    hostCountry: z.string(),
    hostOrganization: z.object({ id: idSchema, name: z.string() }).nullable(),
    track: trackSchema,
    purposes: z.array(purposeSchema),
    status: deploymentStatusSchema,
    startOn: calendarDateSchema,
    endOn: calendarDateSchema,
    requiredLanguages: z.array(z.object({ language: z.string(), minSpeaking: ilrSchema })),
    specialties: z.array(z.string()),
    isHighThreat: z.boolean(),
    summary: z.string().nullable(),
    rotations: z.array(rotationSchema),
    personDays: z.number().int().describe('Days deployed, summed over people, as of today.'),
    allowedStatuses: z.array(deploymentStatusSchema).describe('The statuses the deployment’s rules let it move to; whether you may is in allowedActions (changeStatus).'),
    allowedActions: allowedActionsSchema(DEPLOYMENT_ACTIONS),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Deployment' });
export type Deployment = z.infer<typeof deploymentSchema>;

export const assignmentSchema = z
  .object({
    id: idSchema,
    deploymentId: idSchema,
    deploymentTitle: z.string(),
    rotationId: idSchema,
    rotationSequence: z.number().int(),
    person: z.object({ id: idSchema, name: z.string(), organizationId: idSchema, organizationName: z.string() }),
    role: assignmentRoleSchema,
    status: assignmentStatusSchema,
    startOn: calendarDateSchema,
    endOn: calendarDateSchema,
    deployedOn: calendarDateSchema.nullable(),
    returnedOn: calendarDateSchema.nullable(),
    withdrawnReason: z.string().nullable(),
    personDays: z.number().int(),
    blockers: z
      .array(z.object({ rule: z.string(), detail: z.string() }))
      .optional()
      .describe('What stops this person deploying for these dates (staff and the person’s coordinator see it).'),
    allowedStatuses: z.array(assignmentStatusSchema).describe('The statuses you may move this assignment to (the statuses among allowedActions).'),
    allowedActions: allowedActionsSchema(ASSIGNMENT_ACTIONS),
    version: z.number().int(),
  })
  .meta({ id: 'Assignment' });
export type Assignment = z.infer<typeof assignmentSchema>;

export const deploymentDetailSchema = deploymentSchema
  .extend({
    assignments: z.array(assignmentSchema),
    history: z.array(
      z.object({
        fromStatus: deploymentStatusSchema.nullable(),
        toStatus: deploymentStatusSchema,
        changedAt: instantSchema,
        changedByName: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DeploymentDetail' });
export type DeploymentDetail = z.infer<typeof deploymentDetailSchema>;

export const listDeploymentsQuerySchema = pageQuerySchema.extend({
  format: listFormatSchema,
  codes: exportCodesSchema,
  status: deploymentStatusSchema.optional(),
  hostCountry: countryCodeSchema.optional(),
  from: calendarDateSchema.optional().describe('Deployments running on or after this day.'),
  to: calendarDateSchema.optional().describe('Deployments running on or before this day.'),
  track: trackSchema.optional(),
  cancelled: z.enum(['include', 'exclude', 'only']).optional().describe('Cancelled deployments (that never happened): listed (the default), left out, or alone.'),
  organizationId: idSchema.optional().describe('Hosted by this organization, or with one of its people assigned (not withdrawn).'),
  order: sortOrderSchema.default('desc'),
});
export type ListDeploymentsQuery = z.infer<typeof listDeploymentsQuerySchema>;

export const nominateSchema = z
  .strictObject({
    personId: idSchema,
    rotationId: idSchema.optional().describe('The latest rotation if left out.'),
    role: assignmentRoleSchema,
    startOn: calendarDateSchema.optional().describe('The rotation’s dates if left out.'),
    endOn: calendarDateSchema.optional(),
  })
  .superRefine(checkSpan)
  .meta({ id: 'Nominate' });
export type NominateInput = z.infer<typeof nominateSchema>;

export const ASSIGNMENT_TARGETS = ['selected', 'ready', 'deployed', 'returned', 'withdrawn', 'nominated'] as const;
export const changeAssignmentStatusSchema = z
  .strictObject({
    status: z.enum(ASSIGNMENT_TARGETS),
    on: calendarDateSchema.optional().describe('For deployed and returned: the day it happened (the planned start, or today).'),
    reason: textSchema(1000).nullish().describe('Required to withdraw.'),
  })
  .meta({ id: 'ChangeAssignmentStatus' });
export type ChangeAssignmentStatusInput = z.infer<typeof changeAssignmentStatusSchema>;

export const extendAssignmentSchema = z
  .strictObject({ endOn: calendarDateSchema, reason: textSchema(1000).nullish() })
  .meta({ id: 'ExtendAssignment' });

export const candidateSchema = z
  .object({
    person: z.object({ id: idSchema, name: z.string(), organizationId: idSchema, organizationName: z.string() }),
    score: z.number().describe('0–100: the sum of the components.'),
    components: z.array(
      z.object({ factor: z.enum(['track', 'language', 'heritage', 'specialty', 'availability', 'readiness']), points: z.number(), max: z.number(), detail: z.string() }),
    ),
    isAvailable: z.boolean(),
    isReady: z.boolean(),
    isInTrack: z.boolean().describe('Of the deployment’s track (agency partnership, training taken or taught): ranked before those who are not.'),
    languageLevelsUnknown: z
      .array(z.string())
      .describe('Required languages the person speaks at a level not recorded: they meet no minimum (earn no language points) until a level is recorded.'),
  })
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof candidateSchema>;

const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const candidatesQuerySchema = z
  .object({
    rotationId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(25),
    isReady: queryFlag.optional().describe('true: only people ready for the rotation’s dates.'),
    organizationId: idSchema.optional().describe('Only this agency’s people.'),
    track: trackSchema.optional().describe('Only people of this track (agency partnership, training taken or taught).'),
    language: languageCodeSchema.optional().describe('Only people who speak this language…'),
    minSpeaking: ilrSchema.optional().describe('…at least at this level (a level not recorded meets none above 0).'),
  })
  .refine((v) => v.minSpeaking === undefined || v.language !== undefined, { message: 'needs a language', path: ['minSpeaking'] });
export type CandidatesQuery = z.infer<typeof candidatesQuerySchema>;

/** A timeline spans at most five years, so one request cannot ask for every assignment ever made. */
export const timelineQuerySchema = z
  .object({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((v) => v.to >= v.from, { message: 'must not come before from', path: ['to'] })
  .refine((v) => Number(v.to.slice(0, 4)) - Number(v.from.slice(0, 4)) <= 5, { message: 'must be within five years of from', path: ['to'] });

export const personDaysQuerySchema = z.object({
  groupBy: z.enum(['deployment', 'country', 'organization', 'year']),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Count only the days that fall in this year.'),
  track: trackSchema.optional().describe('Deployments on this track.'),
  country: countryCodeSchema.optional().describe('Deployments to this country.'),
  organizationId: idSchema.optional().describe('The officers of this agency.'),
});
export type PersonDaysQuery = z.infer<typeof personDaysQuerySchema>;

export const personDaysSchema = z.object({
  groupBy: z.enum(['deployment', 'country', 'organization', 'year']),
  rows: z.array(z.object({ key: z.string(), label: z.string(), people: z.number().int(), personDays: z.number().int() })),
  total: z.number().int(),
});
