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
import * as enums from '../../platform/db/enums.js';
import { followUpDueProblem } from './engagements.rules.js';
import { engagementsText } from './engagements.messages.js';
import { textIssue } from '../../platform/i18n/issue-text.js';

export const ENGAGEMENT_KINDS = enums.ENGAGEMENT_KINDS;
export const engagementKindSchema = z.enum(ENGAGEMENT_KINDS);

export const TASK_STATUSES = enums.TASK_STATUSES;
export const taskStatusSchema = z.enum(TASK_STATUSES);

export const participantInputSchema = z.strictObject({
  name: lineSchema(120),
  title: lineSchema(160).nullish(),
  organizationId: idSchema.nullish(),
});

export const followUpInputSchema = z.strictObject({
  title: lineSchema(200),
  ownerId: idSchema.nullish(),
  dueOn: calendarDateSchema,
  notes: textSchema(2000).nullish(),
});

const engagementFields = {
  organizationId: idSchema,
  kind: engagementKindSchema,
  occurredOn: calendarDateSchema,
  title: lineSchema(200),
  location: lineSchema(200).nullish(),
  summary: textSchema(10_000).nullish(),
  outcome: textSchema(4000).nullish(),
  participants: z.array(participantInputSchema).max(50).default([]),
};

export const createEngagementSchema = z
  .strictObject({
    ...engagementFields,
    followUps: z.array(followUpInputSchema).max(20).default([]).describe('Follow-up tasks created with the engagement.'),
  })
  .superRefine((value, ctx) => {
    value.followUps.forEach((followUp, index) => {
      const problem = followUpDueProblem(followUp.dueOn, value.occurredOn);
      if (problem) ctx.addIssue({ code: 'custom', path: ['followUps', index, 'dueOn'], ...textIssue(problem) });
    });
  })
  .meta({ id: 'CreateEngagement' });
export type CreateEngagementInput = z.infer<typeof createEngagementSchema>;

export const updateEngagementSchema = z
  .strictObject({ ...engagementFields, participants: z.array(participantInputSchema).max(50) })
  .omit({ organizationId: true })
  .partial()
  .meta({ id: 'UpdateEngagement' });
export type UpdateEngagementInput = z.infer<typeof updateEngagementSchema>;

export const participantSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
});

/** What may be done to one follow-up, and to one engagement. */
export const TASK_ACTIONS = ['update'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const ENGAGEMENT_ACTIONS = ['update', 'withdraw'] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];

export const taskSchema = z
  .object({
    id: idSchema,
    title: z.string(),
    notes: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueOn: calendarDateSchema,
    status: taskStatusSchema,
    isOverdue: z.boolean().describe('Open and due before today.'),
    completedAt: instantSchema.nullable().describe('When it was recorded as done.'),
    doneOn: calendarDateSchema.nullable().describe('The day it was done.'),
    engagementId: z.string().nullable(),
    engagementTitle: z.string().nullable(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(TASK_ACTIONS),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const engagementSchema = z
  .object({
    id: idSchema,
    organization: z.object({ id: idSchema, name: z.string() }),
    kind: engagementKindSchema,
    occurredOn: calendarDateSchema,
    title: z.string(),
    location: z.string().nullable(),
    summary: z.string().nullable(),
    outcome: z.string().nullable(),
    participants: z.array(participantSchema),
    withdrawal: z
      .object({ at: instantSchema, by: z.string().nullable(), byName: z.string().nullable(), reason: z.string() })
      .nullable()
      .describe('Set when the meeting was withdrawn as logged in error: it then counts in no list or figure.'),
    createdBy: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(ENGAGEMENT_ACTIONS),
  })
  .meta({ id: 'Engagement' });
export type Engagement = z.infer<typeof engagementSchema>;

export const engagementDetailSchema = engagementSchema.extend({ tasks: z.array(taskSchema) }).meta({ id: 'EngagementDetail' });
export type EngagementDetail = z.infer<typeof engagementDetailSchema>;

export const listEngagementsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of the title.'),
  organizationId: idSchema.optional(),
  kind: engagementKindSchema.optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  withdrawn: z.enum(['hidden', 'included', 'only']).optional().describe('Meetings withdrawn as logged in error: hidden (left out) unless asked for.'),
  track: z.enum(enums.TRACKS).optional().describe('With a partner on this track.'),
  country: countryCodeSchema.optional().describe('With a partner in this country, or whose partnership aims at it.'),
  order: sortOrderSchema.default('desc'),
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListEngagementsQuery = z.infer<typeof listEngagementsQuerySchema>;

export const createTaskSchema = z
  .strictObject({
    title: lineSchema(200),
    dueOn: calendarDateSchema,
    ownerId: idSchema.nullish(),
    notes: textSchema(2000).nullish(),
    engagementId: idSchema.nullish(),
    organizationId: idSchema.nullish().describe('Taken from the engagement when one is given.'),
  })
  .meta({ id: 'CreateTask' });
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z
  .strictObject({
    title: lineSchema(200),
    dueOn: calendarDateSchema,
    ownerId: idSchema.nullable(),
    notes: textSchema(2000).nullable(),
    status: taskStatusSchema.describe('done marks it done (on doneOn, today if left out); open reopens it.'),
    doneOn: calendarDateSchema.describe('The day it was done: with status done, or to correct the day of a task already done.'),
  })
  .partial()
  .superRefine((value, ctx) => {
    if (value.doneOn !== undefined && value.status !== undefined && value.status !== 'done') {
      ctx.addIssue({ code: 'custom', path: ['doneOn'], ...textIssue(engagementsText('doneOnOnlyWhenDoneField')) });
    }
  })
  .meta({ id: 'UpdateTask' });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const withdrawEngagementSchema = z
  .strictObject({ reason: lineSchema(500).describe('Why it was logged in error, such as "logged twice".') })
  .meta({ id: 'WithdrawEngagement' });
export type WithdrawEngagementInput = z.infer<typeof withdrawEngagementSchema>;

export const listTasksQuerySchema = pageQuerySchema.extend({
  status: taskStatusSchema.optional(),
  isOverdue: z.enum(['true', 'false']).optional().describe('true: open tasks due before today.'),
  ownerId: idSchema.optional(),
  organizationId: idSchema.optional(),
  engagementId: idSchema.optional(),
  dueBy: calendarDateSchema.optional(),
  dueFrom: calendarDateSchema.optional(),
  track: z.enum(enums.TRACKS).optional().describe('For a partner on this track.'),
  country: countryCodeSchema.optional().describe('For a partner in this country, or whose partnership aims at it.'),
  order: sortOrderSchema,
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;
