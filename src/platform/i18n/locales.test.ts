import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, intlLocale, localeOf, negotiateLocale } from './locales.js';

describe('choosing the language a request is answered in', () => {
  it('reads a language tag down to a locale Cadre has', () => {
    expect(localeOf('es-SV')).toBe('es');
    expect(localeOf('pt_BR')).toBe('pt');
    expect(localeOf('HT')).toBe('ht');
    expect(localeOf('de-DE')).toBeUndefined();
    expect(localeOf('')).toBeUndefined();
  });

  it('takes the best Accept-Language range Cadre speaks, by quality and then by order', () => {
    expect(fromAcceptLanguage('de-DE, fr;q=0.8, es;q=0.9')).toBe('es');
    expect(fromAcceptLanguage('ht-HT, fr-HT;q=0.9, en;q=0.1')).toBe('ht');
    expect(fromAcceptLanguage('fr;q=0, pt;q=0.5')).toBe('pt');
    expect(fromAcceptLanguage('*, de')).toBeUndefined();
    expect(fromAcceptLanguage('fr;q=abc, es;q=0.2')).toBe('es');
    expect(fromAcceptLanguage(undefined)).toBeUndefined();
  });

  it('puts an explicit choice (the lang parameter, then the cookie) before the browser, and English last', () => {
    expect(negotiateLocale({ explicit: ['pt', 'es'], acceptLanguage: 'fr' })).toBe('pt');
    expect(negotiateLocale({ explicit: [undefined, 'es'], acceptLanguage: 'fr' })).toBe('es');
    expect(negotiateLocale({ explicit: ['klingon', undefined], acceptLanguage: 'fr-CA' })).toBe('fr');
    expect(negotiateLocale({ acceptLanguage: 'ja' })).toBe('en');
  });

  it('formats Haitian Creole with French forms, as ICU has no ht', () => {
    expect(intlLocale('ht')).toBe('fr-HT');
    expect(intlLocale('pt')).toBe('pt-BR');
    expect(intlLocale('en')).toBe('en-US');
  });
});
