/**
 * The languages Cadre speaks, and how a request says which one it wants. English is the source
 * language and the fallback: every catalog is complete in it.
 */
export const LOCALES = ['en', 'es', 'fr', 'pt', 'ht'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the web app keeps a visitor's choice in; it outranks the browser's own list. */
export const LOCALE_COOKIE = 'cadre_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A language tag read down to the locale Cadre has for it ("es-SV" → "es"), if any. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/**
 * The best of Cadre's locales for an Accept-Language header (RFC 9110 §12.5.4): ranges by
 * quality, then by order; `*` and ranges Cadre lacks are passed over.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const locale = localeOf(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The locale a request is answered in: an explicit choice (a `lang` parameter, then the cookie)
 * before the browser's list, then English.
 */
export function negotiateLocale(request: { explicit?: (string | null | undefined)[]; acceptLanguage?: string | null }): Locale {
  for (const choice of request.explicit ?? []) {
    const locale = localeOf(choice);
    if (locale) return locale;
  }
  return fromAcceptLanguage(request.acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * The locale Intl formats with. ICU has no Haitian Creole; Haiti's written forms of numbers and
 * dates are French, so `ht` formats as `fr-HT` (month names are then put in Kreyòl, see format.ts).
 */
export function intlLocale(locale: Locale): string {
  switch (locale) {
    case 'en':
      return 'en-US';
    case 'pt':
      return 'pt-BR';
    case 'ht':
      return 'fr-HT';
    default:
      return locale;
  }
}
