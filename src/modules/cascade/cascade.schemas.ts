import { z } from 'zod';
import { TRACKS } from '../../platform/db/enums.js';
import { countryCodeSchema, exportCodesSchema, idSchema } from '../../platform/schemas.js';

export const programQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  track: z.enum(TRACKS).optional().describe('Trainings in courses of this track.'),
  country: countryCodeSchema.optional().describe('Trainings given in this country.'),
  organizationId: idSchema.optional().describe('Trainees of this agency.'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json').describe('csv or xlsx: the table by generation, country and year.'),
  codes: exportCodesSchema,
});

export const programCascadeSchema = z
  .object({
    year: z.number().int().nullable(),
    filters: z.object({ track: z.string().nullable(), country: z.string().nullable(), organizationId: z.string().nullable() }).describe('The filters the trainings counted were chosen by.'),
    generationZero: z.number().int().describe('The program office’s own instructors.'),
    generations: z.array(z.object({ generation: z.number().int(), peopleTrained: z.number().int(), newInstructors: z.number().int() })),
    byCountry: z.array(z.object({ country: z.string(), generation: z.number().int(), peopleTrained: z.number().int() })),
    byYear: z.array(z.object({ year: z.number().int(), generation: z.number().int(), peopleTrained: z.number().int() })),
    totalTrained: z.number().int(),
    trainedByGenerationZero: z.number().int(),
    multiplier: z.number().nullable().describe('Everyone trained ÷ those trained by generation 0.'),
  })
  .meta({ id: 'ProgramCascade' });

export const instructorCascadeQuerySchema = z.object({
  maxNodes: z.coerce.number().int().min(1).max(5000).default(500).describe('The tree is cut after this many people (the counts are not).'),
});

export const instructorCascadeSchema = z
  .object({
    instructor: z.object({ id: idSchema, name: z.string(), organizationName: z.string() }),
    reach: z.number().int().describe('Distinct people trained downstream.'),
    byDepth: z.array(z.object({ depth: z.number().int(), people: z.number().int() })),
    byCountry: z.array(z.object({ country: z.string(), people: z.number().int() })),
    nodes: z.array(
      z.object({
        personId: idSchema,
        name: z.string(),
        organizationName: z.string(),
        parentId: idSchema,
        depth: z.number().int(),
        country: z.string(),
        year: z.number().int(),
        hasTaught: z.boolean().nullable().describe('From the follow-up, when one was recorded.'),
      }),
    ),
    isTruncated: z.boolean(),
  })
  .meta({ id: 'InstructorCascade' });
