import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language/languages';
import { NAMESPACES, SECTIONS } from './namespaces';

/**
 * Every language Cadre offers has a whole catalog: each namespace's file with the sections
 * namespaces.ts gives it, each English key (each plural form its language needs), no key English
 * lacks, the same placeholders, and a wording of its own unless the locale's same-as-english.json
 * says the English one is right there too ("OK", "Email").
 */

type Catalog = { [key: string]: string | Catalog };
type Flat = Record<string, string>;

const files = import.meta.glob<Catalog>(['./*/*.json', '!./*/same-as-english.json'], { eager: true, import: 'default' });
const namespaceFiles = (language: string) => Object.keys(files).filter((file) => file.startsWith(`./${language}/`));
/** A language's namespaces together: their sections do not overlap, so a key's path is the same. */
const catalogOf = (language: string): Catalog | undefined =>
  namespaceFiles(language).length === 0 ? undefined : Object.assign({}, ...namespaceFiles(language).map((file) => files[file]));
const en = catalogOf('en') ?? {};
const sameAsEnglish = import.meta.glob<string[]>('./*/same-as-english.json', { eager: true, import: 'default' });

function flatten(catalog: Catalog, prefix = ''): Flat {
  return Object.fromEntries(
    Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const english = flatten(en);
/** English keys that are plural forms, by their base (`people.count_one` → `people.count`). */
const pluralBases = new Set(Object.keys(english).flatMap((key) => (PLURAL.test(key) ? [key.replace(PLURAL, '')] : [])));

/** The keys a language must have: English's, with each plural in that language's own categories. */
function expectedKeys(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const singular = Object.keys(english).filter((key) => !PLURAL.test(key));
  const plurals = [...pluralBases].flatMap((base) => categories.map((category) => `${base}_${category}`));
  return [...singular, ...plurals].sort();
}

/** The English a key stands for: the key itself, or for a plural form English lacks, its `_other`. */
function englishOf(key: string): string | undefined {
  return english[key] ?? (PLURAL.test(key) ? english[key.replace(PLURAL, '_other')] : undefined);
}

/** `{{name}}` placeholders, sorted; a plural form may leave `count` unsaid ("One person"). */
function placeholders(value: string, isPlural: boolean): string[] {
  const names = [...value.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].filter((name) => !(isPlural && name === 'count')).sort();
}

describe.each([...LANGUAGES])('the %s namespaces', (language) => {
  it('are the files namespaces.ts lists, each with its sections alone', () => {
    expect(namespaceFiles(language).sort()).toEqual(NAMESPACES.map((namespace) => `./${language}/${namespace}.json`).sort());
    for (const namespace of NAMESPACES) {
      expect(Object.keys(files[`./${language}/${namespace}.json`] ?? {}).sort(), `${language}/${namespace}.json`).toEqual([...SECTIONS[namespace]].sort());
    }
  });
});

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s catalog', (language) => {
  const catalog = catalogOf(language);
  const flat = catalog ? flatten(catalog) : {};
  const same = sameAsEnglish[`./${language}/same-as-english.json`] ?? [];

  it('exists, as locales/<language>/<namespace>.json', () => {
    expect(catalog, `web/src/locales/${language}/`).toBeDefined();
  });

  it('has every English key, each plural in the forms the language needs', () => {
    const missing = expectedKeys(language).filter((key) => !(key in flat));
    expect(missing).toEqual([]);
  });

  it('has no key English lacks', () => {
    const expected = new Set(expectedKeys(language));
    expect(Object.keys(flat).filter((key) => !expected.has(key))).toEqual([]);
  });

  it('leaves nothing empty that English says', () => {
    expect(Object.keys(flat).filter((key) => flat[key]?.trim() === '' && englishOf(key)?.trim() !== '')).toEqual([]);
  });

  it("keeps English's placeholders", () => {
    const differing = Object.entries(flat).flatMap(([key, value]) => {
      const source = englishOf(key);
      if (source === undefined) return [];
      const isPlural = PLURAL.test(key);
      const [theirs, ours] = [placeholders(value, isPlural), placeholders(source, isPlural)];
      return theirs.join() === ours.join() ? [] : [`${key}: ${theirs.join(', ') || 'none'} instead of ${ours.join(', ') || 'none'}`];
    });
    expect(differing).toEqual([]);
  });

  it('says each thing in its own words, unless same-as-english.json lists the key', () => {
    const listed = new Set(same);
    const copied = Object.entries(flat).flatMap(([key, value]) => (value === englishOf(key) && !listed.has(key) ? [key] : []));
    expect(copied).toEqual([]);
  });

  it('lists in same-as-english.json, sorted, only keys whose wording is the English one', () => {
    expect(same).toEqual([...same].sort());
    expect(same.filter((key) => !(key in flat) || flat[key] !== englishOf(key))).toEqual([]);
  });
});
