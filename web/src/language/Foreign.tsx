import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The language records are typed in: the program office enters course titles, credential names
 * and organization names in English, whatever language a page is read in. A record that knows
 * its own language (a course's `language`) says so instead.
 */
export const RECORD_LANGUAGE = 'en';

const primary = (code: string) => code.split(/[-_]/)[0]?.toLowerCase() ?? code;

/**
 * The `lang` a piece of a record needs on a page in `pageLanguage`: its own language when that
 * differs from the page's (so a screen reader speaks an English title on a Spanish page as
 * English, WCAG 3.1.2), nothing when they agree.
 */
export function foreignLang(recordLanguage: string | null | undefined, pageLanguage: string): string | undefined {
  const own = recordLanguage || RECORD_LANGUAGE;
  return primary(own) === primary(pageLanguage) ? undefined : own;
}

/** `foreignLang` for the page's current language. */
export function useForeignLang(recordLanguage?: string | null): string | undefined {
  const { i18n } = useTranslation();
  return foreignLang(recordLanguage, i18n.language);
}

/** Record text in its own language: wrapped in a `<span lang>` only when that is not the page's. */
export function Foreign({ lang, children }: { lang?: string | null | undefined; children: ReactNode }) {
  const own = useForeignLang(lang);
  return own ? <span lang={own}>{children}</span> : <>{children}</>;
}

/** Private-use characters around a value's name: they never occur in a catalog or a record. */
const mark = (name: string) => `\uE000${name}\uE001`;

/**
 * A catalog sentence with record values set in it, each marked with its own language: `words`
 * gets a mark for each record value and answers the translated sentence (`(marks) => t(key,
 * { ...values, ...marks })`); each mark is then replaced by the value, in a `<Foreign>`.
 */
export function RecordSentence({ words, records, lang }: { words: (marks: Record<string, string>) => string; records: Record<string, string>; lang?: string | null }) {
  const marks = Object.fromEntries(Object.keys(records).map((name) => [name, mark(name)]));
  const parts = words(marks).split(/\uE000(\w+)\uE001/);
  return (
    <>
      {parts.map((part, index) =>
        // split() puts each captured name at an odd index, between the sentence's pieces.
        index % 2 === 1 ? (
          <Foreign key={index} lang={lang}>
            {records[part]}
          </Foreign>
        ) : (
          part
        ),
      )}
    </>
  );
}
