import { daysInclusive } from '../../platform/dates.js';

/**
 * Person-days: days deployed, summed over people, both ends counted (6 officers from 9 August to
 * 6 November is 540). Every figure that reports them (the deployment list, the dashboard, the
 * year report, IATI, the deployment reports) counts with these, so they always agree.
 */

/** What an assignment's days are counted from, as its row holds it. */
export interface DeployedAssignment {
  status: string;
  deployed_on: string | null;
  returned_on: string | null;
  end_on: string;
}

export interface Period {
  start: string;
  end: string;
}

export function calendarYear(year: number): Period {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * The days an assignment has been deployed, as of today: from departure to return, or while it
 * runs to today (never past its planned end). Days still ahead are not yet served, so a return
 * recorded for a later day counts to today as well.
 */
export function deployedPeriod(a: DeployedAssignment, today: string): Period | null {
  if (!a.deployed_on || (a.status !== 'deployed' && a.status !== 'returned')) return null;
  const end = [a.returned_on ?? a.end_on, today].reduce((x, y) => (x < y ? x : y));
  return end >= a.deployed_on ? { start: a.deployed_on, end } : null;
}

/** An assignment's days deployed inside a period, up to the earlier of the period's end and today. */
export function personDaysWithin(a: DeployedAssignment, period: Period, today: string): number {
  const deployed = deployedPeriod(a, today);
  if (!deployed) return 0;
  const start = deployed.start > period.start ? deployed.start : period.start;
  const end = deployed.end < period.end ? deployed.end : period.end;
  return start <= end ? daysInclusive(start, end) : 0;
}

/** An assignment's days deployed so far, whatever the year. */
export function personDaysOf(a: DeployedAssignment, today: string): number {
  const deployed = deployedPeriod(a, today);
  return deployed ? personDaysWithin(a, deployed, today) : 0;
}

/** An assignment's days deployed so far, in each calendar year it ran in. */
export function personDaysByYear(a: DeployedAssignment, today: string): { year: number; days: number }[] {
  const deployed = deployedPeriod(a, today);
  if (!deployed) return [];
  const years: { year: number; days: number }[] = [];
  for (let year = Number(deployed.start.slice(0, 4)); year <= Number(deployed.end.slice(0, 4)); year += 1) {
    years.push({ year, days: personDaysWithin(a, calendarYear(year), today) });
  }
  return years;
}
