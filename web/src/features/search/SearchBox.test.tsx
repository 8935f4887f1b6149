import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResponse } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { SearchBox } from './SearchBox';
import { SearchPage } from './SearchPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PERSON = '01900000-0000-7000-8000-0000000000a1';
const OTHER = '01900000-0000-7000-8000-0000000000a2';
const PARTNER = '01900000-0000-7000-8000-0000000000b1';

const answer: SearchResponse = {
  query: 'jose',
  count: 3,
  groups: [
    {
      kind: 'person',
      hasMore: false,
      results: [
        { kind: 'person', id: PERSON, title: 'José Desrosiers', detail: null, context: 'Police Nationale d’Haïti', isInactive: false, link: `/people/${PERSON}` },
        { kind: 'person', id: OTHER, title: 'Josette Alcé', detail: null, context: 'Police Nationale d’Haïti', isInactive: true, link: `/people/${OTHER}` },
      ],
    },
    {
      kind: 'organization',
      hasMore: false,
      results: [{ kind: 'organization', id: PARTNER, title: 'José Martí Academy', detail: 'JMA', context: null, isInactive: false, link: `/organizations/${PARTNER}` }],
    },
  ],
};

/** Where the app went: the router's location, shown for the test to read. */
function Location() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

function renderBox() {
  const calls = fakeApi({ 'GET /api/search': { body: answer } });
  renderPage(
    <>
      <SearchBox />
      <Location />
      <Routes>
        <Route path="*" element={null} />
      </Routes>
    </>,
    { me: meAs('program_officer'), initialEntries: ['/'] },
  );
  return { calls, field: screen.getByRole('combobox', { name: 'Search Cadre' }) };
}

const location = () => screen.getByTestId('location').textContent;

async function typeAndWait(field: HTMLElement, text: string) {
  field.focus();
  fireEvent.change(field, { target: { value: text } });
  await screen.findByRole('option', { name: /José Desrosiers/ });
}

describe('the header search', () => {
  it('asks nothing for one character, then offers suggestions grouped by kind and says how many', async () => {
    const { calls, field } = renderBox();
    fireEvent.change(field, { target: { value: 'j' } });
    expect(field?.getAttribute('aria-expanded')).toBe('false');
    await typeAndWait(field, 'jose');
    expect(calls.filter((call) => call.path === '/api/search')).toHaveLength(1);
    expect(field?.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Suggestions' });
    expect(field?.getAttribute('aria-controls')).toBe(listbox.id);
    expect(within(listbox).getByRole('group', { name: 'People' })).toBeTruthy();
    expect(within(listbox).getByRole('group', { name: 'Partners' })).toBeTruthy();
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'José DesrosiersPolice Nationale d’Haïti',
      'Josette AlcéPolice Nationale d’HaïtiInactive',
      'José Martí AcademyJMA',
      'Show all results for “jose”',
    ]);
    expect(screen.getByRole('status').textContent).toBe('3 suggestions. Use the up and down arrows to choose, Enter to open.');
  });

  it('moves through the suggestions with the arrows, wrapping round, and opens the chosen one with Enter', async () => {
    const { field } = renderBox();
    await typeAndWait(field, 'jose');
    const options = screen.getAllByRole('option');
    expect(field?.getAttribute('aria-activedescendant')).toBeNull();

    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field?.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(field?.getAttribute('aria-activedescendant')).toBe(options[3]?.id);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field?.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(options[2]?.getAttribute('aria-selected')).toBe('true');
    expect(options[0]?.getAttribute('aria-selected')).toBe('false');
    // Focus never leaves the field.
    expect(document.activeElement).toBe(field);

    fireEvent.keyDown(field, { key: 'Enter' });
    expect(location()).toBe(`/organizations/${PARTNER}`);
    expect(field?.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens the results page on Enter with nothing chosen', async () => {
    const { field } = renderBox();
    await typeAndWait(field, 'jose ');
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(location()).toBe('/search?q=jose');
  });

  it('closes on Escape, and a second Escape clears the field', async () => {
    const { field } = renderBox();
    await typeAndWait(field, 'jose');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field?.getAttribute('aria-expanded')).toBe('false');
    expect(field?.getAttribute('aria-activedescendant')).toBeNull();
    expect(screen.queryByRole('option')).toBeNull();
    expect((field as HTMLInputElement).value).toBe('jose');
    // Down opens them again.
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field?.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect((field as HTMLInputElement).value).toBe('');
    expect(location()).toBe('/');
  });

  it('opens a suggestion clicked with the mouse', async () => {
    const { field } = renderBox();
    await typeAndWait(field, 'jose');
    fireEvent.click(screen.getByRole('option', { name: /José Desrosiers/ }));
    expect(location()).toBe(`/people/${PERSON}`);
  });

  it('says so when nothing matches', async () => {
    fakeApi({ 'GET /api/search': { body: { query: 'zzz', count: 0, groups: [] } } });
    renderPage(<SearchBox />, { me: meAs('viewer') });
    const field = screen.getByRole('combobox', { name: 'Search Cadre' });
    fireEvent.change(field, { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing matches “zzz” among the records you may see.'));
    expect(field?.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the results page', () => {
  it('lists each kind under its heading with links', async () => {
    fakeApi({ 'GET /api/search': { body: answer } });
    renderPage(
      <Routes>
        <Route path="/search" element={<SearchPage />} />
      </Routes>,
      { me: meAs('program_officer'), initialEntries: ['/search?q=jose'] },
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'People (2)' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Partners (1)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'José Desrosiers' })?.getAttribute('href')).toBe(`/people/${PERSON}`);
    expect(screen.getByText('3 results for “jose”.')).toBeTruthy();
  });
});
