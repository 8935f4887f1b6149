import i18next from 'i18next';
import { countryName, formatDay, formatList, formatNumber } from './format.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';

/**
 * What the server says to people, in their language. Each module keeps its sentences in a
 * catalog per locale (`messages/<locale>.json` beside it, English the source) and turns them
 * into `Text`: a key and its values, rendered only when the reader's locale is known. So one
 * error can be answered in French to one request and in English to the log and the CLI.
 *
 * Catalogs use i18next's format: `{{name}}` placeholders, `_one`/`_other` plural keys chosen by
 * `count`, and formatters: `{{start, day}}` (a long date), `{{n, number}}`, `{{items, list}}`,
 * `{{code, country}}`, `{{what, capitalize}}`.
 */

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  keySeparator: false,
  nsSeparator: false,
  ns: [],
  resources: {},
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

// The web app types its own i18next resources globally; the server's catalogs are checked by
// `defineMessages` instead, so its lookups go through this untyped view.
const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;

const localeOr = (lng: string | undefined): Locale => (isLocale(lng) ? lng : DEFAULT_LOCALE);
i18n.services.formatter?.add('day', (value, lng) => formatDay(String(value), localeOr(lng)));
i18n.services.formatter?.add('number', (value, lng) => formatNumber(Number(value), localeOr(lng)));
i18n.services.formatter?.add('list', (value, lng) => formatList((value as unknown[]).map(String), localeOr(lng)));
i18n.services.formatter?.add('country', (value, lng) => countryName(String(value), localeOr(lng)));
i18n.services.formatter?.add('capitalize', (value, lng) => {
  const text = String(value);
  return text.charAt(0).toLocaleUpperCase(lng) + text.slice(1);
});

export type TextValue = string | number | boolean | null | undefined | Text | readonly string[];
export type TextValues = Record<string, TextValue>;

/**
 * Sentences already put into words, by locale, namespace, key and values. The catalogs are fixed
 * once the modules are loaded, so the same sentence always reads the same; a list says the same
 * few again and again (a readiness reason for each person of a page), and i18next's
 * interpolation and date formatting cost enough that remembering pays. Bounded: cleared when full.
 */
const rendered = new Map<string, string>();
const MEMO_SIZE = 5000;
/** Sentences with long values (a list of names) are put into words each time rather than kept. */
const MEMO_KEY_MAX = 400;

/** A sentence not yet put into words: rendered per reader, English when printed or logged. */
export class Text {
  constructor(
    readonly namespace: string,
    readonly key: string,
    readonly values: TextValues = {},
  ) {}

  in(locale: Locale): string {
    const memo = `${locale}\u0000${this.namespace}\u0000${this.key}\u0000${JSON.stringify(this.values)}`;
    const known = memo.length <= MEMO_KEY_MAX ? rendered.get(memo) : undefined;
    if (known !== undefined) return known;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.values)) values[name] = value instanceof Text ? value.in(locale) : value;
    const words = translate(this.key, { ...values, ns: this.namespace, lng: locale });
    // A key answered as itself has no catalog yet: not kept, so its words come once the catalog does.
    if (memo.length <= MEMO_KEY_MAX && words !== this.key) {
      if (rendered.size >= MEMO_SIZE) rendered.clear();
      rendered.set(memo, words);
    }
    return words;
  }

  toString(): string {
    return this.in(DEFAULT_LOCALE);
  }

  /** A form that survives storage (a job's problems, say) and comes back with `Text.from`. */
  toJSON(): StoredText {
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.values)) values[name] = value instanceof Text ? value.toJSON() : value;
    return { namespace: this.namespace, key: this.key, values };
  }

  static from(stored: StoredText): Text {
    const values: TextValues = {};
    for (const [name, value] of Object.entries(stored.values ?? {})) values[name] = isStoredText(value) ? Text.from(value) : (value as TextValue);
    return new Text(stored.namespace, stored.key, values);
  }
}

export interface StoredText {
  namespace: string;
  key: string;
  values?: Record<string, unknown>;
}

export function isStoredText(value: unknown): value is StoredText {
  return typeof value === 'object' && value !== null && typeof (value as StoredText).namespace === 'string' && typeof (value as StoredText).key === 'string';
}

/** Words that are either fixed (data, a name) or a `Text` still to be put in a reader's language. */
export type Localizable = string | Text;

export function localize(words: Localizable, locale: Locale): string {
  return typeof words === 'string' ? words : words.in(locale);
}

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A catalog's keys as callers name them: `count_one` and `count_other` are both `count`. */
export type MessageKey<C> = keyof C extends infer K ? (K extends `${infer Base}_${PluralSuffix}` ? Base : K & string) : never;

type Catalog = Record<string, string>;
export interface Catalogs {
  byLocale: Record<Locale, Catalog>;
  /** Keys whose words are rightly the same as English in a locale (a name, a code). */
  sameAsEnglish: Partial<Record<Locale, readonly string[]>>;
}
const catalogs = new Map<string, Catalogs>();

/**
 * Registers a namespace's catalogs and answers a function that makes its `Text`s. The type asks
 * every locale for every English key; the catalogs test also checks plural forms and placeholders.
 */
export function defineMessages<C extends Catalog>(
  namespace: string,
  byLocale: { en: C } & Record<Exclude<Locale, 'en'>, Record<keyof C, string> & Catalog>,
  sameAsEnglish: Catalogs['sameAsEnglish'] = {},
) {
  if (catalogs.has(namespace)) throw new Error(`The message namespace ${namespace} is defined twice.`);
  catalogs.set(namespace, { byLocale: byLocale as Record<Locale, Catalog>, sameAsEnglish });
  for (const locale of LOCALES) i18n.addResourceBundle(locale, namespace, byLocale[locale]);
  return (key: MessageKey<C>, values?: TextValues) => new Text(namespace, key, values);
}

/** Every namespace defined so far, for the test that holds the catalogs to one another. */
export function definedCatalogs(): ReadonlyMap<string, Catalogs> {
  return catalogs;
}
