/** An empty input means "not recorded": null in the request. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** "1,250.50" dollars → 125050 cents; NaN when it is not an amount (the schema then refuses it). */
export function dollarsToCents(value: string): number | null {
  const cleaned = value.replace(/[\s,$]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "Patrol, training, patrol" → ["patrol", "training"]: a list typed on one line, commas between. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => {
      const key = item.toLowerCase();
      if (!item || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** "90" → 90 and "" → null; anything else is NaN, which the schema refuses as not valid. */
export function toNumber(value: string): number | null {
  const cleaned = value.trim();
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function numberToText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
