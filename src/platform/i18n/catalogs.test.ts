/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { definedCatalogs } from './messages.js';
import { LOCALES } from './locales.js';

/**
 * Every sentence the server says exists in every language, with the same placeholders, the plural
 * forms each language needs, and real words: a value equal to the English one is allowed only
 * where the namespace lists it as such (a name, a code).
 */

// Loading every catalog module registers it.
const modules = import.meta.glob('../../**/*.messages.ts', { eager: true });

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (value: string) => [...value.matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => m[1]).sort();
const hasWords = (value: string) => /\p{L}{2,}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''));

describe('the server’s message catalogs', () => {
  it('are found', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(0);
    expect(definedCatalogs().size).toBe(Object.keys(modules).length);
  });

  for (const [namespace, { byLocale, sameAsEnglish }] of definedCatalogs()) {
    describe(namespace, () => {
      const english = byLocale.en;
      const bases = new Set(Object.keys(english).filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));

      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        it(`is complete and real in ${locale}`, () => {
          const catalog = byLocale[locale];
          const categories = new Intl.PluralRules(locale === 'ht' ? 'en' : locale).resolvedOptions().pluralCategories;
          const expected = new Set(Object.keys(english).filter((key) => !PLURAL.test(key)));
          for (const base of bases) for (const category of categories) expected.add(`${base}_${category}`);
          const problems: string[] = [];
          for (const key of expected) if (!(key in catalog)) problems.push(`${key} is missing`);
          for (const key of Object.keys(catalog)) if (!expected.has(key)) problems.push(`${key} is not an English key`);
          for (const [key, value] of Object.entries(catalog)) {
            const source = english[key] ?? english[key.replace(PLURAL, '_other')];
            if (source === undefined) continue;
            if (placeholders(value).join() !== placeholders(source).join()) problems.push(`${key} has placeholders ${placeholders(value).join()} instead of ${placeholders(source).join()}`);
            if (value === source && hasWords(value) && !(sameAsEnglish[locale] ?? []).includes(key)) problems.push(`${key} is still English: “${value}”`);
          }
          expect(problems).toEqual([]);
        });
      }
    });
  }
});
