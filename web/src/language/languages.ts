/**
 * The languages Cadre speaks, how a visitor's is chosen, and the locale Intl is given for each.
 * Pure data and functions: the i18next set-up (`../i18n.ts`), the switch and the tests share them.
 */

/** Every language offered, English first (the fallback, bundled with the app). */
export const LANGUAGES = ['en', 'es', 'fr', 'pt', 'ht'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a language selector lists them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
  ht: 'Kreyòl ayisyen',
};

/**
 * A pseudo-language made from English at load time (accented, longer, between ⟦ ⟧), for finding
 * text that overflows or was never put in the catalog. Never offered; opened with `?lang=en-XA`.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** The cookie that remembers a visitor's choice, and the address parameter that overrides it. */
export const LOCALE_COOKIE = 'cadre_locale';
export const LOCALE_PARAMETER = 'lang';
const ONE_YEAR_IN_MINUTES = 365 * 24 * 60;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A detected language as Cadre knows it: the pseudo-locale as it is, anything else by its primary
 * subtag (`pt-BR` → `pt`), so the first of the browser's languages that Cadre speaks wins rather
 * than a later one that happens to be written without a region.
 */
export function primaryLanguage(code: string): string {
  if (code.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  return code.split(/[-_]/)[0]?.toLowerCase() ?? code;
}

/**
 * i18next-browser-languagedetector's options: the address (`?lang=`, as the server reads it), then the visitor's choice
 * (the cookie), then the browser's languages in their order; English when none is spoken here.
 * Nothing is cached on detection: the cookie records a choice, written by `rememberChoice`.
 */
export const detectionOptions = {
  order: ['querystring', 'cookie', 'navigator'],
  lookupQuerystring: LOCALE_PARAMETER,
  lookupCookie: LOCALE_COOKIE,
  caches: [] as string[],
  excludeCacheFor: ['cimode', PSEUDO_LOCALE],
  cookieMinutes: ONE_YEAR_IN_MINUTES,
  cookieOptions: { path: '/', sameSite: 'lax' as const },
  convertDetectedLanguage: primaryLanguage,
};

/**
 * The locale Intl is given for a language: ICU has no Haitian Creole, so `ht` formats numbers and
 * dates and names countries as French does in Haiti (`fr-HT`); the pseudo-locale formats as English.
 * Every Intl constructor in the web takes its locale through this.
 */
export function intlLocale(language: string): string {
  if (language === 'ht' || language.startsWith('ht-')) return 'fr-HT';
  if (language === PSEUDO_LOCALE) return 'en';
  return language;
}
