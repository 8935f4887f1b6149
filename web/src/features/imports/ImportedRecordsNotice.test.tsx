import { cleanup, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { PeopleListPage } from '../people/PeopleListPage';

const ID = '01900000-0000-7000-8000-000000000040';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the people an import created or changed', () => {
  it('says which import the list holds, how many it wrote, and leads back to it or to everyone', async () => {
    fakeApi({
      [`GET /api/imports/${ID}`]: { body: { id: ID, kind: 'people', status: 'committed', filename: 'roster.csv', summary: { created: 30, updated: 7, unchanged: 3, skipped: 0 }, finishedAt: '2026-12-01T15:00:00.000Z' } },
      'GET /api/people': { body: { items: [], nextCursor: null } },
      'GET /api/organizations': { body: { items: [], nextCursor: null } },
    });
    renderPage(
      <Routes>
        <Route path="/people" element={<PeopleListPage />} />
      </Routes>,
      { me: meAs('program_officer'), initialEntries: [`/people?importId=${ID}`] },
    );
    expect(await screen.findByText(/^These are the 37 people roster\.csv created or changed, imported Dec 1, 2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the import' }).getAttribute('href')).toBe(`/imports/${ID}`);
    expect(screen.getByRole('link', { name: 'See everyone' }).getAttribute('href')).toBe('/people');
    // Narrowing the list by other filters keeps it the import's.
    expect((document.querySelector('form[role="search"] input[name="importId"]') as HTMLInputElement).value).toBe(ID);
  });

  it('says nothing on the whole roster', async () => {
    fakeApi({ 'GET /api/people': { body: { items: [], nextCursor: null } }, 'GET /api/organizations': { body: { items: [], nextCursor: null } } });
    // With no filter in the address, the filters open on a wide screen only.
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    renderPage(
      <Routes>
        <Route path="/people" element={<PeopleListPage />} />
      </Routes>,
      { me: meAs('program_officer'), initialEntries: ['/people'] },
    );
    await screen.findByRole('heading', { name: 'People' });
    expect(screen.queryByText(/created or changed/)).toBeNull();
  });
});
