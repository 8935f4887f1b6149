import { Temporal } from 'temporal-polyfill';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, with Temporal's PlainDate: no time zone,
 * and months that clamp at their end (31 August plus six months is 28 February).
 */

const plain = (day: string) => Temporal.PlainDate.from(day);

// Rules ask the same few sums again and again (a deadline per period, for thousands of people);
// the polyfill is slow enough that remembering them pays.
const sums = new Map<string, string>();
function remembered(key: string, compute: () => string): string {
  let value = sums.get(key);
  if (value === undefined) {
    if (sums.size >= 10_000) sums.clear();
    value = compute();
    sums.set(key, value);
  }
  return value;
}

export function addDays(day: string, days: number): string {
  return remembered(`${day}+${days}d`, () => plain(day).add({ days }).toString());
}

export function addMonths(day: string, months: number): string {
  return remembered(`${day}+${months}m`, () => plain(day).add({ months }).toString());
}

/** Days from `start` to `end`, both counted: the same day is one day. */
export function daysInclusive(start: string, end: string): number {
  return plain(start).until(plain(end), { largestUnit: 'days' }).days + 1;
}

/** True when the two inclusive periods share at least one day. */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** A field of a span and what is wrong with it, in the words the API and the web both show. */
export interface DateProblem {
  field: 'startOn' | 'endOn';
  message: string;
}

/** A span's end may fall on its start day, never before it; either end left out is not checked here. */
export function spanProblems(span: { startOn?: string | null | undefined; endOn?: string | null | undefined }): DateProblem[] {
  return span.startOn && span.endOn && span.endOn < span.startOn ? [{ field: 'endOn', message: 'must not come before the start' }] : [];
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`YYYY-MM-DD`) or an instant as the long date a reader writes ("December 20,
 * 2010" in en-US), read in UTC so a day never shifts; what is not a date is returned as it came.
 */
export function longDate(dayOrInstant: string, locale = 'en-US'): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant) ? `${dayOrInstant}T00:00:00Z` : dayOrInstant);
  if (Number.isNaN(date.getTime())) return dayOrInstant;
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(locale, format);
  }
  return format.format(date);
}
