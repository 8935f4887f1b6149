import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferingDetail } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { OfferingWork } from './OfferingPage';

const offering: OfferingDetail = {
  id: '01900000-0000-7000-8000-000000000010',
  course: { id: '01900000-0000-7000-8000-000000000011', code: 'CORR-TOT-1', title: 'Corrections training of trainers', level: 'instructor', track: 'corrections', language: 'en' },
  courseVersion: 1,
  startOn: '2026-01-05',
  endOn: '2026-01-09',
  country: 'US',
  city: null,
  hostOrganization: null,
  deliveringOrganization: null,
  capacity: 20,
  enrolledCount: 1,
  isUsFunded: false,
  isRefresher: false,
  status: 'scheduled',
  closedAt: null,
  cancelReason: null,
  instructors: [],
  certifications: [],
  notes: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  allowedActions: [],
  enrollments: [
    {
      id: '01900000-0000-7000-8000-000000000012',
      offeringId: '01900000-0000-7000-8000-000000000010',
      person: { id: '01900000-0000-7000-8000-000000000013', name: 'Dana Reyes', organizationId: '01900000-0000-7000-8000-000000000014', organizationName: 'Test County Jail' },
      status: 'enrolled',
      attendancePercent: null,
      score: null,
      outcome: null,
      version: 1,
      allowedActions: [],
    },
  ],
  followUps: [],
};

const closeButton = () => screen.queryByRole('button', { name: 'Close offering' });
const saveResultsButton = () => screen.queryByRole('button', { name: 'Save results: Dana Reyes' });

// The close section asks the API for the course's credential; these tests are about the buttons, not the answer.
beforeEach(() => vi.stubGlobal('fetch', vi.fn(() => new Promise<never>(() => undefined))));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('OfferingWork', () => {
  it('offers closing and recording results when the server allows them', () => {
    renderPage(<OfferingWork offering={{ ...offering, allowedActions: ['recordResults', 'close'] }} onClosed={() => undefined} />);
    expect(closeButton()).toBeTruthy();
    expect(saveResultsButton()).toBeTruthy();
  });

  it('offers only what is allowed, and neither when nothing is', () => {
    const { rerender } = renderPage(<OfferingWork offering={{ ...offering, allowedActions: ['recordResults'] }} onClosed={() => undefined} />);
    expect(saveResultsButton()).toBeTruthy();
    expect(closeButton()).toBeNull();

    rerender(<OfferingWork offering={{ ...offering, allowedActions: ['close'] }} onClosed={() => undefined} />);
    expect(closeButton()).toBeTruthy();
    expect(saveResultsButton()).toBeNull();

    rerender(<OfferingWork offering={offering} onClosed={() => undefined} />);
    expect(closeButton()).toBeNull();
    expect(saveResultsButton()).toBeNull();
    expect(screen.getByText('Dana Reyes')).toBeTruthy();
  });
});
