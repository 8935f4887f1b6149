import ISO6391 from 'iso-639-1';
import { describe, expect, it } from 'vitest';
import { countryList, languageList, namedCodes, nameOfCountry, nameOfLanguage } from './names';

const LOCALES = ['en', 'es', 'fr'];

function expectSortedAndUnique(list: { code: string; name: string }[], locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const names = list.map((entry) => entry.name);
  expect(new Set(names.map((name) => name.toLocaleLowerCase(locale))).size).toBe(names.length);
  expect(new Set(list.map((entry) => entry.code)).size).toBe(list.length);
  expect([...names].sort(collator.compare)).toEqual(names);
  // No code passes for a name: neither "aa" nor "HT".
  expect(list.filter((entry) => entry.name.toLowerCase() === entry.code.toLowerCase())).toEqual([]);
}

describe('the languages offered', () => {
  it.each(LOCALES)('are named in %s, each once, sorted by name, none by its code', (locale) => {
    const list = languageList(locale);
    expectSortedAndUnique(list, locale);
    expect(list.length).toBe(ISO6391.getAllCodes().length);
  });

  it('tells Akan from Twi, which Intl names alike', () => {
    expect(languageList('en').filter((entry) => entry.code === 'ak' || entry.code === 'tw')).toEqual([
      { code: 'ak', name: 'Akan' },
      { code: 'tw', name: 'Twi' },
    ]);
    expect(nameOfLanguage('tw', 'fr')).toBe('Twi');
  });

  it('names languages in the interface’s language', () => {
    expect(nameOfLanguage('es', 'es')).toBe('español');
    expect(nameOfLanguage('ht', 'en')).toBe('Haitian Creole');
    expect(nameOfLanguage('de', 'fr')).toBe('allemand');
  });

  it('sorts by the locale’s collation, accents and case aside', () => {
    const names = languageList('fr').map((entry) => entry.name);
    // "énabé"-style names sort among the e's, not after the z's.
    const firstAfterE = names.findIndex((name) => name.localeCompare('f', 'fr') >= 0);
    expect(names.slice(0, firstAfterE).some((name) => name.startsWith('é'))).toBe(true);
    expect(names.slice(firstAfterE).some((name) => name.startsWith('é'))).toBe(false);
  });
});

describe('a browser with fewer names than Node', () => {
  // Chromium's Intl names neither Afar nor Tibetan, and calls both ak and tw "Akan".
  const browserNames: Record<string, string> = { ak: 'Akan', tw: 'Akan', en: 'English', fr: 'French' };
  const iso: Record<string, string> = { aa: 'Afar', ak: 'Akan', tw: 'Twi', en: 'English', fr: 'French', bo: 'Tibetan' };
  const list = namedCodes(['aa', 'ak', 'bo', 'en', 'fr', 'tw', 'xx'], 'en', (code) => browserNames[code], (code) => iso[code]);

  it('names a language Intl cannot from ISO 639, and leaves out a code nobody names', () => {
    expect(list).toEqual([
      { code: 'aa', name: 'Afar' },
      { code: 'ak', name: 'Akan' },
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'French' },
      { code: 'bo', name: 'Tibetan' },
      { code: 'tw', name: 'Twi' },
    ]);
  });

  it('leaves out the second of two codes that nothing tells apart', () => {
    expect(namedCodes(['nb', 'no'], 'en', () => 'Norwegian', () => 'Norwegian')).toEqual([{ code: 'nb', name: 'Norwegian' }]);
  });
});

describe('the countries offered', () => {
  it.each(LOCALES)('are named in %s, each once, sorted by name, none by its code', (locale) => {
    const list = countryList(locale);
    expectSortedAndUnique(list, locale);
    expect(list.length).toBeGreaterThan(240);
  });

  it('names a country in the interface’s language, and leaves an unknown code as it is', () => {
    expect(nameOfCountry('HT', 'fr')).toBe('Haïti');
    expect(nameOfCountry('SV', 'es')).toBe('El Salvador');
    expect(nameOfCountry('ZZ', 'en')).toBe('ZZ');
  });
});
