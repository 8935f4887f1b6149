import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organization } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { PersonForm } from '../people/PersonForm';
import { OrganizationForm } from './OrganizationForm';
import { OrganizationPage } from './OrganizationPage';
import { Route, Routes } from 'react-router';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = meAs('program_officer');
const organizationId = '01900000-0000-7000-8000-000000000031';
const noOrganizations = { 'GET /api/organizations': { body: { items: [], nextCursor: null } } };

const optionsOf = (select: HTMLElement) => Array.from((select as HTMLSelectElement).options).filter((option) => option.value !== '');

describe('the organization form’s place', () => {
  it('offers countries by name, then the chosen country’s subdivisions by name, and sends their codes', async () => {
    fakeApi(noOrganizations);
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<OrganizationForm onSubmit={onSubmit} submitLabel="Add organization" cancelTo="/organizations" />, { me });
    const country = screen.getByLabelText(/^Country/) as HTMLSelectElement;
    expect(optionsOf(country).every((option) => option.textContent !== option.value)).toBe(true);
    const subdivision = () => screen.getByLabelText(/^State, province or department/) as HTMLSelectElement;
    expect(screen.getByText('Choose the country first.')).toBeTruthy();

    fireEvent.change(country, { target: { value: 'US' } });
    await waitFor(() => expect(within(subdivision()).getByText('Virginia', { selector: 'option' })).toBeTruthy());
    const names = optionsOf(subdivision()).map((option) => option.textContent ?? '');
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(optionsOf(subdivision()).every((option) => option.value.startsWith('US-'))).toBe(true);
    fireEvent.change(subdivision(), { target: { value: 'US-VA' } });

    // Another country: Virginia goes, Haiti's departments come.
    fireEvent.change(country, { target: { value: 'HT' } });
    await waitFor(() => expect(within(subdivision()).getByText('Ouest', { selector: 'option' })).toBeTruthy());
    expect(subdivision().value).toBe('');
    fireEvent.change(subdivision(), { target: { value: 'HT-OU' } });

    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Police Nationale d’Haïti' } });
    fireEvent.change(screen.getByLabelText(/^Kind/), { target: { value: 'foreign_police' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add organization' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect((onSubmit.mock.calls[0] as unknown as [Organization])[0]).toMatchObject({ country: 'HT', subdivision: 'HT-OU' });
  });

  it('shows the subdivision on record chosen, and by name on the organization’s page', async () => {
    const organization = {
      id: organizationId,
      name: 'Fairfax County Police',
      acronym: null,
      kind: 'municipal_police',
      country: 'US',
      subdivision: 'US-VA',
      city: 'Fairfax',
      parentId: null,
      website: null,
      description: null,
      isArchived: false,
      allowedActions: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    } as unknown as Organization;
    fakeApi({ ...noOrganizations, [`GET /api/organizations/${organizationId}`]: { body: organization } });
    renderPage(<OrganizationForm organization={organization} onSubmit={vi.fn()} submitLabel="Save" cancelTo="/organizations" />, { me });
    await waitFor(() => expect((screen.getByLabelText(/^State, province or department/) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Virginia'));
    cleanup();
    renderPage(
      <Routes>
        <Route path="/organizations/:id" element={<OrganizationPage />} />
      </Routes>,
      { me, initialEntries: [`/organizations/${organizationId}`] },
    );
    expect(await screen.findByText('Virginia')).toBeTruthy();
    expect(screen.getByText('United States')).toBeTruthy();
  });
});

describe('the person form’s language picker', () => {
  it('lists every language by name, once, sorted, with no raw code and Akan told from Twi', async () => {
    fakeApi(noOrganizations);
    renderPage(<PersonForm onSubmit={vi.fn()} submitLabel="Add person" cancelTo="/people" />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Add a language' }));
    const picker = screen.getByLabelText(/^Language/) as HTMLSelectElement;
    const options = optionsOf(picker);
    const names = options.map((option) => option.textContent ?? '');
    expect(options.filter((option) => option.textContent === option.value)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
    expect(names.filter((name) => name === 'Akan')).toHaveLength(1);
    expect(options.find((option) => option.value === 'tw')?.textContent).toBe('Twi');
    expect(options.find((option) => option.value === 'ht')?.textContent).toBe('Haitian Creole');
  });
});
