import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { VerdictBanner } from './VerdictBanner';

const facts: Verdict['facts'] = {
  holder: 'Ana Testera',
  credential: 'Certified Test Instructor',
  issuer: 'Test Academy',
  validFrom: '2010-06-11',
  validUntil: '2012-06-10',
  reviewReason: null,
};

afterEach(cleanup);

describe('VerdictBanner', () => {
  it('words an expired credential with long dates', () => {
    renderPage(<VerdictBanner verdict={{ code: 'genuine_expired', cautions: [], facts, heading: '', text: '' }} />);
    expect(screen.getByRole('heading', { name: 'Genuine, but expired' })).toBeTruthy();
    expect(screen.getByText('Test Academy certified Ana Testera as Certified Test Instructor on June 11, 2010; it expired on June 10, 2012 and is no longer in force.')).toBeTruthy();
  });

  it('says a genuine credential under review is genuine, and to ask its issuer', () => {
    renderPage(
      <VerdictBanner
        verdict={{ code: 'genuine', cautions: [{ code: 'under_review', text: '' }], facts: { ...facts, validUntil: null, reviewReason: 'an instructor of the offering was decertified' }, heading: '', text: '' }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Genuine' })).toBeTruthy();
    expect(screen.getByText('Test Academy certified Ana Testera as Certified Test Instructor on June 11, 2010, with no end date.')).toBeTruthy();
    expect(screen.getByText('Under review by the issuer: an instructor of the offering was decertified. Ask Test Academy before relying on it.')).toBeTruthy();
  });
});
