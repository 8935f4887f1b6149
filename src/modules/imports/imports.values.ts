import { createRequire } from 'node:module';
import { countries } from '../../platform/countries.js';
import { isCalendarDate } from '../../platform/schemas.js';
import { languageCode, languageName } from '../people/languages.js';
import { ILR_LEVELS, type IlrLevel } from '../people/people.schemas.js';
import { searchKey } from '../../platform/text.js';
import * as enums from '../../platform/db/enums.js';
import type { Text } from '../../platform/i18n/messages.js';
import { importsText } from './imports.messages.js';

/**
 * Turning what people type into spreadsheets into the values Cadre stores: dates in the order
 * the file uses, countries and languages by code or by name in English, Spanish, French,
 * Portuguese and Haitian Creole, and the few words that stand for a sex or a status. Nothing here guesses: a value
 * that could mean two things is a problem, not a choice.
 */

export const DATE_FORMATS = enums.DATE_FORMATS;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How a text reads as a date: one reading, day-first only, month-first only, or either. */
export type DateReading = 'exact' | 'dmy' | 'mdy' | 'either';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'janeiro', 'janvye'],
  ['february', 'feb', 'febrero', 'fevrier', 'fev', 'fevereiro', 'fevr', 'fevriye'],
  ['march', 'mar', 'marzo', 'mars', 'marco'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr'],
  ['may', 'mayo', 'mai', 'maio', 'me'],
  ['june', 'jun', 'junio', 'juin', 'junho', 'jen'],
  ['july', 'jul', 'julio', 'juillet', 'juil', 'julho', 'jiye'],
  ['august', 'aug', 'agosto', 'ago', 'aout', 'dawou'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre', 'setembro', 'septanm'],
  ['october', 'oct', 'octubre', 'octobre', 'outubro', 'out', 'oktob'],
  ['november', 'nov', 'noviembre', 'novembre', 'novembro', 'novanm'],
  ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezembro', 'dez', 'desanm'],
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

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Text };

const DATE_EXAMPLES: Record<DateFormat, string> = { YMD: '1985-04-03', DMY: '03/04/1985', MDY: '04/03/1985' };

/** A calendar date in the order the file uses (told or detected); ISO dates and month names read in any order. */
export function parseDate(text: string, format: DateFormat | null): Parsed<string> {
  const reading = read(text);
  if (reading === 'short_year') return { ok: false, reason: importsText('value.shortYear') };
  if (reading === null) return { ok: false, reason: importsText('value.notDate', { example: format ? DATE_EXAMPLES[format] : '1985-04-03' }) };
  if (reading.exact) return { ok: true, value: reading.exact };
  if (format === 'DMY' && reading.dmy) return { ok: true, value: reading.dmy };
  if (format === 'MDY' && reading.mdy) return { ok: true, value: reading.mdy };
  if (format === null && reading.kind === 'either') return { ok: false, reason: importsText('value.eitherOrder') };
  if (format === null) return { ok: true, value: (reading.dmy ?? reading.mdy) as string };
  return { ok: false, reason: importsText(`value.notInOrder${format}`) };
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
for (const [alias, code] of Object.entries({ usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'ee.uu.': 'US', eeuu: 'US', eua: 'US', 'etats-unis': 'US', uk: 'GB', 'republica dominicana': 'DO', haiti: 'HT', dr: 'DO', ayiti: 'HT', etazini: 'US', 'repiblik dominiken': 'DO', kanada: 'CA', meksik: 'MX', kiba: 'CU', jamayik: 'JM', bahamas: 'BS', venezwela: 'VE', kolonbi: 'CO', brezil: 'BR', chili: 'CL', ajantin: 'AR', panama: 'PA', gwatemala: 'GT', ondiras: 'HN', nikaragwa: 'NI', salvado: 'SV', 'el salvado': 'SV', 'kosta rika': 'CR', pewou: 'PE', ekwate: 'EC', bolivi: 'BO', fwans: 'FR', espay: 'ES' })) {
  countryByName.set(alias, code);
}

/** An ISO 3166-1 alpha-2 code from a code or a country's name in en, es, fr or pt (and the usual ones in ht). */
export function parseCountry(text: string): Parsed<string> {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value) && countries.isValid(value.toUpperCase())) return { ok: true, value: value.toUpperCase() };
  const code = countryByName.get(searchKey(value));
  return code ? { ok: true, value: code } : { ok: false, reason: importsText('value.notCountry', { value }) };
}

export type LanguageSkill = { language: string; speaking: IlrLevel | null; reading: IlrLevel | null };

/** Words that say the level is not known: `es (level unknown)` is how Cadre's own exports write it. */
const UNKNOWN_LEVEL = /^(?:\?|unknown|level unknown|desconocido|nivel desconocido|inconnu|niveau inconnu|desconhecido|nivel desconhecido|enkoni)$/;
/** A language and its levels: `es:2+/2`, `Spanish 2+`, `Kreyòl S3 R2`, `ht (3)`, `fr - 1`; `?` for a level not known (`es S3/R?`). */
const WITH_LEVEL = /^(.*?)[\s:=(-]+(?:S\s*)?([0-5]\+?|\?)(?:\s*[/\s]\s*(?:R\s*)?([0-5]\+?|\?))?\)?$/i;
const WITH_WORDS = /^(.*?)[\s:=(-]+([^:=()]+?)\)?$/;
/** Between languages: semicolons, commas, new lines, "&", and a slash between two names (not between levels). */
const LIST_SEPARATOR = /[;,\n&]+|(?<=\p{L})\s*\/\s*(?=\p{L})/u;
/** "and" in the five languages, between two languages. */
const AND_WORD = /\s+(?:and|y|et|e|ak)\s+/i;
/** Where a name may end and its level begin. */
const LEVEL_START = /[\s:=(-]+/g;

const isIlr = (level: string): level is IlrLevel => (ILR_LEVELS as readonly string[]).includes(level);
const levelOf = (level: string): IlrLevel | null | undefined => (level === '?' ? null : isIlr(level) ? level : undefined);

/** One language as written, alone or with its level; null when it names no language Cadre knows. */
function readLanguage(part: string): Parsed<LanguageSkill> | null {
  const code = languageCode(part);
  if (code) return { ok: true, value: { language: code, speaking: null, reading: null } };
  const leveled = WITH_LEVEL.exec(part);
  const language = leveled && languageCode(leveled[1] as string);
  if (leveled && language) {
    const speaking = levelOf(leveled[2] as string);
    const reading = leveled[3] === undefined ? speaking : levelOf(leveled[3]);
    if (speaking === undefined || reading === undefined) return { ok: false, reason: importsText('value.ilrOutside', { part }) };
    return { ok: true, value: { language, speaking, reading } };
  }
  const words = WITH_WORDS.exec(part);
  const unknown = words && UNKNOWN_LEVEL.test(searchKey(words[2] as string)) ? languageCode(words[1] as string) : null;
  return unknown ? { ok: true, value: { language: unknown, speaking: null, reading: null } } : null;
}

/** A language followed by a level Cadre cannot read ("Spanish (native)"): the longest name that is a language. */
function unreadableLevel(part: string): Parsed<never> | null {
  const ends = [...part.matchAll(LEVEL_START)].reverse();
  for (const end of ends) {
    const language = languageCode(part.slice(0, end.index));
    if (!language) continue;
    const level = part.slice(end.index + end[0].length).replace(/\)$/, '').trim();
    return {
      ok: false,
      reason: importsText('value.unreadableLevel', { level, language: languageName(language), code: language }),
    };
  }
  return null;
}

/** A cell's parts: "Spanish and French" is two languages, unless the whole is one name. */
function partsOf(piece: string): string[] {
  if (readLanguage(piece)) return [piece];
  const split = piece.split(AND_WORD).map((p) => p.trim());
  return split.length > 1 && split.every((p) => readLanguage(p)) ? split : [piece];
}

/**
 * Languages as people write them, by ISO 639-1 code or by name in English, Spanish, French,
 * Portuguese or Haitian Creole, with or without ILR levels: `es, en`, `español y francés`,
 * `es:2+/2; fr:1`, `Spanish 2+`, `Kreyòl S3 R2`. One level counts for speaking and reading.
 * A language written without a level is recorded with its level unknown (null), never guessed.
 */
export function parseLanguages(text: string): Parsed<LanguageSkill[]> {
  const out: LanguageSkill[] = [];
  const pieces = text
    .split(LIST_SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of pieces.flatMap(partsOf)) {
    const parsed = readLanguage(part) ?? unreadableLevel(part);
    if (!parsed) return { ok: false, reason: importsText('value.notLanguage', { part }) };
    if (!parsed.ok) return parsed;
    const { language } = parsed.value;
    if (out.some((l) => l.language === language)) return { ok: false, reason: importsText('value.languageTwice', { language: languageName(language) }) };
    out.push(parsed.value);
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

/** Words for a value in the five languages, by the value they stand for. */
export function parseWord<T extends string>(text: string, words: Record<T, readonly string[]>, what: Text): Parsed<T> {
  const key = searchKey(text).replace(/[.]/g, '');
  for (const [value, synonyms] of Object.entries(words) as [T, readonly string[]][]) {
    if (key === value.replace(/_/g, ' ') || key === value || synonyms.includes(key)) return { ok: true, value };
  }
  return { ok: false, reason: importsText('value.notWord', { what, text: text.trim(), values: Object.keys(words).join(', ') }) };
}

export const SEX_WORDS = {
  female: ['f', 'female', 'woman', 'femenino', 'mujer', 'feminin', 'femme', 'feminino', 'mulher', 'fem', 'fanm', 'fi', 'feminen'],
  male: ['m', 'male', 'man', 'masculino', 'hombre', 'masculin', 'homme', 'homem', 'h', 'masc', 'gason', 'nonm', 'maskilen', 'g'],
} as const;

export const PERSON_STATUS_WORDS = {
  active: ['activo', 'activa', 'actif', 'active', 'ativo', 'ativa', 'in service', 'en servicio', 'aktif', 'an sevis'],
  inactive: ['inactivo', 'inactiva', 'inactif', 'inactive', 'inativo', 'inativa', 'inaktif', 'pa aktif'],
  retired: ['jubilado', 'jubilada', 'retirado', 'retirada', 'retraite', 'retraitee', 'aposentado', 'aposentada', 'retrete', 'an retret', 'pran retret'],
} as const;

export const ENROLLMENT_STATUS_WORDS = {
  enrolled: ['inscrito', 'inscrita', 'inscrit', 'inscrite', 'matriculado', 'present', 'presente', 'enskri', 'prezan'],
  withdrawn: ['retirado', 'retirada', 'abandono', 'retire', 'desistente', 'desistio', 'withdrew', 'abandone', 'kite'],
  no_show: ['no show', 'no-show', 'ausente', 'absent', 'absente', 'no se presento', 'nao compareceu', 'absan', 'pa vini', 'pa t vini'],
} as const;

/** A whole number in a range, allowing a trailing percent sign or a decimal written as a whole. */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const value = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^-?\d+(\.0+)?$/.test(value)) return { ok: false, reason: importsText('value.notWholeNumber', { min, max }) };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, reason: importsText('value.outOfRange', { min, max }) };
  return { ok: true, value: n };
}
