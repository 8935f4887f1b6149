import { describe, expect, it } from 'vitest';
import { searchKey } from './text.js';

describe('searchKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(searchKey("  Police  Nationale d'Haïti ")).toBe(searchKey("police nationale d'haiti"));
    expect(searchKey('Polícia Penal de São Paulo')).toBe('policia penal de sao paulo');
  });

  it('reads plain ASCII and accented text alike, whatever the spacing', () => {
    expect(searchKey(" Jean-Wesnel\t SAINT-FLEUR\r\n")).toBe('jean-wesnel saint-fleur');
    expect(searchKey('Jean-Wésnel Saint-Fleur')).toBe('jean-wesnel saint-fleur');
    // Beyond plain ASCII (a vertical tab, a ligature, a numeral) the full path reads it.
    expect(searchKey('Jean\u000bPierre')).toBe('jean pierre');
    expect(searchKey('ﬁeld Ⅻ')).toBe('field xii');
  });

  it('keeps scripts without case as they are', () => {
    expect(searchKey('شرطة دبي')).toBe('شرطة دبي');
  });
});
