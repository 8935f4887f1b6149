import type { Assignment } from '../../api/schemas';
import { daysBetween } from '../../components/format';

export interface TimeWindow {
  from: string;
  to: string;
}

/** This calendar year, the timeline's window unless another is asked for. */
export function thisYear(today: string): TimeWindow {
  const year = today.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Where a span of days sits in the window, as percentages of its width: a bar's left edge and width.
 * The last day counts whole, so a one-day assignment still shows.
 */
export function place(period: TimeWindow, start: string, end: string): { left: number; width: number } {
  const total = daysBetween(period.from, period.to) + 1;
  const first = Math.max(0, daysBetween(period.from, start));
  const last = Math.min(total, daysBetween(period.from, end) + 1);
  return { left: (first / total) * 100, width: Math.max(0, ((last - first) / total) * 100) };
}

/** The first day of each month inside the window, for the scale above the bars. */
export function monthStarts(period: TimeWindow): string[] {
  const starts: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  // A window of many years would crowd the scale; 60 months is plenty for a chart.
  for (let i = 0; i < 60; i += 1) {
    const day = `${year}-${String(month).padStart(2, '0')}-01`;
    if (day > period.to) break;
    if (day >= period.from) starts.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return starts;
}

export interface TimelineGroup {
  key: string;
  label: string;
  to: string;
  /** Assignments that never overlap share a lane; the others get one more. */
  lanes: Assignment[][];
}

/** One group per person or per deployment, its assignments packed into as few lanes as fit. */
export function groupAssignments(items: readonly Assignment[], by: 'person' | 'deployment'): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  const sorted = [...items].sort((a, b) => a.startOn.localeCompare(b.startOn) || a.person.name.localeCompare(b.person.name));
  for (const assignment of sorted) {
    const key = by === 'person' ? assignment.person.id : assignment.deploymentId;
    const group = groups.get(key) ?? {
      key,
      label: by === 'person' ? assignment.person.name : assignment.deploymentTitle,
      to: by === 'person' ? `/people/${key}` : `/deployments/${key}`,
      lanes: [],
    };
    const lane = group.lanes.find((candidate) => (candidate[candidate.length - 1]?.endOn ?? '') < assignment.startOn);
    if (lane) lane.push(assignment);
    else group.lanes.push([assignment]);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}
