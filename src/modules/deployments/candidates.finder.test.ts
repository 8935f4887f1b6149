import { describe, expect, it } from 'vitest';
import type { Candidate } from './deployments.schemas.js';
import { type BoundedRead, bestCandidates } from './candidates.finder.js';
import { rankCandidates } from './candidates.js';

const candidate = (name: string, score: number, isInTrack = false): Candidate => ({
  person: { id: name, name, organizationId: 'agency', organizationName: 'Agency' },
  score,
  components: [],
  isAvailable: true,
  isReady: true,
  isInTrack,
  languageLevelsUnknown: [],
});

/** Reads people in bound order (track first, then bound), counting the people read. */
function reader(reads: BoundedRead[]) {
  const ordered = [...reads].sort((a, b) => Number(b.isInTrack) - Number(a.isInTrack) || b.upper - a.upper);
  const seen = { count: 0 };
  return {
    seen,
    read: async (page: { limit: number; offset: number }) => {
      const slice = ordered.slice(page.offset, page.offset + page.limit);
      seen.count += slice.length;
      return slice;
    },
  };
}

describe('the best candidates read in bound order', () => {
  // Bounds well above the scores at first, so the order read is not the order ranked.
  const reads: BoundedRead[] = Array.from({ length: 300 }, (_, i) => {
    const score = (i * 37) % 101;
    const isInTrack = i % 7 === 0;
    return { candidate: candidate(`P${String(i).padStart(3, '0')}`, score, isInTrack), isInTrack, upper: score + ((i * 13) % 30) };
  });
  const everyone = rankCandidates(reads.map((r) => r.candidate as Candidate));

  it('gives the head of the full ranking at any limit, and stops before reading everyone', async () => {
    for (const limit of [1, 2, 5, 25, 60]) {
      const { read, seen } = reader(reads);
      expect(await bestCandidates(read, limit)).toEqual(everyone.slice(0, limit));
      if (limit <= 25) expect(seen.count).toBeLessThan(reads.length);
    }
  });

  it('reads on past a tie at the cut-off: an equal score later in the order may win on its name', async () => {
    const tied = [
      // A first page of ten, its last bound equal to the limit-th score: the next may still tie it.
      ...Array.from({ length: 10 }, (_, i) => ({ candidate: candidate(`Z${String(i).padStart(2, '0')}`, 50), isInTrack: false, upper: 50 })),
      { candidate: candidate('A first by name', 50), isInTrack: false, upper: 50 },
    ];
    const { read } = reader(tied);
    expect((await bestCandidates(read, 1))[0]?.person.name).toBe('A first by name');
  });

  it('leaves out those a rule in TypeScript refuses, and still fills the limit', async () => {
    const some = reads.map((r, i) => (i % 3 === 0 ? { ...r, candidate: null } : r));
    const kept = rankCandidates(some.flatMap((r) => (r.candidate ? [r.candidate] : [])));
    const { read } = reader(some);
    expect(await bestCandidates(read, 25)).toEqual(kept.slice(0, 25));
  });
});
