import fs from 'node:fs';
import { NAMESPACES } from '../../web/src/locales/namespaces.js';

/**
 * The web app's words in each language, read from its own catalogs, so a journey in another
 * language asserts what the catalog says rather than a copy typed into the test.
 */
export const LOCALES = ['en', 'es', 'fr', 'pt', 'ht'] as const;
export type Locale = (typeof LOCALES)[number];

export type Catalog = { [key: string]: string | Catalog };

/** A language's whole catalog: its namespaces' files together (their sections do not overlap). */
export function catalogOf(locale: string): Catalog {
  const files = NAMESPACES.map((namespace) => JSON.parse(fs.readFileSync(`web/src/locales/${locale}/${namespace}.json`, 'utf8')) as Catalog);
  return Object.assign({}, ...files) as Catalog;
}

const CATALOGS = Object.fromEntries(LOCALES.map((locale) => [locale, catalogOf(locale)])) as Record<Locale, Catalog>;

/** A catalog's sentence by its key (`roster.saved`), its `{{placeholders}}` filled in as i18next does. */
export function words(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<string | Catalog | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), CATALOGS[locale]);
  if (typeof found !== 'string') throw new Error(`The ${locale} catalog has no sentence ${key}.`);
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    if (!(name in values)) throw new Error(`${key} in ${locale} needs ${name}.`);
    return String(values[name]);
  });
}

/**
 * A calendar date as the app shows it in a language (`formatDate`, `formatLongDate`), formatted by
 * the page's own Intl, which is the browser's: Haitian Creole dates are French (Haiti)'s.
 */
export function intlLocale(locale: Locale): string {
  return locale === 'ht' ? 'fr-HT' : locale;
}
