import { countries } from './countries.js';
import { z } from 'zod';

/**
 * Building blocks shared by every module's request and response schemas (and by the web app's
 * forms, which import them, so the browser and the server check input the same way).
 */

export const idSchema = z.uuid({ message: 'must be a UUID' });

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day that exists in the Gregorian calendar, written YYYY-MM-DD (checked for every date of every imported row). */
export function isCalendarDate(value: string): boolean {
  const parts = CALENDAR_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (MONTH_DAYS[month - 1] as number));
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD' })
  .meta({ format: 'date', example: '2010-12-20' });

export const instantSchema = z.string().meta({ format: 'date-time' });

export const countryCodeSchema = z
  .string()
  .refine((value) => /^[A-Z]{2}$/.test(value) && countries.isValid(value), {
    message: 'must be an ISO 3166-1 alpha-2 country code, such as HT',
  })
  .meta({ example: 'HT' });

export const subdivisionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code, such as US-NY')
  .meta({ example: 'US-NY' });

/** Free text on one line: trimmed, not empty, bounded. */
export const lineSchema = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max);

/** Free text that may run to paragraphs. */
export const textSchema = (max = 10_000) => z.string().max(max);

export const urlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
  .max(500);

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to read the next page; null on the last page.'),
    total: z.number().int().optional().describe('How many match in all, on the first page of a list that counts them.'),
  });
}

export const sortOrderSchema = z.enum(['asc', 'desc']).default('asc');

export const listFormatSchema = z
  .enum(['json', 'csv', 'xlsx'])
  .default('json')
  .describe(
    '`csv` or `xlsx` answers every matching record (all pages, with the filters applied) as a spreadsheet file for people: readable headers, labels for codes, Yes/No, dates as dates; text a spreadsheet would run as a formula is neutralised. Add `codes=true` for scripts.',
  );

/** Whether an export is for scripts: stable snake_case headers and the stored codes. */
export const exportCodesSchema = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()
  .describe('With `format=csv|xlsx`: `true` writes snake_case column keys and stored codes (`not_ready`, `municipal_police`, `true`) instead of headers and labels, for scripts.');

/** What the caller may do with a record, decided by the server's access policy and the record's state; the web offers exactly these. */
export function allowedActionsSchema<const A extends readonly [string, ...string[]]>(actions: A) {
  return z.array(z.enum(actions)).describe('What you may do with this record: the server decides, from your role and the record’s state.');
}
