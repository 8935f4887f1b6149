import { describe, expect, it } from 'vitest';
import { countryName, formatDay, formatDayRange, formatList, formatNumber } from './format.js';

describe('dates, numbers, lists and countries in each language', () => {
  it('writes a calendar day as a long date, never shifted by a time zone', () => {
    expect(formatDay('2010-12-20', 'en')).toBe('December 20, 2010');
    expect(formatDay('2010-12-20', 'es')).toBe('20 de diciembre de 2010');
    expect(formatDay('2010-12-20', 'fr')).toBe('20 décembre 2010');
    expect(formatDay('2010-12-20', 'pt')).toBe('20 de dezembro de 2010');
    expect(formatDay('2010-12-20', 'ht')).toBe('20 desanm 2010');
    expect(formatDay('2010-01-31T23:30:00Z', 'ht')).toBe('31 janvye 2010');
    expect(formatDay('not a day', 'fr')).toBe('not a day');
  });

  it('writes a range of days once, with Kreyòl months on either side', () => {
    expect(formatDayRange('2010-09-20', '2010-09-24', 'es')).toMatch(/^20.24 de septiembre de 2010$/);
    expect(formatDayRange('2010-07-30', '2010-08-02', 'ht')).toMatch(/30 jiyè.+2 out 2010/);
    expect(formatDayRange('2010-05-03', '2010-05-03', 'en')).toBe('May 3, 2010');
  });

  it('joins lists and writes numbers as each language does', () => {
    expect(formatList(['Haiti', 'Brazil', 'El Salvador'], 'en')).toBe('Haiti, Brazil, and El Salvador');
    expect(formatList(['Haití', 'Brasil', 'El Salvador'], 'es')).toBe('Haití, Brasil y El Salvador');
    expect(formatList(['Ayiti', 'Brezil', 'Salvadò'], 'ht')).toBe('Ayiti, Brezil ak Salvadò');
    expect(formatList(['A', 'B'], 'ht', 'disjunction')).toBe('A oswa B');
    expect(formatNumber(1234.5, 'fr').replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatNumber(1234.5, 'pt')).toBe('1.234,5');
  });

  it('names countries in the reader’s language, with Kreyòl names where ICU has none', () => {
    expect(countryName('HT', 'es')).toBe('Haití');
    expect(countryName('SV', 'ht')).toBe('Salvadò');
    expect(countryName('BR', 'fr')).toBe('Brésil');
  });
});
