/**
 * The generator's randomness: a seeded PRNG (mulberry32), so two runs and two engines write the
 * same program, and record ids drawn from it in UUIDv7's shape (a clock that only counts up and
 * random bits from the seed), so even the ids repeat from one run to the next.
 */

export type Random = ReturnType<typeof random>;

export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const weighted = <T>(items: readonly [T, number][]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return (items.at(-1) as [T, number])[0];
  };
  /** A day of the year, by the 28th so month arithmetic stays simple; `lastMonth` keeps a course inside its year. */
  const day = (year: number, lastMonth = 12) => `${year}-${String(int(1, lastMonth)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  return { next, int, pick, chance, weighted, day };
}

const hex = (value: number, digits: number) => Math.floor(value).toString(16).padStart(digits, '0').slice(-digits);

/** Ids in UUIDv7's layout, in creation order, from the seed: the same run gives the same ids. */
export function idMaker(seed: number, epochMs = Date.UTC(2026, 0, 1)) {
  const rnd = random(seed ^ 0x5eed1d);
  let ms = epochMs;
  return (): string => {
    ms += 1;
    const a = hex(ms / 65536, 8);
    const b = hex(ms % 65536, 4);
    const c = `7${hex(rnd.next() * 0x1000, 3)}`;
    const d = hex(0x8000 + rnd.next() * 0x4000, 4);
    const e = hex(rnd.next() * 0x1000000, 6) + hex(rnd.next() * 0x1000000, 6);
    return `${a}-${b}-${c}-${d}-${e}`;
  };
}
