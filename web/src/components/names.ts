import { getAlpha2Codes } from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import { intlLocale } from '../language/languages';

/**
 * Languages and countries as people know them: by name, in the interface's language, never by
 * code. Browsers carry fewer names than Node (Chromium's Intl has none for Afar or Tibetan), so a
 * language Intl cannot name takes its English name from ISO 639; two codes that end up with one
 * name (Intl calls both ak and tw "Akan") are told apart by their ISO names ("Twi").
 */

export interface NamedCode {
  code: string;
  name: string;
}

type Namer = (code: string) => string | undefined;

/** Intl's name for a code, or undefined where it has none (some engines answer the code itself). */
function intlNamer(locale: string, type: 'language' | 'region'): Namer {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
  } catch {
    names = undefined;
  }
  return (code) => {
    const name = names?.of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : undefined;
  };
}

const isoLanguageName: Namer = (code) => ISO6391.getName(code) || undefined;

/**
 * One entry per code, each with a name of its own, sorted by the locale's collation. `named`
 * gives the locale's names, `fallback` a name where it has none and a way to tell two apart.
 */
export function namedCodes(codes: readonly string[], locale: string, named: Namer, fallback: Namer): NamedCode[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const entries = codes.flatMap((code) => {
    const name = named(code) ?? fallback(code);
    return name ? [{ code, name }] : [];
  });
  const byName = new Map<string, NamedCode[]>();
  for (const entry of entries) {
    const key = entry.name.toLocaleLowerCase(locale);
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const taken = new Set(byName.keys());
  const result: NamedCode[] = [];
  for (const group of byName.values()) {
    // The code whose own name this is keeps it; the others take their ISO name, or are left out.
    const keeper = group.find((entry) => collator.compare(fallback(entry.code) ?? '', entry.name) === 0) ?? group[0];
    for (const entry of group) {
      if (entry === keeper) {
        result.push(entry);
        continue;
      }
      const other = fallback(entry.code);
      const key = other?.toLocaleLowerCase(locale);
      if (!other || !key || taken.has(key)) continue;
      taken.add(key);
      result.push({ code: entry.code, name: other });
    }
  }
  return result.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

interface NameList {
  list: NamedCode[];
  byCode: Map<string, string>;
}

const lists = new Map<string, NameList>();

function cached(key: string, build: () => NamedCode[]): NameList {
  let value = lists.get(key);
  if (!value) {
    const list = build();
    value = { list, byCode: new Map(list.map((entry) => [entry.code, entry.name])) };
    lists.set(key, value);
  }
  return value;
}

// Named in the interface's language as Intl knows it (`ht` as `fr-HT`: ICU has no Haitian Creole).
const languages = (language: string) => {
  const locale = intlLocale(language);
  return cached(`language:${locale}`, () => namedCodes(ISO6391.getAllCodes(), locale, intlNamer(locale, 'language'), isoLanguageName));
};
const countries = (language: string) => {
  const locale = intlLocale(language);
  return cached(`region:${locale}`, () => namedCodes(Object.keys(getAlpha2Codes()), locale, intlNamer(locale, 'region'), intlNamer('en', 'region')));
};

/** Every ISO 639-1 language Cadre accepts, named in `locale` and sorted by that name. */
export function languageList(locale: string): NamedCode[] {
  return languages(locale).list;
}

/** Every ISO 3166-1 country, named in `locale` and sorted by that name. */
export function countryList(locale: string): NamedCode[] {
  return countries(locale).list;
}

/** `tw` → "Twi", `ht` → "Haitian Creole": the name a picker offers; a code Cadre does not know stays as it is. */
export function nameOfLanguage(code: string, locale: string): string {
  return languages(locale).byCode.get(code) ?? code;
}

export function nameOfCountry(code: string, locale: string): string {
  return countries(locale).byCode.get(code) ?? code;
}
