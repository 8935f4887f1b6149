import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { VerdictBanner } from './VerdictBanner';

const certificate: CertificateSummary = {
  id: '01900000-0000-7000-8000-000000000009',
  holder: { name: 'Ana Testera', organizationName: 'Test Corrections' },
  credential: { name: 'Certified Test Instructor', criteria: 'Pass the course.' },
  issuer: { name: 'Test Academy', url: 'https://cadre.test/issuers/1' },
  chain: ['Test Academy', 'Ana Testera'],
  offering: null,
  issuedOn: '2010-06-11',
  expiresOn: '2012-06-10',
  status: 'revoked',
  revokedOn: '2011-02-03',
  underReview: null,
  links: { json: '', jwt: '', pdf: '', page: '' },
};

afterEach(cleanup);

describe('VerdictBanner', () => {
  it('says a revoked certificate is revoked, and since when', () => {
    renderPage(<VerdictBanner certificate={certificate} />);
    expect(screen.getByRole('heading', { name: 'Revoked' })).toBeTruthy();
    expect(screen.getByText('Revoked on Feb 3, 2011.')).toBeTruthy();
  });
});
