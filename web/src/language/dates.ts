import { intlLocale } from './languages';

/**
 * Haitian Creole's months. ICU has no Kreyòl: Intl formats `ht` as French (Haiti), whose order
 * and numbers are Haiti's, but whose month names ("novembre") are French words on a Kreyòl page.
 */
const KREYOL_MONTHS = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'];

/**
 * A date as Intl formats it for the interface's language, with Kreyòl's own month names in
 * place of French's for `ht` (always written out: Kreyòl has no customary abbreviations).
 */
export function formatDateIn(language: string, date: Date, options: Intl.DateTimeFormatOptions): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), options);
  if (language !== 'ht' && !language.startsWith('ht-')) return format.format(date);
  const month = Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: options.timeZone }).format(date));
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' && Number.isNaN(Number(part.value)) ? (KREYOL_MONTHS[month - 1] ?? part.value) : part.value))
    .join('');
}
