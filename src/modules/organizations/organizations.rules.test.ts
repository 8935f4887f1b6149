import { describe, expect, it } from 'vitest';
import { SUBDIVISION_ELSEWHERE, SUBDIVISION_UNKNOWN, subdivisionProblem } from './organizations.rules.js';

describe('an organization’s subdivision', () => {
  it('may be left out', () => {
    expect(subdivisionProblem('US', null)).toBeNull();
    expect(subdivisionProblem('US', undefined)).toBeNull();
  });

  it('is one ISO 3166-2 lists for the country', () => {
    expect(subdivisionProblem('US', 'US-VA')).toBeNull();
    expect(subdivisionProblem('HT', 'HT-OU')).toBeNull();
    // A department of France sits under a region; it is still France's.
    expect(subdivisionProblem('FR', 'FR-75C')).toBeNull();
  });

  it('is refused when ISO 3166-2 does not list it', () => {
    expect(subdivisionProblem('US', 'US-XX')).toBe(SUBDIVISION_UNKNOWN);
    expect(subdivisionProblem('HT', 'HT-ZZ')).toBe(SUBDIVISION_UNKNOWN);
  });

  it('is refused when it is another country’s', () => {
    expect(subdivisionProblem('US', 'BR-SP')).toBe(SUBDIVISION_ELSEWHERE);
    expect(subdivisionProblem('SV', 'HT-OU')).toBe(SUBDIVISION_ELSEWHERE);
  });
});
