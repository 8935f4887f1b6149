import i18next, { type InitOptions } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { detectionOptions, LANGUAGES, PSEUDO_LOCALE } from './language/languages';
import shell from './locales/en/shell.json';
import { NAMESPACES, type Namespace, SHELL_NAMESPACE } from './locales/namespaces';

/**
 * Every UI string lives in locales/<language>/<namespace>.json (see locales/namespaces.ts). The
 * English shell is bundled with the app (English is the fallback for anything missing); every
 * other namespace, and every namespace of another language, is a chunk of its own, loaded when a
 * page that shows it is first opened in that language. The language comes from `?lang=`, the
 * `cadre_locale` cookie, then the browser's languages (`language/languages.ts`); a signed-in
 * user's account overrides them.
 */
export const resources = { en: { shell } } as const;

type Catalog = { [key: string]: string | Catalog };

/** Each language's namespaces, each a lazy chunk (none is read until a page in that language needs it). */
export const catalogs = import.meta.glob<Catalog>(['./locales/*/*.json', '!./locales/*/same-as-english.json', '!./locales/en/shell.json'], { import: 'default' });

async function loadCatalog(language: string, namespace: string): Promise<Catalog> {
  if (language === PSEUDO_LOCALE) return (await import('./language/pseudo')).pseudoLocalize(await loadCatalog('en', namespace));
  if (language === 'en' && namespace === SHELL_NAMESPACE) return shell;
  const load = catalogs[`./locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`There is no ${namespace} catalog for ${language}.`);
  return load();
}

export const i18nOptions: InitOptions = {
  resources,
  partialBundledLanguages: true,
  // The app starts with the shell's words; each area's load with its pages (`loadWords`).
  ns: [SHELL_NAMESPACE],
  defaultNS: SHELL_NAMESPACE,
  // A key is written the same in every namespace (`auth.signIn`): it is looked up in the shell's
  // words, then in those of every namespace loaded.
  fallbackNS: NAMESPACES.filter((namespace) => namespace !== SHELL_NAMESPACE),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES, PSEUDO_LOCALE],
  detection: detectionOptions,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
};

/** Settles once the chosen language's shell words are in: the app renders only then, so no other language flashes first. */
export const i18nReady = i18next
  .use(LanguageDetector)
  .use(resourcesToBackend((language: string, namespace: string) => loadCatalog(language, namespace)))
  .use(initReactI18next)
  // Its own list: i18next adds each namespace loaded later to it.
  .init({ ...i18nOptions, ns: [SHELL_NAMESPACE] });

/**
 * Loads an area's words in the current language (and English, the fallback). The router awaits
 * it with the area's chunk, so a page never shows a key; i18next loads them again in each
 * language chosen later, before it switches.
 */
export async function loadWords(namespaces: readonly Namespace[]): Promise<void> {
  if (namespaces.length === 0) return;
  await i18nReady;
  await i18next.loadNamespaces([...namespaces]);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

/** Remembers a visitor's choice in the `cadre_locale` cookie (a year, the whole site, SameSite=Lax). */
export function rememberChoice(language: string): void {
  i18next.services.languageDetector?.cacheUserLanguage?.(language, ['cookie']);
}

export default i18next;
