import { z } from 'zod';
import { allowedActionsSchema, idSchema, instantSchema, lineSchema, pageQuerySchema, textSchema } from '../../platform/schemas.js';
import { trackSchema } from '../partnerships/partnerships.schemas.js';
import { languageCodeSchema } from '../people/people.schemas.js';
import * as enums from '../../platform/db/enums.js';

export const COURSE_LEVELS = enums.COURSE_LEVELS;
export const courseLevelSchema = z.enum(COURSE_LEVELS);

/** What changes make a new version of a course; offerings keep the version they taught. */
const contentFields = {
  title: lineSchema(200),
  hours: z.number().int().min(1).max(2000),
  description: textSchema(10_000).nullish(),
};

export const createCourseSchema = z
  .strictObject({
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, 'must be 2 to 30 capital letters, digits and hyphens, such as CORR-TOT-1'),
    track: trackSchema,
    level: courseLevelSchema,
    language: languageCodeSchema,
    grantsCredentialId: idSchema.nullish(),
    requiresCredentialId: idSchema.nullish().describe('Instructors must hold it, active, on the start date.'),
    ...contentFields,
  })
  .meta({ id: 'CreateCourse' });
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

export const updateCourseSchema = z
  .strictObject({
    track: trackSchema,
    level: courseLevelSchema,
    language: languageCodeSchema,
    grantsCredentialId: idSchema.nullable(),
    requiresCredentialId: idSchema.nullable(),
    isArchived: z.boolean(),
    ...contentFields,
    description: textSchema(10_000).nullable(),
  })
  .partial()
  .meta({ id: 'UpdateCourse', description: 'A change of title, hours or description makes a new version of the course.' });
export type UpdateCourseInput = z.infer<typeof updateCourseSchema>;

export const courseVersionSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  title: z.string(),
  hours: z.number().int(),
  description: z.string().nullable(),
  createdAt: instantSchema,
});

/** What may be done to one course. */
export const COURSE_ACTIONS = ['update'] as const;
export type CourseAction = (typeof COURSE_ACTIONS)[number];

export const courseSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    track: trackSchema,
    level: courseLevelSchema,
    language: z.string(),
    title: z.string(),
    hours: z.number().int(),
    description: z.string().nullable(),
    currentVersion: z.number().int(),
    grantsCredential: z.object({ id: idSchema, name: z.string() }).nullable(),
    requiresCredential: z.object({ id: idSchema, name: z.string() }).nullable(),
    isArchived: z.boolean(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int(),
    allowedActions: allowedActionsSchema(COURSE_ACTIONS),
  })
  .meta({ id: 'Course' });
export type Course = z.infer<typeof courseSchema>;

export const courseDetailSchema = courseSchema.extend({ versions: z.array(courseVersionSchema) }).meta({ id: 'CourseDetail' });

export const listCoursesQuerySchema = pageQuerySchema.extend({
  track: trackSchema.optional(),
  level: courseLevelSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListCoursesQuery = z.infer<typeof listCoursesQuerySchema>;
