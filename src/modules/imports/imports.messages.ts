import { readerLocale, type RequestContext } from '../../platform/access.js';
import { issueDetail } from '../../platform/http/issue-wording.js';
import { type Locale } from '../../platform/i18n/locales.js';
import { defineMessages, isStoredText, type Localizable, Text } from '../../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ht from './messages/ht.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };

/** What imports say: refusals, and the problems found in a file's rows, kept to be read in any language. */
export const importsText = defineMessages('imports', { en, es, fr, pt, ht }, { fr: ['kind.certifications', 'field.description'] });

/** Several words as one, in each language's way: “A, B and C”. */
export function listText(items: readonly Localizable[]): Localizable {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  if (rest.length === 0) return first;
  if (rest.length === 1) return importsText('list.two', { first, second: rest[0] });
  return importsText('list.more', { first, rest: listText(rest) });
}

/** A schema's complaint about a cell, as zod gave it: worded in the reader's language when read back. */
export interface SchemaIssue {
  readonly code: string;
  readonly message: string;
  readonly path?: readonly PropertyKey[];
}

/** Words as a column keeps them: a `Text` or a schema's issue as JSON; plain words (data) as they are. */
export function storedWords(words: Localizable | SchemaIssue): string {
  if (typeof words === 'string') return words;
  if (words instanceof Text) return JSON.stringify(words.toJSON());
  const { code, message, path: _path, ...params } = words as SchemaIssue & Record<string, unknown>;
  return JSON.stringify({ issue: { keyword: code, message, params } }, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
}

/**
 * Kept words in the reader's language. Words an older release kept (plain English) are shown as
 * they are.
 */
export function wordsIn(stored: string, locale: Locale): string;
export function wordsIn(stored: string | null, locale: Locale): string | null;
export function wordsIn(stored: string | null, locale: Locale): string | null {
  if (stored === null || !stored.startsWith('{')) return stored;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return stored;
  }
  if (isStoredText(parsed)) return Text.from(parsed).in(locale);
  const issue = (parsed as { issue?: { keyword?: unknown; message?: unknown; params?: unknown } } | null)?.issue;
  if (issue && typeof issue.keyword === 'string' && typeof issue.message === 'string') {
    return issueDetail({ keyword: issue.keyword, message: issue.message, params: (issue.params ?? {}) as Record<string, unknown>, instancePath: '', schemaPath: '' }, locale);
  }
  return stored;
}

/** A request as imports serve it: who asks, and the language they read (English when not said: the CLI). */
export type ImportsContext = RequestContext;
export { readerLocale };

