import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonDetail } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const organizationId = '01900000-0000-7000-8000-000000000021';
const person: PersonDetail = {
  id: '01900000-0000-7000-8000-000000000020',
  detail: 'full',
  organizationId,
  organizationName: 'Policía de Prueba',
  givenName: 'Lucía',
  familyName: 'Sinnivel',
  rankTitle: 'Agente',
  status: 'active',
  languages: [
    { language: 'fr', speaking: '3', reading: '2+' },
    { language: 'en', speaking: '2', reading: null },
    { language: 'es', speaking: null, reading: null },
  ],
  heritageCountries: [],
  specialties: [],
  readiness: { status: 'not_ready', reasons: [] },
  readinessItems: [],
  email: null,
  phone: null,
  sex: null,
  dateOfBirth: null,
  notes: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  allowedActions: ['update'],
  version: 3,
};

const me = meAs('program_officer');

describe('a language whose level is not known', () => {
  it('reads "level unknown" on the person’s page', async () => {
    fakeApi({
      [`GET /api/people/${person.id}`]: { body: person },
      [`GET /api/people/${person.id}/assignments`]: { body: { items: [] } },
    });
    renderPage(
      <Routes>
        <Route path="/people/:id" element={<PersonPage />} />
      </Routes>,
      { me, initialEntries: [`/people/${person.id}`] },
    );
    const details = await screen.findByRole('region', { name: 'Details' });
    expect(within(details).getByText('French: speaking 3, reading 2+')).toBeTruthy();
    expect(within(details).getByText('English: speaking 2, reading level unknown')).toBeTruthy();
    expect(within(details).getByText('Spanish: level unknown')).toBeTruthy();
  });

  it('offers "Unknown" as a level in the form, shows it chosen, and sends it as null', async () => {
    fakeApi({ 'GET /api/organizations': { body: { items: [{ id: organizationId, name: 'Policía de Prueba', isArchived: false }], nextCursor: null } } });
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<PersonForm person={person} onSubmit={onSubmit} submitLabel="Save person" cancelTo={`/people/${person.id}`} />, { me });
    // The form is large (every language in three selects): plain queries by label keep it quick.
    await screen.findByText('Policía de Prueba', { selector: 'option' });

    const level = (n: number, which: 'Speaking (ILR)' | 'Reading (ILR)') => screen.getAllByLabelText(which)[n - 1] as HTMLSelectElement;
    expect(within(level(3, 'Speaking (ILR)')).getByText('Unknown', { selector: 'option' })).toBeTruthy();
    expect(level(3, 'Speaking (ILR)').selectedOptions[0]?.textContent).toBe('Unknown');
    expect(level(2, 'Reading (ILR)').selectedOptions[0]?.textContent).toBe('Unknown');
    expect(level(1, 'Speaking (ILR)').value).toBe('3');

    // Unknown chosen for English speaking is sent as null; a level chosen for Spanish is sent.
    fireEvent.change(level(2, 'Speaking (ILR)'), { target: { value: '' } });
    fireEvent.change(level(3, 'Speaking (ILR)'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect((onSubmit.mock.calls[0] as unknown as [PersonDetail])[0].languages).toEqual([
      { language: 'fr', speaking: '3', reading: '2+' },
      { language: 'en', speaking: null, reading: null },
      { language: 'es', speaking: '2', reading: null },
    ]);
  });
});
