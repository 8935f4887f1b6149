import i18next from '../i18n';
import { formatDateIn } from '../language/dates';
import { intlLocale } from '../language/languages';
import { countryList, languageList, type NamedCode, nameOfCountry, nameOfLanguage } from './names';

/** Formatting for the current language; calendar dates stay calendar dates (no time zone shift). */

/** The interface's language as Intl knows it. */
const locale = () => intlLocale(i18next.language);

export function formatDate(day: string | null | undefined): string {
  if (!day) return '';
  return formatDateIn(i18next.language, new Date(`${day}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}

/** A calendar date written out ("December 31, 2012"), as a verdict on a credential states it. */
export function formatLongDate(day: string | null | undefined): string {
  if (!day) return '';
  return formatDateIn(i18next.language, new Date(`${day}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}

// Apart, so that the print header (on every page) does not bring the name lists to the first page.
export { formatInstant } from './instant';

export function formatMoney(cents: number | null | undefined, currency = 'USD'): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(cents / 100);
}

// Apart, so that the header's counts do not bring the country and language names to the first page.
export { formatCount } from './count';

/** Today's calendar date where the user is, YYYY-MM-DD. */
export function todayIso(offsetDays = 0): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A country by its name in the current language ("Haiti"), as every picker offers it. */
export function countryName(code: string, language = i18next.language): string {
  return nameOfCountry(code, language);
}

/** Every ISO 3166-1 country, named in the current language and sorted by that name. */
export function countryOptions(language: string): NamedCode[] {
  return countryList(language);
}

/** `ht` → "Haitian Creole", in the current language. */
export function languageName(code: string, language = i18next.language): string {
  return nameOfLanguage(code, language);
}

/** Every ISO 639-1 language, named in the current language and sorted by that name, each name once. */
export function languageOptions(language: string): NamedCode[] {
  return languageList(language);
}

/** Days from one calendar date to another (0 for the same day), without time zones. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
