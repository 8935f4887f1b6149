import { describe, expect, it } from 'vitest';
import { calendarDateSchema, countryCodeSchema, isCalendarDate, subdivisionCodeSchema } from './schemas.js';

describe('calendar dates', () => {
  it('accepts real days written YYYY-MM-DD, leap days included', () => {
    expect(isCalendarDate('2010-12-20')).toBe(true);
    expect(isCalendarDate('2012-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('refuses days that do not exist and other spellings', () => {
    for (const value of ['2010-02-29', '1900-02-29', '2010-13-01', '2010-04-31', '20-12-2010', '2010-12-20T00:00:00Z', '2010-1-2', '']) {
      expect(isCalendarDate(value), value).toBe(false);
    }
    expect(calendarDateSchema.safeParse('2010-02-29').error?.issues[0]?.message).toBe('must be a calendar date written YYYY-MM-DD');
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
