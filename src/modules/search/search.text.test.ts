import { describe, expect, it } from 'vitest';
import { ftsQuery, indexText, MAX_QUERY_WORDS, queryWords, relevance, tsQuery, words } from './search.text.js';

describe('search words', () => {
  it('folds accents and case and splits at punctuation', () => {
    expect(words('José Pierre-Louis')).toEqual(['jose', 'pierre', 'louis']);
    expect(words('J.García@PNH.ht')).toEqual(['j', 'garcia', 'pnh', 'ht']);
    expect(words("Police Nationale d'Haïti")).toEqual(['police', 'nationale', 'd', 'haiti']);
  });

  it('keeps scripts without accents as they are, and digits', () => {
    expect(words('Ранг 2010-0042')).toEqual(['ранг', '2010', '0042']);
  });

  it('leaves out empty parts of a record', () => {
    expect(indexText('Ana', null, undefined, '', 'Dö-Núñez')).toBe('ana do nunez');
  });

  it('asks for each word of a query once, as a prefix, at most eight', () => {
    expect(queryWords('  pierre-l  Pierre ')).toEqual(['pierre', 'l']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(MAX_QUERY_WORDS);
    expect(queryWords('"* OR :')).toEqual(['or']);
    expect(queryWords('-- ::')).toEqual([]);
  });

  it('writes the engines’ queries from plain words only, whole or as prefixes', () => {
    expect(ftsQuery('names', ['jose', 'gar'], 'prefix')).toBe('names : ("jose"* AND "gar"*)');
    expect(ftsQuery('terms', ['jose'], 'whole')).toBe('terms : ("jose")');
    expect(tsQuery(['jose', 'gar'], 'prefix')).toBe('jose:* & gar:*');
    expect(tsQuery(['jose', 'gar'], 'whole')).toBe('jose & gar');
  });

  it('ranks a whole word above its start, then the record that says less besides', () => {
    expect(relevance('ana perez', ['ana'])).toBeGreaterThan(relevance('anais perez', ['ana']));
    expect(relevance('jose garcia', ['jose'])).toBeGreaterThan(relevance('jose garcia lopez', ['jose']));
    expect(relevance('jose garcia lopez', ['jose', 'gar'])).toBeGreaterThan(relevance('jose perez', ['jose', 'gar']));
  });
});
