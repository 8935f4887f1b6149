import { z } from 'zod';
import { countryCodeSchema, idSchema, instantSchema } from '../../platform/schemas.js';
import * as enums from '../../platform/db/enums.js';
import { trackSchema } from '../partnerships/partnerships.schemas.js';

export const reportYearSchema = z.coerce
  .number({ message: 'must be a year' })
  .int('must be a whole year')
  .min(1990, 'must be 1990 or later')
  .max(2100, 'must be 2100 or earlier');

export const dashboardQuerySchema = z.object({
  year: reportYearSchema.describe('The year the figures are for; stages and certifications are as they stood at its end (or today).'),
  track: trackSchema.optional(),
  country: countryCodeSchema.optional(),
  organizationId: idSchema.optional(),
});

const figureLink = z.string().describe('Where in Cadre the records behind this figure are listed.');
const generationSchema = z.object({ generation: z.number().int(), peopleTrained: z.number().int(), newInstructors: z.number().int() });

export const dashboardSchema = z
  .object({
    filters: z.object({ year: z.number().int(), track: z.string().nullable(), country: z.string().nullable(), organizationId: z.string().nullable() }),
    period: z.object({ from: z.string(), to: z.string(), asOf: z.string().describe('The day stages and certifications are taken at: the year’s end, or today for the year under way.') }),
    partners: z.object({
      total: z.number().int(),
      byKind: z.array(z.object({ kind: z.string(), stages: z.record(z.string(), z.number().int()), link: figureLink })),
      link: figureLink,
    }),
    engagements: z.object({ count: z.number().int(), link: figureLink }),
    overdueFollowUps: z.object({ count: z.number().int(), link: figureLink }),
    deployments: z.object({
      count: z.number().int(),
      inCountryNow: z.number().int(),
      personDays: z.number().int(),
      link: figureLink,
      inCountryLink: figureLink,
      personDaysLink: figureLink,
    }),
    instructors: z.object({ active: z.number().int(), expiringWithin90Days: z.number().int(), link: figureLink, expiringLink: figureLink }),
    trained: z.object({
      total: z.number().int(),
      link: figureLink,
      byCountry: z.array(
        z.object({ country: z.string(), total: z.number().int(), female: z.number().int(), male: z.number().int(), unrecorded: z.number().int(), link: figureLink }),
      ),
    }),
    cascade: z.object({ multiplier: z.number().nullable(), totalTrained: z.number().int(), generations: z.array(generationSchema), link: figureLink }),
    countriesAssisted: z.array(
      z.object({ country: z.string(), deployments: z.number().int(), peopleTrained: z.number().int(), deploymentsLink: figureLink, trainedLink: figureLink }),
    ),
    query: z.string().describe('The filters as a query string, to carry into links.'),
  })
  .meta({ id: 'Dashboard' });

export const yearsSchema = z.object({ years: z.array(z.number().int()).describe('Years with any activity, newest first.') });

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'json'] as const;
export const yearReportParamsSchema = z.object({ year: reportYearSchema });
export const yearReportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default('html').describe('`pdf` to print, `html` to read (it prints well too), `md` for editing, `json` for the figures alone.'),
});

export const iatiQuerySchema = z.object({ year: reportYearSchema });

export const startRunSchema = z
  .strictObject({
    kind: z.enum(enums.REPORT_RUN_KINDS),
    year: reportYearSchema,
    format: z.enum(REPORT_FORMATS).default('pdf').describe('For a year report; IATI is always XML.'),
  })
  .meta({ id: 'StartReportRun' });

export const reportRunSchema = z
  .object({
    id: idSchema,
    kind: z.string(),
    parameters: z.record(z.string(), z.unknown()),
    status: z.enum(enums.REPORT_RUN_STATUSES),
    progress: z.number().int().min(0).max(100),
    message: z.string().nullable().describe('The step under way, or why it failed.'),
    filename: z.string().nullable(),
    createdAt: instantSchema,
    finishedAt: instantSchema.nullable(),
    download: z.string().nullable().describe('Where to fetch the document once done.'),
  })
  .meta({ id: 'ReportRun' });
