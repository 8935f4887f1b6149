import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import { isCalendarDate } from '../../platform/schemas.js';
import { searchKey } from '../../platform/text.js';
import * as enums from '../../platform/db/enums.js';

/**
 * Turning what people type into spreadsheets into the values Cadre stores: dates in the order
 * the file uses, countries and languages by code or by name in English, Spanish, French and
 * Portuguese, and the few words that stand for a sex or a status. Nothing here guesses: a value
 * that could mean two things is a problem, not a choice.
 */

export const DATE_FORMATS = enums.DATE_FORMATS;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How a text reads as a date: one reading, day-first only, month-first only, or either. */
export type DateReading = 'exact' | 'dmy' | 'mdy' | 'either';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'janeiro'],
  ['february', 'feb', 'febrero', 'fevrier', 'fev', 'fevereiro', 'fevr'],
  ['march', 'mar', 'marzo', 'mars', 'marco'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr'],
  ['may', 'mayo', 'mai', 'maio'],
  ['june', 'jun', 'junio', 'juin', 'junho'],
  ['july', 'jul', 'julio', 'juillet', 'juil', 'julho'],
  ['august', 'aug', 'agosto', 'ago', 'aout'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre', 'setembro'],
  ['october', 'oct', 'octubre', 'octobre', 'outubro', 'out'],
  ['november', 'nov', 'noviembre', 'novembre', 'novembro'],
  ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezembro', 'dez'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const SHORT_YEAR = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/;
const DAY_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th|er|o|º)?[\s\-/.]+(?:de\s+)?([a-z]+)\.?[\s\-/.,]+(?:de\s+)?(\d{4})$/;
const NAME_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

interface Reading {
  kind: DateReading;
  /** The date read day-first, month-first, or the one reading. */
  dmy?: string;
  mdy?: string;
  exact?: string;
}

function read(text: string): Reading | 'short_year' | null {
  const value = text.trim();
  let m = YEAR_FIRST.exec(value);
  if (m) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return isCalendarDate(date) ? { kind: 'exact', exact: date } : null;
  }
  m = NUMERIC.exec(value);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dmy = iso(y, b, a);
    const mdy = iso(y, a, b);
    const isDmy = isCalendarDate(dmy);
    const isMdy = isCalendarDate(mdy);
    if (isDmy && isMdy) return dmy === mdy ? { kind: 'exact', exact: dmy } : { kind: 'either', dmy, mdy };
    if (isDmy) return { kind: 'dmy', dmy };
    if (isMdy) return { kind: 'mdy', mdy };
    return null;
  }
  if (SHORT_YEAR.test(value)) return 'short_year';
  const key = searchKey(value);
  m = DAY_NAME_YEAR.exec(key);
  if (m && MONTHS[m[2] as string]) {
    const date = iso(Number(m[3]), MONTHS[m[2] as string] as number, Number(m[1]));
    return isCalendarDate(date) ? { kind: 'exact', exact: date } : null;
  }
  m = NAME_DAY_YEAR.exec(key);
  if (m && MONTHS[m[1] as string]) {
    const date = iso(Number(m[3]), MONTHS[m[1] as string] as number, Number(m[2]));
    return isCalendarDate(date) ? { kind: 'exact', exact: date } : null;
  }
  return null;
}

/** How a cell reads as a date, for detecting the file's order; null when it is not a date at all. */
export function dateReading(text: string): DateReading | null {
  const reading = read(text);
  return reading === null || reading === 'short_year' ? null : reading.kind;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DATE_EXAMPLES: Record<DateFormat, string> = { YMD: '1985-04-03', DMY: '03/04/1985', MDY: '04/03/1985' };

/** A calendar date in the order the file uses (told or detected); ISO dates and month names read in any order. */
export function parseDate(text: string, format: DateFormat | null): Parsed<string> {
  const reading = read(text);
  if (reading === 'short_year') return { ok: false, reason: 'has a two-digit year: write the year in full, such as 1985' };
  if (reading === null) return { ok: false, reason: `is not a date (write it as ${format ? DATE_EXAMPLES[format] : '1985-04-03'})` };
  if (reading.exact) return { ok: true, value: reading.exact };
  if (format === 'DMY' && reading.dmy) return { ok: true, value: reading.dmy };
  if (format === 'MDY' && reading.mdy) return { ok: true, value: reading.mdy };
  if (format === null && reading.kind === 'either') return { ok: false, reason: 'could be day/month or month/day: say which order the file uses' };
  if (format === null) return { ok: true, value: (reading.dmy ?? reading.mdy) as string };
  return { ok: false, reason: `is not a date in the order ${format === 'DMY' ? 'day/month/year' : format === 'MDY' ? 'month/day/year' : 'year-month-day'}` };
}

export interface DateEvidence {
  dmy: number;
  mdy: number;
  either: number;
  exact: number;
}

export const noEvidence = (): DateEvidence => ({ dmy: 0, mdy: 0, either: 0, exact: 0 });

export function addEvidence(evidence: DateEvidence, text: string): void {
  const kind = dateReading(text);
  if (kind) evidence[kind === 'exact' ? 'exact' : kind] += 1;
}

/**
 * The order the dates of a file are written in, when the data says: one cell such as 25/03/1985
 * settles day-first. `needed` when every date reads both ways; `conflict` when some cells read
 * only day-first and others only month-first (the user must say, and the others become problems).
 */
export function detectDateFormat(evidence: DateEvidence): { format: DateFormat | null; status: 'detected' | 'needed' | 'conflict' | 'none' } {
  if (evidence.dmy > 0 && evidence.mdy > 0) return { format: null, status: 'conflict' };
  if (evidence.dmy > 0) return { format: 'DMY', status: 'detected' };
  if (evidence.mdy > 0) return { format: 'MDY', status: 'detected' };
  if (evidence.either > 0) return { format: null, status: 'needed' };
  if (evidence.exact > 0) return { format: 'YMD', status: 'detected' };
  return { format: null, status: 'none' };
}

const require = createRequire(import.meta.url);
const NAME_LOCALES = ['en', 'es', 'fr', 'pt'] as const;
const countryByName = new Map<string, string>();
for (const locale of NAME_LOCALES) {
  const data = require(`i18n-iso-countries/langs/${locale}.json`) as countries.LocaleData;
  for (const [code, names] of Object.entries(data.countries)) {
    for (const name of Array.isArray(names) ? names : [names]) countryByName.set(searchKey(name), code);
  }
}
for (const [alias, code] of Object.entries({ usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'ee.uu.': 'US', eeuu: 'US', eua: 'US', 'etats-unis': 'US', uk: 'GB', 'republica dominicana': 'DO', haiti: 'HT', dr: 'DO' })) {
  countryByName.set(alias, code);
}

/** An ISO 3166-1 alpha-2 code from a code or a country's name in en, es, fr or pt. */
export function parseCountry(text: string): Parsed<string> {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value) && countries.isValid(value.toUpperCase())) return { ok: true, value: value.toUpperCase() };
  const code = countryByName.get(searchKey(value));
  return code ? { ok: true, value: code } : { ok: false, reason: `is not a country Cadre knows (“${value}”): use its name or ISO code, such as HT` };
}

const languageByName = new Map<string, string>();
for (const code of ISO6391.getAllCodes()) {
  languageByName.set(searchKey(ISO6391.getName(code)), code);
  languageByName.set(searchKey(ISO6391.getNativeName(code)), code);
}
const LANGUAGE_ALIASES: Record<string, string[]> = {
  en: ['ingles', 'anglais', 'ingles americano'],
  es: ['espanol', 'castellano', 'espagnol', 'espanhol'],
  fr: ['frances', 'francais', 'frances'],
  pt: ['portugues', 'portugais'],
  ht: ['creole', 'haitian creole', 'kreyol', 'criollo', 'criollo haitiano', 'creole haitien', 'crioulo', 'crioulo haitiano', 'kreyol ayisyen'],
  ar: ['arabe', 'arabic'],
  de: ['aleman', 'allemand', 'alemao'],
  it: ['italiano', 'italien'],
  zh: ['chino', 'chinois', 'chines', 'mandarin'],
  ru: ['ruso', 'russe', 'russo'],
};
for (const [code, aliases] of Object.entries(LANGUAGE_ALIASES)) for (const alias of aliases) languageByName.set(alias, code);

export function parseLanguageCode(text: string): string | null {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value) && ISO6391.validate(value.toLowerCase())) return value.toLowerCase();
  return languageByName.get(searchKey(value)) ?? null;
}

const ILR = /^([0-5])(\+?)$/;
const isIlr = (level: string) => ILR.test(level) && level !== '5+';

/**
 * Languages with their ILR levels, as people write them: `es:2+/2; fr:1`, `Spanish 2+/2`,
 * `Kreyòl S3 R2`, `ht 3`. One level counts for speaking and reading. A language without a level
 * is a problem: Cadre cannot invent a proficiency.
 */
export function parseLanguages(text: string): Parsed<{ language: string; speaking: string; reading: string }[]> {
  const parts = text
    .split(/[;,\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { language: string; speaking: string; reading: string }[] = [];
  for (const part of parts) {
    const m = /^(.*?)[\s:=(]+(?:S\s*)?([0-5]\+?)(?:\s*[/\s]\s*(?:R\s*)?([0-5]\+?))?\)?$/i.exec(part);
    const name = m ? (m[1] as string).trim() : part;
    const code = parseLanguageCode(name);
    if (!code) return { ok: false, reason: `names a language Cadre does not know (“${name || part}”): use its name or ISO 639-1 code, such as ht` };
    if (!m) return { ok: false, reason: `gives no ILR level for “${part}”: write it as ${code}:2+/2 (speaking/reading) or ${code}:3` };
    const speaking = m[2] as string;
    const reading = m[3] ?? speaking;
    if (!isIlr(speaking) || !isIlr(reading)) return { ok: false, reason: `has an ILR level outside 0 to 5 in “${part}”` };
    out.push({ language: code, speaking, reading });
  }
  return { ok: true, value: out };
}

/** A list in one cell: separated by semicolons, commas or new lines. */
export function parseList(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function parseCountries(text: string): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of parseList(text)) {
    const parsed = parseCountry(part);
    if (!parsed.ok) return parsed;
    if (!codes.includes(parsed.value)) codes.push(parsed.value);
  }
  return { ok: true, value: codes };
}

/** Words for a value in the four languages, by the value they stand for. */
export function parseWord<T extends string>(text: string, words: Record<T, readonly string[]>, what: string): Parsed<T> {
  const key = searchKey(text).replace(/[.]/g, '');
  for (const [value, synonyms] of Object.entries(words) as [T, readonly string[]][]) {
    if (key === value.replace(/_/g, ' ') || key === value || synonyms.includes(key)) return { ok: true, value };
  }
  return { ok: false, reason: `is not ${what} (“${text.trim()}”): use one of ${Object.keys(words).join(', ')}` };
}

export const SEX_WORDS = {
  female: ['f', 'female', 'woman', 'femenino', 'mujer', 'feminin', 'femme', 'feminino', 'mulher', 'fem'],
  male: ['m', 'male', 'man', 'masculino', 'hombre', 'masculin', 'homme', 'homem', 'h', 'masc'],
} as const;

export const PERSON_STATUS_WORDS = {
  active: ['activo', 'activa', 'actif', 'active', 'ativo', 'ativa', 'in service', 'en servicio'],
  inactive: ['inactivo', 'inactiva', 'inactif', 'inactive', 'inativo', 'inativa'],
  retired: ['jubilado', 'jubilada', 'retirado', 'retirada', 'retraite', 'retraitee', 'aposentado', 'aposentada'],
} as const;

export const ENROLLMENT_STATUS_WORDS = {
  enrolled: ['inscrito', 'inscrita', 'inscrit', 'inscrite', 'matriculado', 'present', 'presente'],
  withdrawn: ['retirado', 'retirada', 'abandono', 'retire', 'desistente', 'desistio', 'withdrew'],
  no_show: ['no show', 'no-show', 'ausente', 'absent', 'absente', 'no se presento', 'nao compareceu'],
} as const;

/** A whole number in a range, allowing a trailing percent sign or a decimal written as a whole. */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const value = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^-?\d+(\.0+)?$/.test(value)) return { ok: false, reason: `is not a whole number from ${min} to ${max}` };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, reason: `must be from ${min} to ${max}` };
  return { ok: true, value: n };
}
