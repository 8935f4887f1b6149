import { describe, expect, it } from 'vitest';
import { calendarYear, deployedPeriod, personDaysByYear, personDaysOf, personDaysWithin } from './person-days.js';

const returned = { status: 'returned', deployed_on: '2010-08-09', returned_on: '2010-11-06', end_on: '2010-11-06' };
const running = (deployedOn: string, endOn: string) => ({ status: 'deployed', deployed_on: deployedOn, returned_on: null, end_on: endOn });

describe('person-days', () => {
  it('counts both ends: the 2010 deployment is 90 days an officer, 540 for six', () => {
    expect(personDaysOf(returned, '2026-01-01')).toBe(90);
    expect(6 * personDaysWithin(returned, calendarYear(2010), '2026-01-01')).toBe(540);
  });

  it('counts a single day as one, and a period that misses the deployment as none', () => {
    expect(personDaysWithin(returned, { start: '2010-11-06', end: '2010-12-31' }, '2026-01-01')).toBe(1);
    expect(personDaysWithin(returned, { start: '2010-08-01', end: '2010-08-09' }, '2026-01-01')).toBe(1);
    expect(personDaysWithin(returned, { start: '2010-11-07', end: '2010-12-31' }, '2026-01-01')).toBe(0);
    expect(personDaysWithin(returned, calendarYear(2011), '2026-01-01')).toBe(0);
  });

  it('stops at today for a deployment still running, even in a period that ends later', () => {
    const a = running('2026-11-01', '2027-04-30');
    expect(personDaysWithin(a, calendarYear(2026), '2026-12-06')).toBe(36);
    expect(personDaysWithin(a, calendarYear(2027), '2026-12-06')).toBe(0);
    expect(personDaysOf(a, '2026-12-06')).toBe(36);
    // Departure day itself is one day served; the day before, none.
    expect(personDaysOf(a, '2026-11-01')).toBe(1);
    expect(personDaysOf(a, '2026-10-31')).toBe(0);
  });

  it('stops at the planned end when no return was recorded, and counts to a recorded return', () => {
    expect(personDaysOf(running('2010-08-09', '2010-11-06'), '2026-01-01')).toBe(90);
    expect(personDaysOf({ ...returned, returned_on: '2010-08-18' }, '2026-01-01')).toBe(10);
  });

  it('counts nobody who has not left, and a return later than today only to today', () => {
    expect(personDaysOf({ status: 'selected', deployed_on: null, returned_on: null, end_on: '2010-11-06' }, '2026-01-01')).toBe(0);
    expect(personDaysOf({ status: 'withdrawn', deployed_on: '2010-08-09', returned_on: null, end_on: '2010-11-06' }, '2026-01-01')).toBe(0);
    expect(deployedPeriod({ ...returned, returned_on: '2010-12-31', end_on: '2010-12-31' }, '2010-11-01')).toEqual({ start: '2010-08-09', end: '2010-11-01' });
  });

  it('splits a deployment across the new year, the parts adding up to the whole', () => {
    const a = { status: 'returned', deployed_on: '2010-11-15', returned_on: '2011-02-12', end_on: '2011-02-12' };
    expect(personDaysByYear(a, '2026-01-01')).toEqual([
      { year: 2010, days: 47 },
      { year: 2011, days: 43 },
    ]);
    expect(personDaysOf(a, '2026-01-01')).toBe(90);
    expect(personDaysByYear(running('2026-11-01', '2027-04-30'), '2026-12-06')).toEqual([{ year: 2026, days: 36 }]);
  });
});
