import ISO6391 from 'iso-639-1';
import type { Locale } from '../../platform/i18n/locales.js';
import { searchKey } from '../../platform/text.js';
import type { IlrLevel } from './people.schemas.js';

/**
 * Languages by the names people give them. The index is built from the names `Intl.DisplayNames`
 * gives every ISO 639-1 code Cadre accepts, in English, Spanish, French and Portuguese, with each
 * language's own name for itself; Intl has no Haitian Creole, so those names are listed by hand,
 * with the few other words rosters use that Intl does not (castellano, Creole alone).
 */

/** The ISO 639-1 codes Cadre accepts (`languageCodeSchema`). */
export const LANGUAGE_CODES: readonly string[] = ISO6391.getAllCodes();

/** The locales whose names of languages Intl knows; the fifth, Haitian Creole, is the list below. */
const NAME_LOCALES = ['en', 'es', 'fr', 'pt'] as const;

/** Names of languages in Haitian Creole, and a few words rosters use that Intl lacks. */
const HAND_NAMES: Record<string, readonly string[]> = {
  ht: ['kreyòl', 'kreyòl ayisyen', 'ayisyen', 'creole', 'créole', 'criollo', 'crioulo', 'crioulo haitiano'],
  fr: ['fransè'],
  en: ['anglè', 'angle'],
  es: ['panyòl', 'espanyòl', 'castellano'],
  pt: ['pòtigè', 'portigè'],
  de: ['alman'],
  it: ['italyen'],
  nl: ['olandè'],
  zh: ['chinwa', 'mandarin', 'mandarín'],
  ar: ['arab'],
  ru: ['ris'],
  ja: ['japonè'],
  fa: ['farsi'],
};

function displayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return Intl.DisplayNames.supportedLocalesOf([locale]).length ? new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }) : undefined;
  } catch {
    return undefined;
  }
}

/** A name's code, or null for a name two languages share at the same rank (isiNdebele). */
const byName = new Map<string, string | null>();

/**
 * Names are taken in ranks: the hand list, then the English names, then the other locales',
 * then each language's own name. A name already taken at a higher rank keeps its language
 * ("Akan" is ak, though Intl also calls Twi so); two languages claiming it at one rank make it
 * ambiguous, and it is refused rather than guessed.
 */
function addRank(names: Iterable<[string, string]>) {
  const rank = new Map<string, string | null>();
  for (const [name, code] of names) {
    const key = searchKey(name);
    if (!key || byName.has(key)) continue;
    rank.set(key, rank.has(key) && rank.get(key) !== code ? null : code);
  }
  for (const [key, code] of rank) byName.set(key, code);
}

function* namesIn(name: (code: string) => string | undefined): Generator<[string, string]> {
  for (const code of LANGUAGE_CODES) {
    const value = name(code);
    if (value) yield [value, code];
  }
}

addRank(Object.entries(HAND_NAMES).flatMap(([code, names]) => names.map((name): [string, string] => [name, code])));
addRank(namesIn((code) => ISO6391.getName(code)));
for (const locale of NAME_LOCALES) {
  const names = displayNames(locale);
  if (names) addRank(namesIn((code) => names.of(code)));
}
addRank(namesIn((code) => ISO6391.getNativeName(code)));
addRank(namesIn((code) => displayNames(code)?.of(code)));

/** The ISO 639-1 code a code or name stands for (case and accents do not count), or null. */
export function languageCode(text: string): string | null {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value) && ISO6391.validate(value.toLowerCase())) return value.toLowerCase();
  return byName.get(searchKey(value)) ?? null;
}

const englishNames = displayNames('en');

/** A language's English name, for the explanations the API writes ("Haitian Creole"). */
export function languageName(code: string): string {
  return englishNames?.of(code) ?? (ISO6391.getName(code) || code);
}

const namesByLocale = new Map<Locale, Intl.DisplayNames | undefined>();

/**
 * A language's name in a reader's language, for the sentences the API writes ("espagnol"): the
 * Kreyòl names listed above first (Intl has none), else Intl's (French forms for Haitian Creole).
 */
export function languageNameIn(code: string, locale: Locale): string {
  if (locale === 'en') return languageName(code);
  const kreyol = locale === 'ht' ? HAND_NAMES[code]?.[0] : undefined;
  if (kreyol) return kreyol;
  const intlLocale = locale === 'ht' ? 'fr' : locale;
  if (!namesByLocale.has(locale)) namesByLocale.set(locale, displayNames(intlLocale));
  return namesByLocale.get(locale)?.of(code) ?? languageName(code);
}

/**
 * A language as exports write it, and the people import reads it back: `es S3/R2`,
 * `es (level unknown)`, or `es S3/R?` when only one level is known.
 */
export function languageSkillText(skill: { language: string; speaking: IlrLevel | null; reading: IlrLevel | null }): string {
  if (skill.speaking === null && skill.reading === null) return `${skill.language} (level unknown)`;
  return `${skill.language} S${skill.speaking ?? '?'}/R${skill.reading ?? '?'}`;
}

/** A language as people read it in an export: "Spanish (speaking 3, reading 2)", as the web shows it. */
export function languageSkillWords(skill: { language: string; speaking: IlrLevel | null; reading: IlrLevel | null }): string {
  if (skill.speaking === null && skill.reading === null) return `${languageName(skill.language)} (level unknown)`;
  return `${languageName(skill.language)} (speaking ${skill.speaking ?? 'unknown'}, reading ${skill.reading ?? 'unknown'})`;
}
