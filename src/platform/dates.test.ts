import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInclusive, longDate, overlaps } from './dates.js';

describe('calendar dates', () => {
  it('counts both ends of a period', () => {
    expect(daysInclusive('2010-08-09', '2010-08-09')).toBe(1);
    expect(daysInclusive('2010-08-09', addDays('2010-08-09', 89))).toBe(90);
  });

  it('clamps months at their end, leap years included', () => {
    expect(addMonths('2010-08-31', 6)).toBe('2011-02-28');
    expect(addMonths('2011-08-31', 6)).toBe('2012-02-29');
    expect(addMonths('2012-02-29', 12)).toBe('2013-02-28');
    expect(addMonths('2012-02-29', -12)).toBe('2011-02-28');
  });

  it('sees an overlap of a single day, and none a day apart', () => {
    expect(overlaps({ start: '2010-08-01', end: '2010-08-31' }, { start: '2010-08-31', end: '2010-09-30' })).toBe(true);
    expect(overlaps({ start: '2010-08-01', end: '2010-08-30' }, { start: '2010-08-31', end: '2010-09-30' })).toBe(false);
  });
});

describe('longDate', () => {
  it('writes a day or an instant as a long date, in UTC, in the locale asked for', () => {
    expect(longDate('2010-12-20')).toBe('December 20, 2010');
    expect(longDate('2013-09-23T23:59:59Z')).toBe('September 23, 2013');
    expect(longDate('2010-05-03', 'es')).toBe('3 de mayo de 2010');
    expect(longDate('not a date')).toBe('not a date');
  });
});
