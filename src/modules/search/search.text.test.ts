import { describe, expect, it } from 'vitest';
import { ftsQuery, indexText, MAX_QUERY_WORDS, queryWords, tsQuery, words } from './search.text.js';

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

  it('writes the engines’ queries from plain words only', () => {
    expect(ftsQuery('names', ['jose', 'gar'])).toBe('names : ("jose"* AND "gar"*)');
    expect(tsQuery(['jose', 'gar'])).toBe('jose:* & gar:*');
  });
});
