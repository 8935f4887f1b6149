import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nOptions } from '../i18n';
import { intlLocale, LOCALE_COOKIE, primaryLanguage } from './languages';

/** The language a first visit gets, with the address, the cookie and the browser's languages as given. */
async function detected({ search = '', cookie = '', languages }: { search?: string; cookie?: string; languages: string[] }): Promise<string> {
  window.history.replaceState(null, '', `/verify${search}`);
  if (cookie) document.cookie = `${LOCALE_COOKIE}=${cookie}; path=/`;
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  const instance = i18next.createInstance().use(LanguageDetector);
  // The app's own options, with English alone: what is detected, not what loads, is under test.
  await instance.init({ ...i18nOptions, partialBundledLanguages: false });
  return instance.language;
}

afterEach(() => {
  document.cookie = `${LOCALE_COOKIE}=; path=/; max-age=0`;
  vi.restoreAllMocks();
});

describe('the first language', () => {
  it("is the first of the browser's languages that Cadre speaks, by its primary subtag", async () => {
    expect(await detected({ languages: ['de-DE', 'pt-BR', 'es'] })).toBe('pt');
    expect(await detected({ languages: ['ht-HT', 'fr'] })).toBe('ht');
  });

  it('is English when the browser asks only for languages Cadre does not speak', async () => {
    expect(await detected({ languages: ['de-DE', 'ja'] })).toBe('en');
  });

  it("is the visitor's choice in the cookie, before the browser's", async () => {
    expect(await detected({ cookie: 'fr', languages: ['es-MX'] })).toBe('fr');
  });

  it("ignores a cookie naming a language Cadre does not speak, and goes on to the browser's", async () => {
    expect(await detected({ cookie: 'de', languages: ['es-MX'] })).toBe('es');
  });

  it('is the one in the address first, including the pseudo-locale', async () => {
    expect(await detected({ search: '?lang=en-XA', cookie: 'fr', languages: ['es'] })).toBe('en-XA');
    expect(await detected({ search: '?lang=ht', cookie: 'fr', languages: ['es'] })).toBe('ht');
  });

  it('is not written to the cookie: the cookie keeps only what the visitor chose', async () => {
    await detected({ languages: ['es'] });
    expect(document.cookie).not.toContain(LOCALE_COOKIE);
  });
});

describe('primaryLanguage', () => {
  it('keeps the primary subtag of a language, and the pseudo-locale whole', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('ES_mx')).toBe('es');
    expect(primaryLanguage('en-xa')).toBe('en-XA');
  });
});

describe('intlLocale', () => {
  it('gives Intl French as written in Haiti for Haitian Creole, which ICU lacks', () => {
    expect(intlLocale('ht')).toBe('fr-HT');
    expect(new Intl.NumberFormat(intlLocale('ht')).format(1234.5)).toBe(new Intl.NumberFormat('fr-HT').format(1234.5));
    expect(new Intl.NumberFormat(intlLocale('ht')).format(1234.5)).toMatch(/^1\s234,5$/u);
    expect(new Intl.DisplayNames([intlLocale('ht')], { type: 'region' }).of('HT')).toBe('Haïti');
  });

  it('formats the pseudo-locale as English, and every other language as itself', () => {
    expect(intlLocale('en-XA')).toBe('en');
    for (const language of ['en', 'es', 'fr', 'pt']) expect(intlLocale(language)).toBe(language);
  });
});
