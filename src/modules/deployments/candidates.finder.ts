import type { Candidate } from './deployments.schemas.js';
import { rankCandidates } from './candidates.js';

/** A person who may be a candidate, before scoring: their name, track and the bound of their score in tenths. */
export interface Contender {
  id: string;
  name: string;
  isInTrack: boolean;
  /** Never below the score in tenths, less its track part (the score is a whole number of tenths). */
  bound: number;
}

/** Where the finder reads contenders from, and how it scores them. */
export interface ContenderSource {
  /** The best `limit` by track, then bound. */
  best(limit: number): Promise<Contender[]>;
  /** Everyone of the track (when `isInTrack`) at or above `tenths`, or everyone of the track and everyone else at or above it. */
  atLeast(key: { isInTrack: boolean; tenths: number }): Promise<Contender[]>;
  /** Each scored, or null when a rule judged only in TypeScript leaves them out. */
  score(contenders: readonly Contender[]): Promise<(Candidate | null)[]>;
}

const FIRST_READ = 10;
/** Under both engines' bound-parameter limits for the ids read at once. */
const LARGEST_READ = 1000;

/**
 * What a bound is compared with: the score in tenths less its track part. The track is the
 * ranking's first key, not in the bound; within one track everyone's track part is the same.
 */
const boundOf = (candidate: Candidate) => Math.round((candidate.score - (candidate.components.find((c) => c.factor === 'track')?.points ?? 0)) * 10);

/** The order contenders are scored in: the ranking's own, with the bound for the score. */
function byBound(a: Contender, b: Contender): number {
  return Number(b.isInTrack) - Number(a.isInTrack) || b.bound - a.bound || a.name.localeCompare(b.name);
}

/** Whether the contender's bound, and so that of everyone after it by track and bound, is below `cut`. */
function boundBelow(next: Contender, cut: Candidate): boolean {
  return next.isInTrack !== cut.isInTrack ? cut.isInTrack : next.bound < boundOf(cut);
}

/** Whether the contender, and so everyone after it by track, bound and name, ranks strictly below `cut`. */
function endsBelow(next: Contender, cut: Candidate): boolean {
  if (boundBelow(next, cut)) return true;
  return next.isInTrack === cut.isInTrack && next.bound === boundOf(cut) && next.name.localeCompare(cut.person.name) > 0;
}

/**
 * The best `limit` candidates, exactly as scoring and ranking everyone would give them (the
 * threshold algorithm). The best by bound are scored first; their limit-th score leaves as
 * contenders only those whose bound reaches it, read as names; these are scored in the ranking's
 * order, bound for score, until the next can no longer reach the limit-th, even on its name.
 */
export async function bestCandidates(source: ContenderSource, limit: number): Promise<Candidate[]> {
  const kept: Candidate[] = [];
  // Equal in all the ranking reads, people keep the order of their ids, as the pool was read before.
  const rank = () => rankCandidates([...kept].sort((a, b) => (a.person.id < b.person.id ? -1 : 1)));
  let size = Math.min(LARGEST_READ, Math.max(FIRST_READ, limit * 2));
  const first = await source.best(size);
  for (const c of await source.score(first)) if (c) kept.push(c);
  if (first.length < size) return rank().slice(0, limit);
  const cut = rank()[limit - 1];
  // Read by bound alone, the rest rank below the last read once its bound is below the limit-th score.
  if (cut && boundBelow(first.at(-1) as Contender, cut)) return rank().slice(0, limit);
  const seen = new Set(first.map((c) => c.id));
  // Without a limit-th yet (a rule left many out), everyone is a contender.
  const contenders = (await source.atLeast(cut ? { isInTrack: cut.isInTrack, tenths: boundOf(cut) } : { isInTrack: false, tenths: 0 }))
    .filter((c) => !seen.has(c.id))
    .sort(byBound);
  for (let i = 0; i < contenders.length; ) {
    const now = rank()[limit - 1];
    if (now && endsBelow(contenders[i] as Contender, now)) break;
    size = Math.min(LARGEST_READ, size * 2);
    const chunk = contenders.slice(i, i + size);
    i += chunk.length;
    for (const c of await source.score(chunk)) if (c) kept.push(c);
  }
  return rank().slice(0, limit);
}
