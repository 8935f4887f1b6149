import type { Candidate } from '../../api/schemas';

export const CANDIDATE_SORTS = ['rank', 'score', 'name', 'agency', 'readiness', 'availability'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];
export type Direction = 'ascending' | 'descending';

export interface Ranked {
  rank: number;
  candidate: Candidate;
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** How two ranked candidates compare on one column, in its natural (ascending) order. */
const COMPARE: Record<CandidateSort, (a: Ranked, b: Ranked) => number> = {
  rank: (a, b) => a.rank - b.rank,
  score: (a, b) => a.candidate.score - b.candidate.score,
  name: (a, b) => byText(a.candidate.person.name, b.candidate.person.name),
  agency: (a, b) => byText(a.candidate.person.organizationName, b.candidate.person.organizationName),
  // Ready (and available) first when ascending: what a planner looks for.
  readiness: (a, b) => Number(b.candidate.isReady) - Number(a.candidate.isReady),
  availability: (a, b) => Number(b.candidate.isAvailable) - Number(a.candidate.isAvailable),
};

/** The list in the server's rank, re-sorted by a column; ties keep the rank, so the order is stable. */
export function sortCandidates(candidates: readonly Candidate[], sort: CandidateSort, direction: Direction): Ranked[] {
  const ranked = candidates.map((candidate, index) => ({ rank: index + 1, candidate }));
  const sign = direction === 'ascending' ? 1 : -1;
  return ranked.sort((a, b) => sign * COMPARE[sort](a, b) || a.rank - b.rank);
}

/** A column first sorted: high scores first, everything else in its natural order. */
export function firstDirection(sort: CandidateSort): Direction {
  return sort === 'score' ? 'descending' : 'ascending';
}
