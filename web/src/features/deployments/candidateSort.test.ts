import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../api/schemas';
import { firstDirection, sortCandidates } from './candidateSort';

const candidate = (name: string, score: number, agency: string, isReady: boolean, isAvailable = true): Candidate => ({
  person: { id: name, name, organizationId: agency, organizationName: agency },
  score,
  components: [],
  isAvailable,
  isReady,
  isInTrack: true,
  languageLevelsUnknown: [],
});

// As the server ranked them: the track's people first, so the scores are not in order.
const ranked = [candidate('Zoe', 70, 'NYPD', false), candidate('Abel', 90, 'BOP', true), candidate('émile', 70, 'CPD', true, false)];
const names = (list: ReturnType<typeof sortCandidates>) => list.map((r) => r.candidate.person.name);

describe('sorting candidates', () => {
  it('keeps the server’s rank by default, numbered from 1', () => {
    expect(sortCandidates(ranked, 'rank', 'ascending').map((r) => [r.rank, r.candidate.person.name])).toEqual([[1, 'Zoe'], [2, 'Abel'], [3, 'émile']]);
  });
  it('sorts by score, equal scores in rank order either way', () => {
    expect(names(sortCandidates(ranked, 'score', 'descending'))).toEqual(['Abel', 'Zoe', 'émile']);
    expect(names(sortCandidates(ranked, 'score', 'ascending'))).toEqual(['Zoe', 'émile', 'Abel']);
  });
  it('sorts names and agencies ignoring accents and case', () => {
    expect(names(sortCandidates(ranked, 'name', 'ascending'))).toEqual(['Abel', 'émile', 'Zoe']);
    expect(names(sortCandidates(ranked, 'agency', 'descending'))).toEqual(['Zoe', 'émile', 'Abel']);
  });
  it('puts the ready and the available first', () => {
    expect(names(sortCandidates(ranked, 'readiness', 'ascending'))).toEqual(['Abel', 'émile', 'Zoe']);
    expect(names(sortCandidates(ranked, 'availability', 'ascending'))).toEqual(['Zoe', 'Abel', 'émile']);
  });
  it('first sorts scores high to low, the rest in their natural order', () => {
    expect(firstDirection('score')).toBe('descending');
    expect(firstDirection('name')).toBe('ascending');
  });
});
