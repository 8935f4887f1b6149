import type { Candidate } from './deployments.schemas.js';
import { rankCandidates } from './candidates.js';

/**
 * One person as read in bound order: their scored candidate (null when a rule judged only in
 * TypeScript leaves them out), whether they are of the deployment's track, and the bound of their
 * score they were read by, never below the score itself.
 */
export interface BoundedRead {
  candidate: Candidate | null;
  isInTrack: boolean;
  upper: number;
}

const FIRST_PAGE = 10;
/** Under both engines' bound-parameter limits for the page's ids. */
const LARGEST_PAGE = 1000;

/** Whether everyone read after `last` ranks strictly below `cut`: the track first, then the bound against the score. */
function endsBelow(last: BoundedRead, cut: Candidate): boolean {
  if (last.isInTrack !== cut.isInTrack) return cut.isInTrack;
  return last.upper < cut.score;
}

/**
 * The best `limit` candidates, exactly as ranking everyone would give them, reading people a page at
 * a time in bound order (the threshold algorithm): once the last person read has a bound below the
 * limit-th score so far, no one further can rank, not even on a tie broken by name.
 */
export async function bestCandidates(read: (page: { limit: number; offset: number }) => Promise<BoundedRead[]>, limit: number): Promise<Candidate[]> {
  const kept: Candidate[] = [];
  let offset = 0;
  let size = Math.min(LARGEST_PAGE, Math.max(FIRST_PAGE, limit * 2));
  for (;;) {
    const page = await read({ limit: size, offset });
    for (const r of page) if (r.candidate) kept.push(r.candidate);
    offset += page.length;
    const last = page.at(-1);
    if (!last || page.length < size) break;
    const cut = rankCandidates(kept)[limit - 1];
    if (cut && endsBelow(last, cut)) break;
    size = Math.min(LARGEST_PAGE, size * 2);
  }
  return rankCandidates(kept).slice(0, limit);
}
