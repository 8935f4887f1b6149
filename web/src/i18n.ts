import i18next, { type InitOptions } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { detectionOptions, LANGUAGES, PSEUDO_LOCALE } from './language/languages';
import en from './locales/en/translation.json';

/**
 * Every UI string lives in locales/<language>/translation.json. English is bundled with the app
 * (it is the fallback for anything missing); every other language is a chunk of its own, loaded
 * only when chosen. The language comes from `?lang=`, the `cadre_locale` cookie, then the
 * browser's languages (`language/languages.ts`); a signed-in user's account overrides them.
 */
export const resources = { en: { translation: en } } as const;

type CatalogModule = { default: typeof en };

/** The other languages' catalogs, each a lazy chunk (none is read until its language is chosen). */
export const catalogs = import.meta.glob<CatalogModule>(['./locales/*/translation.json', '!./locales/en/translation.json']);

async function loadCatalog(language: string): Promise<typeof en> {
  if (language === PSEUDO_LOCALE) return (await import('./language/pseudo')).pseudoLocalize(en);
  const load = catalogs[`./locales/${language}/translation.json`];
  if (!load) throw new Error(`There is no catalog for ${language}.`);
  return (await load()).default;
}

export const i18nOptions: InitOptions = {
  resources,
  partialBundledLanguages: true,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES, PSEUDO_LOCALE],
  detection: detectionOptions,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
};

/** Settles once the chosen language's catalog is in: the app renders only then, so no other language flashes first. */
export const i18nReady = i18next
  .use(LanguageDetector)
  .use(resourcesToBackend((language: string) => loadCatalog(language)))
  .use(initReactI18next)
  .init(i18nOptions);

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

/** Remembers a visitor's choice in the `cadre_locale` cookie (a year, the whole site, SameSite=Lax). */
export function rememberChoice(language: string): void {
  i18next.services.languageDetector?.cacheUserLanguage?.(language, ['cookie']);
}

export default i18next;
