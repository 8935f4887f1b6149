import { describe, expect, it } from 'vitest';
import { calendarDateSchema, countryCodeSchema, isCalendarDate, subdivisionCodeSchema } from './schemas.js';

describe('calendar dates', () => {
  it('accepts real days written YYYY-MM-DD, leap days included', () => {
    expect(isCalendarDate('2010-12-20')).toBe(true);
    expect(isCalendarDate('2012-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('refuses days that do not exist and other spellings', () => {
    for (const value of ['2010-02-29', '1900-02-29', '2010-13-01', '2010-00-10', '2010-12-00', '2010-12-32', '2010-04-31', '20-12-2010', '2010-12-20T00:00:00Z', '2010-1-2', '']) {
      expect(isCalendarDate(value), value).toBe(false);
    }
    expect(calendarDateSchema.safeParse('2010-02-29').error?.issues[0]?.message).toBe('must be a calendar date written YYYY-MM-DD');
  });

  it('agrees with the calendar on every month and day number of leap and common years', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    for (const year of [1600, 1900, 1999, 2000, 2010, 2012, 2100, 2400]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${year}-${two(month)}-${two(day)}`;
          const date = new Date(`${value}T00:00:00Z`);
          const exists = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
          expect(isCalendarDate(value), value).toBe(exists);
        }
      }
    }
  });
});

describe('country codes', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes', () => {
    for (const code of ['US', 'HT', 'SV', 'BR']) expect(countryCodeSchema.safeParse(code).success, code).toBe(true);
  });

  it('refuses unassigned, lower-case and three-letter codes', () => {
    for (const code of ['XX', 'ht', 'HTI', 'H', 'ZZ']) expect(countryCodeSchema.safeParse(code).success, code).toBe(false);
  });

  it('checks the shape of ISO 3166-2 subdivisions', () => {
    expect(subdivisionCodeSchema.safeParse('US-NY').success).toBe(true);
    expect(subdivisionCodeSchema.safeParse('HT-OU').success).toBe(true);
    expect(subdivisionCodeSchema.safeParse('NY').success).toBe(false);
  });
});
