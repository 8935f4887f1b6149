import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Candidate } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { CandidateRow } from './CandidateCard';

afterEach(cleanup);

const candidate: Candidate = {
  person: { id: '01900000-0000-7000-8000-000000000031', name: 'Yves Ébauche', organizationId: '01900000-0000-7000-8000-000000000032', organizationName: 'Test Police' },
  score: 50,
  components: [
    { factor: 'language', points: 0, max: 40, detail: 'Haitian Creole: level unknown, needs 2 (not counted until a level is recorded)' },
    { factor: 'heritage', points: 15, max: 15, detail: 'heritage in HT' },
  ],
  isAvailable: true,
  isReady: false,
  isInTrack: false,
  languageLevelsUnknown: ['ht'],
};

const card = (shown: Candidate) => (
  <table>
    <tbody>
      <CandidateRow candidate={shown} columns={7} rank={7} deploymentId="d" rotationId="r" canNominate={false} onNominated={() => undefined} />
    </tbody>
  </table>
);

describe('CandidateCard', () => {
  it('marks a required language whose level is not known, and explains the points it did not earn', () => {
    renderPage(card(candidate));
    expect(screen.getByText('Level unknown')).toBeTruthy();
    expect(screen.getByText(/Haitian Creole spoken at a level not recorded: it meets no minimum asked here/)).toBeTruthy();
    expect(screen.getByRole('cell', { name: /^Haitian Creole: level unknown, needs 2 \(not counted until a level is recorded\)/ })).toBeTruthy();
  });

  it('shows no such mark when every level is known', () => {
    renderPage(card({ ...candidate, languageLevelsUnknown: [] }));
    expect(screen.queryByText('Level unknown')).toBeNull();
  });

  it('opens how the score was earned on a line of its own, each factor with its points and why', () => {
    renderPage(card(candidate));
    expect(screen.queryByText(/15 of 15: heritage in HT/)).toBeNull();
    const why = screen.getByRole('button', { name: 'Why Yves Ébauche scored so' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/15 of 15: heritage in HT/)).toBeTruthy();
    expect(screen.getByText(/15 of 15: heritage in HT/).closest('td')?.getAttribute('colspan')).toBe('7');
  });
});
