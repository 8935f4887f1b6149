import { intlLocale, type Locale } from './locales.js';

/**
 * Dates, numbers, lists and country names as a reader of each locale writes them. Intl does the
 * work; Haitian Creole, which ICU lacks, takes French forms with Kreyòl month and country names.
 */

const KREYOL_MONTHS = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'];
const KREYOL_COUNTRIES: Record<string, string> = {
  HT: 'Ayiti',
  US: 'Etazini',
  DO: 'Repiblik Dominikèn',
  SV: 'Salvadò',
  BR: 'Brezil',
  FR: 'Lafrans',
  CA: 'Kanada',
  MX: 'Meksik',
  GT: 'Gwatemala',
  HN: 'Ondiras',
  CO: 'Kolonbi',
  JM: 'Jamayik',
};

const cache = new Map<string, Intl.DateTimeFormat>();
function longDates(locale: Locale): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format;
}

const asDate = (dayOrInstant: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant) ? `${dayOrInstant}T00:00:00Z` : dayOrInstant);

type Part = { type: string; value: string; source?: string };
function joined(parts: Part[], locale: Locale, monthOf: (part: Part) => number): string {
  return parts.map((part) => (locale === 'ht' && part.type === 'month' ? (KREYOL_MONTHS[monthOf(part)] ?? part.value) : part.value)).join('');
}

/** A calendar day or an instant as a long date, read in UTC: "December 20, 2010", "20 de diciembre de 2010", "20 desanm 2010". */
export function formatDay(dayOrInstant: string, locale: Locale): string {
  const date = asDate(dayOrInstant);
  if (Number.isNaN(date.getTime())) return dayOrInstant;
  return joined(longDates(locale).formatToParts(date), locale, () => date.getUTCMonth());
}

/** Two days as one long range: "May 3 – 14, 2010", "3–14 de mayo de 2010". */
export function formatDayRange(start: string, end: string, locale: Locale): string {
  if (start === end) return formatDay(start, locale);
  const [from, to] = [asDate(start), asDate(end)];
  return joined(longDates(locale).formatRangeToParts(from, to), locale, (part) => (part.source === 'startRange' ? from : to).getUTCMonth());
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** Items joined as the language joins a list: "A, B and C", "A, B y C", "A, B et C". */
export function formatList(items: readonly string[], locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  if (locale === 'ht') {
    // ICU's French list would say "et"; Kreyòl says "ak" and "oswa".
    if (items.length < 2) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${type === 'conjunction' ? 'ak' : 'oswa'} ${items.at(-1)}`;
  }
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type }).format(items);
}

/** A country's name from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, locale: Locale): string {
  if (locale === 'ht' && KREYOL_COUNTRIES[code]) return KREYOL_COUNTRIES[code];
  return new Intl.DisplayNames([intlLocale(locale)], { type: 'region', fallback: 'code' }).of(code) ?? code;
}
