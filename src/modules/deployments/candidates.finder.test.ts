import { describe, expect, it } from 'vitest';
import type { Candidate } from './deployments.schemas.js';
import { bestCandidates, type Contender, type ContenderSource } from './candidates.finder.js';
import { rankCandidates } from './candidates.js';

const candidate = (name: string, score: number, isInTrack = false, id = name): Candidate => ({
  person: { id, name, organizationId: 'agency', organizationName: 'Agency' },
  score,
  components: [],
  isAvailable: true,
  isReady: true,
  isInTrack,
  languageLevelsUnknown: [],
});

interface Person {
  contender: Contender;
  candidate: Candidate | null;
}

/** A source over people in memory, as the database gives them, counting those scored. */
function source(people: Person[]) {
  const byId = new Map(people.map((p) => [p.contender.id, p]));
  const scored = { count: 0 };
  const of: ContenderSource = {
    best: async (limit) =>
      [...people]
        .map((p) => p.contender)
        .sort((a, b) => Number(b.isInTrack) - Number(a.isInTrack) || b.bound - a.bound || (a.id < b.id ? -1 : 1))
        .slice(0, limit),
    atLeast: async ({ isInTrack, tenths }) => people.map((p) => p.contender).filter((c) => (isInTrack ? c.isInTrack && c.bound >= tenths : c.isInTrack || c.bound >= tenths)),
    score: async (contenders) => {
      scored.count += contenders.length;
      return contenders.map((c) => byId.get(c.id)?.candidate ?? null);
    },
  };
  return { of, scored };
}

const person = (name: string, score: number, bound: number, isInTrack = false, id = name): Person => ({
  contender: { id, name, isInTrack, bound: Math.round(bound * 10) },
  candidate: candidate(name, score, isInTrack, id),
});

describe('the best candidates, scored in bound order', () => {
  // Bounds well above the scores for some, so the order read is not the order ranked.
  const people = Array.from({ length: 300 }, (_, i) => {
    const score = (i * 37) % 101;
    return person(`P${String(i).padStart(3, '0')}`, score, score + ((i * 13) % 30), i % 7 === 0);
  });
  const everyone = rankCandidates(people.map((p) => p.candidate as Candidate));

  it('gives the head of the full ranking at any limit, and scores far fewer than everyone', async () => {
    for (const limit of [1, 2, 5, 25, 60]) {
      const { of, scored } = source(people);
      expect(await bestCandidates(of, limit)).toEqual(everyone.slice(0, limit));
      if (limit <= 25) expect(scored.count).toBeLessThan(people.length / 2);
    }
  });

  it('settles a tie at the cut-off by name, scoring only the names that come first', async () => {
    // Two hundred of equal score and bound: the first by name win, whatever order the database read them in.
    const tied = Array.from({ length: 200 }, (_, i) => person(`T${String((i * 71) % 200).padStart(3, '0')}`, 80, 80, false, `id${String(i).padStart(3, '0')}`));
    const { of, scored } = source(tied);
    expect((await bestCandidates(of, 3)).map((c) => c.person.name)).toEqual(['T000', 'T001', 'T002']);
    expect(scored.count).toBeLessThan(40);
  });

  it('compares a bound with the score less its track part, which the bound leaves out', async () => {
    // Of the track, each scores 10 more than their bound, for the track; of equal score, the first by name win.
    const ofTrack = (name: string, id: string, parts: number): Person => {
      const scored = candidate(name, parts + 10, true, id);
      return { contender: { id, name, isInTrack: true, bound: parts * 10 }, candidate: { ...scored, components: [{ factor: 'track', points: 10, max: 10, detail: 'Of the track.' }] } };
    };
    // Read by bound then id, the first twelve are not the first by name.
    const tied = Array.from({ length: 12 }, (_, i) => ofTrack(`Tie${String(11 - i).padStart(2, '0')}`, `id${String(i).padStart(2, '0')}`, 70));
    const people = [ofTrack('Best', 'id-best', 90), ...tied];
    expect((await bestCandidates(source(people).of, 2)).map((c) => c.person.name)).toEqual(['Best', 'Tie00']);
  });

  it('leaves out those a rule in TypeScript refuses, and still fills the limit', async () => {
    const some = people.map((p, i) => (i % 3 === 0 ? { ...p, candidate: null } : p));
    const kept = rankCandidates(some.flatMap((p) => (p.candidate ? [p.candidate] : [])));
    expect(await bestCandidates(source(some).of, 25)).toEqual(kept.slice(0, 25));
    const hardlyAny = people.map((p, i) => (i % 50 === 0 ? p : { ...p, candidate: null }));
    expect(await bestCandidates(source(hardlyAny).of, 25)).toEqual(rankCandidates(hardlyAny.flatMap((p) => (p.candidate ? [p.candidate] : []))));
  });
});
