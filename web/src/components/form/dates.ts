/**
 * Calendar dates as people write them where they are: "12/31/2010" in the United States,
 * "31/12/2010" in France, "31.12.2010" in Germany. The order and separator come from the locale
 * (`Intl.DateTimeFormat(locale).formatToParts`), so the example a field gives, the way it reads
 * what is typed and the way it shows a date all agree. The API still receives `YYYY-MM-DD`.
 */

import { intlLocale } from '../../language/languages';

type Part = 'year' | 'month' | 'day';

interface DatePattern {
  order: Part[];
  separator: string;
}

const patterns = new Map<string, DatePattern>();

const numeric = (locale: string) => new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

function patternOf(locale: string): DatePattern {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const parts = numeric(locale).formatToParts(new Date(Date.UTC(2010, 11, 31)));
    const order = parts.flatMap((part) => (part.type === 'year' || part.type === 'month' || part.type === 'day' ? [part.type] : []));
    const separator = parts.find((part) => part.type === 'literal')?.value.trim() || '/';
    pattern = order.length === 3 ? { order, separator } : { order: ['month', 'day', 'year'], separator: '/' };
    patterns.set(locale, pattern);
  }
  return pattern;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `2010-12-31` → "12/31/2010" (en-US); anything that is not such a date is returned as it is. */
export function formatDateInput(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const values: Record<Part, string> = { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
  const { order, separator } = patternOf(locale);
  return order.map((part) => values[part]).join(separator);
}

/** The example a date field gives: the last day of 2010, written as the locale writes it. */
export function dateExample(locale: string): string {
  return formatDateInput('2010-12-31', locale);
}

/**
 * What someone typed, read in the locale's order ("12/31/2010", "31.12.2010"), or written
 * `YYYY-MM-DD`; any of / . - or a space between the numbers. Null when it is no real date.
 */
export function parseDateInput(text: string, locale: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = value.split(/\s*[/.\-\s]\s*/).filter(Boolean);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n))) return null;
  const values: Partial<Record<Part, string>> = {};
  patternOf(locale).order.forEach((part, index) => (values[part] = numbers[index]));
  const { year = '', month = '', day = '' } = values;
  if (year.length !== 4 || month.length > 2 || day.length > 2) return null;
  return isoOf(Number(year), Number(month), Number(day));
}

/** Whether a form value is a real date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** The name of the check a date field registers, which the resolver runs when the schema refuses the field. */
export const DATE_CHECK = 'calendarDate';

/**
 * What is wrong with a date field's value, in the words of a date field: nothing typed, or
 * something that is no real date; null when it is a date (another rule refused it, in its words).
 */
export function dateProblem(value: unknown, locale: string, t: (key: 'form.dateMissing' | 'form.dateInvalid', options?: { example: string }) => string): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return t('form.dateMissing');
  return isIsoDate(text) ? null : t('form.dateInvalid', { example: dateExample(locale) });
}
