import { describe, expect, it } from 'vitest';
import type { PersonProfile } from '../people/people.service.js';
import { ilrToNumber } from '../people/people.schemas.js';
import { type CandidateNeeds, rankCandidates, scoreCandidate, WEIGHTS } from './candidates.js';

const needs = (requiredLanguages: [string, string][]): CandidateNeeds => ({
  hostCountry: 'HT',
  requiredLanguages: requiredLanguages.map(([language, level]) => ({ language, minSpeaking: ilrToNumber(level as '2') })),
  specialties: [],
  isHighThreat: false,
  track: 'policing',
  period: { start: '2011-01-10', end: '2011-04-09' },
});

const person = (name: string, languages: [string, string | null][]): PersonProfile => ({
  id: name,
  organizationId: 'agency',
  organizationName: 'Agency',
  organizationCountry: 'US',
  name,
  status: 'active',
  languages: languages.map(([language, level]) => ({ language, speaking: level === null ? null : ilrToNumber(level as '2') })),
  heritageCountries: [],
  specialties: [],
  readiness: [],
});

const language = (candidate: ReturnType<typeof scoreCandidate>) => candidate.components.find((c) => c.factor === 'language');

describe('candidates by language, a level not known included', () => {
  it('counts a known level against the minimum asked', () => {
    const meets = scoreCandidate(person('A', [['ht', '3']]), needs([['ht', '2']]), []);
    expect(language(meets)).toEqual({ factor: 'language', points: WEIGHTS.language, max: WEIGHTS.language, detail: 'Haitian Creole speaking 3 (meets the 2 asked)' });
    const below = scoreCandidate(person('B', [['ht', '1']]), needs([['ht', '2']]), []);
    expect(language(below)).toMatchObject({ points: 20, detail: 'Haitian Creole speaking 1 (below the 2 asked)' });
    expect(meets.languageLevelsUnknown).toEqual([]);
  });

  it('does not count a level not known as meeting a minimum, and says so', () => {
    const candidate = scoreCandidate(person('C', [['es', null]]), needs([['es', '2+']]), []);
    expect(language(candidate)).toEqual({ factor: 'language', points: 0, max: WEIGHTS.language, detail: 'Spanish: level unknown, needs 2+ (not counted until a level is recorded)' });
    expect(candidate.languageLevelsUnknown).toEqual(['es']);
    expect(candidate.score).toBe(WEIGHTS.specialty + WEIGHTS.availability);
  });

  it('ranks a level not known below any known level, and no higher than someone who speaks none of the languages', () => {
    const ranked = rankCandidates([
      scoreCandidate(person('Unknown', [['ht', null]]), needs([['ht', '2']]), []),
      scoreCandidate(person('Below', [['ht', '0+']]), needs([['ht', '2']]), []),
      scoreCandidate(person('None', [['de', '5']]), needs([['ht', '2']]), []),
    ]);
    expect(ranked.map((c) => c.person.name)).toEqual(['Below', 'None', 'Unknown']);
    expect(ranked[1]?.score).toBe(ranked[2]?.score);
    expect(language(ranked[1] as never)).toMatchObject({ detail: 'speaks none of Haitian Creole' });
  });

  it('takes a known level that meets over one not known, and names the one not known when short of full points', () => {
    const meets = scoreCandidate(person('D', [['ht', null], ['fr', '3']]), needs([['ht', '2'], ['fr', '2']]), []);
    expect(language(meets)).toMatchObject({ points: WEIGHTS.language, detail: 'French speaking 3 (meets the 2 asked)' });
    expect(meets.languageLevelsUnknown).toEqual(['ht']);
    const short = scoreCandidate(person('E', [['ht', null], ['fr', '1']]), needs([['ht', '2'], ['fr', '2']]), []);
    expect(language(short)).toMatchObject({
      points: 20,
      detail: 'French speaking 1 (below the 2 asked); Haitian Creole: level unknown, needs 2 (not counted until a level is recorded)',
    });
  });

  it('counts anyone who speaks the language when no minimum level is asked (0)', () => {
    const candidate = scoreCandidate(person('F', [['pt', null]]), needs([['pt', '0']]), []);
    expect(language(candidate)).toMatchObject({ points: WEIGHTS.language, detail: 'Portuguese: level unknown (any level is asked)' });
  });
});

describe('ranking by the deployment’s track', () => {
  it('gives the track its points, says why, and ranks the track’s people first even on a lower score', () => {
    const policing = scoreCandidate(person('Zed Policing', []), needs([['ht', '2']]), [], true);
    const corrections = scoreCandidate(person('Abe Corrections', [['ht', '3']]), needs([['ht', '2']]), [], false);
    expect(policing.components.find((c) => c.factor === 'track')).toEqual({ factor: 'track', points: WEIGHTS.track, max: WEIGHTS.track, detail: 'works in policing (agency partnership or training)' });
    expect(corrections.components.find((c) => c.factor === 'track')).toMatchObject({ points: 0, detail: 'nothing on record in policing' });
    expect(corrections.score).toBeGreaterThan(policing.score);
    expect(rankCandidates([corrections, policing]).map((c) => c.person.name)).toEqual(['Zed Policing', 'Abe Corrections']);
  });

  it('weighs the factors to 100 in all', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
