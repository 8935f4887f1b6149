import { longDate } from '../../platform/dates.js';

/**
 * Dates, numbers and lists as the report's reader writes them, through Intl: a locale can be
 * passed once the report is translated.
 */
export interface ReportFormats {
  locale: string;
  /** A calendar day (YYYY-MM-DD) as a long date: "December 20, 2010". */
  date(day: string): string;
  number(n: number): string;
  decimal(n: number): string;
  /** "A, B and C" in the reader's style. */
  list(items: readonly string[]): string;
  /** A count a reader takes in at a glance: "over 200" for 236, exact when small or round. */
  atLeast(n: number): string;
}

export function reportFormats(locale = 'en-US'): ReportFormats {
  const numbers = new Intl.NumberFormat(locale);
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    locale,
    date: (day) => longDate(day, locale),
    number: (n) => numbers.format(n),
    decimal: (n) => decimals.format(n),
    list: (items) => lists.format(items),
    atLeast(n) {
      if (n < 100) return numbers.format(n);
      // Two significant figures past a thousand (1,200), one below it (200).
      const step = 10 ** (Math.floor(Math.log10(n)) - (n >= 1000 ? 1 : 0));
      const floor = Math.floor(n / step) * step;
      return floor === n ? numbers.format(n) : `over ${numbers.format(floor)}`;
    },
  };
}
