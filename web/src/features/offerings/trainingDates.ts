/**
 * The follow-up window, 3 to 12 months after an offering ends, as training.rules.ts computes it
 * (months that clamp at their end: 30 November plus three months is 28 February). The page uses
 * it to say when follow-ups may be recorded; the API checks again.
 */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${targetYear}-${pad(targetMonth + 1)}-${pad(Math.min(date, lastDay))}`;
}

export function followUpWindow(endOn: string): { start: string; end: string } {
  return { start: addMonths(endOn, 3), end: addMonths(endOn, 12) };
}

/** The day before the same date `months` later: when a certification issued on `day` lapses. */
export function expiryAfter(day: string, months: number): string {
  const next = new Date(`${addMonths(day, months)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}
