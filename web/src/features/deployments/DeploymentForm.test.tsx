import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentDetail } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { DeploymentForm, editableSpan } from './DeploymentForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rotation = { id: '01900000-0000-7000-8000-000000000041', sequence: 1, startOn: '2010-08-09', endOn: '2010-11-06', authorizedHeadcount: 6, selectedCount: 0, deployedCount: 0, version: 1 };
const deployment: DeploymentDetail = {
  id: '01900000-0000-7000-8000-000000000040',
  title: 'Haiti mentoring',
  hostCountry: 'HT',
  hostOrganization: null,
  track: 'policing',
  purposes: ['mentor'],
  status: 'staffing',
  startOn: '2010-08-09',
  endOn: '2010-11-06',
  requiredLanguages: [{ language: 'fr', minSpeaking: '2' }],
  specialties: [],
  isHighThreat: false,
  summary: null,
  rotations: [rotation],
  personDays: 0,
  allowedStatuses: [],
  allowedActions: ['update'],
  createdAt: '2010-05-17T12:00:00.000Z',
  updatedAt: '2010-05-17T12:00:00.000Z',
  version: 3,
  assignments: [],
  history: [],
};

describe('DeploymentForm, correcting a deployment', () => {
  it('refuses an end before the start with the API’s words, then sends the change with the places', async () => {
    fakeApi({ 'GET /api/organizations': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<DeploymentForm deployment={deployment} onSubmit={onSubmit} submitLabel="Save changes" cancelTo="/deployments" />);
    const end = screen.getByLabelText(/^End date/) as HTMLInputElement;
    expect(end.value).toBe('11/06/2010');
    fireEvent.change(end, { target: { value: '2010-08-08' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findAllByText(/must not come before the start/)).length).toBeGreaterThan(0);
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(end, { target: { value: '2010-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect((onSubmit.mock.calls[0] as unknown as [Record<string, unknown>])[0]).toMatchObject({ startOn: '2010-08-09', endOn: '2010-10-31', authorizedHeadcount: 6, title: 'Haiti mentoring' });
  });

  it('offers dates only before the deployment is over, and places only for one rotation', () => {
    expect(editableSpan(deployment)).toEqual({ hasDates: true, hasPlaces: true });
    expect(editableSpan({ ...deployment, rotations: [rotation, { ...rotation, id: 'r2', sequence: 2 }] })).toEqual({ hasDates: true, hasPlaces: false });
    expect(editableSpan({ ...deployment, status: 'cancelled' })).toEqual({ hasDates: false, hasPlaces: false });
  });
});
