import { searchKey } from '../../platform/text.js';

/**
 * The words the search index holds and a query asks for, made the same way for both engines:
 * accents and case folded (`searchKey`: "José" is "jose"), then split at anything that is not a
 * letter or a digit ("Pierre-Louis" is "pierre louis", "j.garcia@pnh.ht" is "j garcia pnh ht").
 * Each engine then sees plain words only, so its own tokenizer cannot read them differently, and
 * nothing a user types can reach the query syntax of FTS5 or `to_tsquery`.
 */
export function words(text: string): string[] {
  return searchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A record's words as the index stores them. */
export function indexText(...parts: readonly (string | null | undefined)[]): string {
  return words(parts.filter((part) => part).join(' ')).join(' ');
}

/** At most this many words of a query count; more narrow nothing a person would type. */
export const MAX_QUERY_WORDS = 8;

/** The words of a query, each a prefix to look for ("pierre-l" asks for "pierre*" and "l*"). */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))].slice(0, MAX_QUERY_WORDS);
}

/** How each word of a query is asked for: whole (a first pass, which finds the closest), or as the start of a word. */
export type WordMatch = 'whole' | 'prefix';

/** An FTS5 query: every word, whole or as a prefix, in one column. */
export function ftsQuery(column: 'names' | 'terms', words: readonly string[], match: WordMatch): string {
  return `${column} : (${words.map((word) => `"${word}"${match === 'prefix' ? '*' : ''}`).join(' AND ')})`;
}

/** A PostgreSQL `to_tsquery` text: every word, whole or as a prefix. */
export function tsQuery(words: readonly string[], match: WordMatch): string {
  return words.map((word) => `${word}${match === 'prefix' ? ':*' : ''}`).join(' & ');
}

/**
 * How well a record's words answer a query, the same on both engines: each query word found
 * whole counts two, found as the start of a word one; of two records equally good, the one with
 * fewer words (the query says more of it) comes first.
 */
export function relevance(recordWords: string, queryWords: readonly string[]): number {
  const own = recordWords.split(' ');
  const points = queryWords.reduce((sum, word) => sum + (own.includes(word) ? 2 : own.some((w) => w.startsWith(word)) ? 1 : 0), 0);
  return points - own.length / 1000;
}
