import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Import, ImportKindInfo, ImportProblem, Me } from '../../api/schemas';
import { FlashNotice } from '../../components/FlashNotice';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { ImportPage } from './ImportPage';
import { ImportsListPage } from './ImportsListPage';

const ID = '01900000-0000-7000-8000-000000000020';

const me = {
  user: { id: '01900000-0000-7000-8000-000000000021', email: 'po@example.test', name: 'Pat Officer', role: 'program_officer', organizationId: null, personId: null },
  csrfToken: 'c'.repeat(64),
  authenticatedBy: 'session',
  mustEnrolSecondFactor: false,
  capabilities: { imports: ['people'], people: ['create'] },
} as unknown as Me;

const kinds: ImportKindInfo[] = [
  {
    kind: 'people',
    label: 'People (a roster)',
    fields: [
      { key: 'givenName', label: 'Given name', description: '', isDate: false },
      { key: 'familyName', label: 'Family name', description: '', isDate: false },
      { key: 'email', label: 'Email', description: '', isDate: false },
    ],
    requires: [['givenName', 'familyName']],
  },
];

const uploaded: Import = {
  id: ID,
  kind: 'people',
  status: 'uploaded',
  filename: 'plantilla.csv',
  format: 'csv',
  byteSize: 200,
  sha256: 'a'.repeat(64),
  encoding: 'utf-8',
  delimiter: ';',
  sheet: null,
  sheets: [],
  headerRow: 1,
  headers: ['Nombre', 'Apellido', 'Talla de uniforme', 'Grupo sanguíneo'],
  preview: [{ row: 2, cells: ['Ana', 'López', '2031-05-01', 'O+'] }],
  mapping: [
    { column: 0, header: 'Nombre', field: 'givenName', state: 'mapped' },
    { column: 1, header: 'Apellido', field: 'familyName', state: 'mapped' },
    { column: 2, header: 'Talla de uniforme', field: null, state: 'unconfirmed' },
    { column: 3, header: 'Grupo sanguíneo', field: null, state: 'unconfirmed' },
  ],
  missingFields: [],
  unconfirmedColumns: ['Talla de uniforme', 'Grupo sanguíneo'],
  dateFormat: null,
  dateFormatStatus: 'none',
  organizationId: '01900000-0000-7000-8000-000000000022',
  offeringId: null,
  rowCount: 0,
  validCount: null,
  problemCount: null,
  progress: 0,
  message: null,
  mode: null,
  summary: null,
  sameFileImportedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  version: 1,
  allowedActions: ['delete'],
};

const problem = (row: number, columnName: string, value: string, reason: string): ImportProblem => ({ row, column: 1, columnName, field: null, value, reason });

function renderImport(routes: Parameters<typeof fakeApi>[0]) {
  const calls = fakeApi({ 'GET /api/imports/kinds': { body: { items: kinds } }, 'GET /api/auth/me': { body: me }, ...routes });
  renderPage(
    <>
      <FlashNotice />
      <Routes>
        <Route path="/imports/:id" element={<ImportPage />} />
        <Route path="/imports" element={<ImportsListPage />} />
      </Routes>
    </>,
    { me, initialEntries: [`/imports/${ID}`] },
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the columns of an import', () => {
  it('starts an unknown column as “Choose…”, names the undecided columns when the user goes on, and saves them as left out', async () => {
    const calls = renderImport({
      'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: uploaded },
      'PATCH /api/imports/01900000-0000-7000-8000-000000000020': {
        body: { ...uploaded, version: 2, unconfirmedColumns: [], mapping: uploaded.mapping.map((c) => (c.field ? c : { ...c, state: 'left_out' })) },
      },
    });
    const passport = await screen.findByLabelText('Field for the column Talla de uniforme');
    expect((passport as HTMLSelectElement).value).toBe('');
    expect(within(passport).getByRole('option', { selected: true }).textContent).toBe('Choose…');
    expect(within(passport).getByRole('option', { name: 'Leave out' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check every row' }));
    const summary = await screen.findByRole('heading', { name: '2 columns are not decided' });
    const links = within(summary.closest('.error-summary') as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Talla de uniforme: choose a field, or Leave out', 'Grupo sanguíneo: choose a field, or Leave out']);
    expect(passport.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((call) => call.path.endsWith('/validate'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Leave out the 2 remaining columns' }));
    expect((passport as HTMLSelectElement).value).toBe('-');
    fireEvent.click(screen.getByRole('button', { name: 'Save the columns' }));
    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')).toBeDefined());
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      mapping: [
        { column: 0, field: 'givenName' },
        { column: 1, field: 'familyName' },
        { column: 2, field: null },
        { column: 3, field: null },
      ],
      leftOut: [2, 3],
      dateFormat: null,
    });
    await waitFor(() => expect(screen.queryByRole('heading', { name: '2 columns are not decided' })).toBeNull());
  });
});

describe('importing the valid rows only', () => {
  const checked: Import = {
    ...uploaded,
    status: 'validated',
    unconfirmedColumns: [],
    mapping: uploaded.mapping.map((c) => (c.field ? c : { ...c, state: 'left_out' })),
    rowCount: 5,
    validCount: 3,
    problemCount: 3,
    version: 3,
  };

  it('asks first, naming the rows left out and why, then sends how many rows it leaves out', async () => {
    const calls = renderImport({
      'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: checked },
      'GET /api/imports/01900000-0000-7000-8000-000000000020/problems': {
        body: {
          items: [problem(3, 'Correo', 'not-an-email', 'must be an email address'), problem(3, 'Nombre', '', 'is required'), problem(5, 'Apellido', '', 'is required')],
          nextCursor: null,
        },
      },
      'POST /api/imports/01900000-0000-7000-8000-000000000020/commit': { status: 202, body: { ...checked, status: 'committing' } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import the 3 valid rows only' }));
    expect(calls.some((call) => call.path.endsWith('/commit'))).toBe(false);
    const confirmation = (await screen.findByRole('heading', { name: 'Import the 3 valid rows, leave out 2' })).closest('section') as HTMLElement;
    await within(confirmation).findByText('These 2 rows are left out, for these problems:');
    const rows = within(confirmation).getAllByRole('listitem').map((item) => item.textContent);
    expect(rows).toEqual(['Row 3: Correo “not-an-email” must be an email address; Nombre is required', 'Row 5: Apellido is required']);
    expect(within(confirmation).getByRole('link', { name: 'Download every problem (CSV)' }).getAttribute('href')).toBe(`/api/imports/${ID}/problems?format=csv`);

    fireEvent.click(within(confirmation).getByRole('button', { name: 'Import, leaving these rows out' }));
    await waitFor(() => expect(calls.find((call) => call.path.endsWith('/commit'))?.body).toEqual({ mode: 'valid_only', leaveOutRows: 2 }));
  });

  it('goes back without importing when cancelled', async () => {
    const calls = renderImport({
      'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: checked },
      'GET /api/imports/01900000-0000-7000-8000-000000000020/problems': { body: { items: [], nextCursor: null } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import the 3 valid rows only' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Import the 3 valid rows, leave out 2' })).toBeNull();
    expect(calls.some((call) => call.path.endsWith('/commit'))).toBe(false);
  });
});

describe('what an import wrote', () => {
  it('links to exactly the people it created or changed, counted', async () => {
    const committed: Import = { ...uploaded, status: 'committed', unconfirmedColumns: [], rowCount: 40, validCount: 40, problemCount: 0, summary: { created: 30, updated: 7, unchanged: 3, skipped: 0 }, version: 7 };
    renderImport({ 'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: committed }, 'GET /api/imports/mappings': { body: { items: [] } } });
    const link = await screen.findByRole('link', { name: 'See the 37 people this import created or changed' });
    expect(link.getAttribute('href')).toBe(`/people?importId=${ID}`);
  });

  it('offers no link when the import changed nobody', async () => {
    const unchanged: Import = { ...uploaded, status: 'committed', unconfirmedColumns: [], rowCount: 3, validCount: 3, problemCount: 0, summary: { created: 0, updated: 0, unchanged: 3, skipped: 0 }, version: 7 };
    renderImport({ 'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: unchanged }, 'GET /api/imports/mappings': { body: { items: [] } } });
    await screen.findByRole('heading', { name: 'Imported' });
    expect(screen.queryByRole('link', { name: /this import created or changed/ })).toBeNull();
  });
});

describe('deleting an import', () => {
  it('says the people it imported stay, and deletes it with its version', async () => {
    const committed: Import = { ...uploaded, status: 'committed', unconfirmedColumns: [], rowCount: 2, validCount: 2, problemCount: 0, summary: { created: 2, updated: 0, unchanged: 0, skipped: 0 }, version: 7 };
    const calls = renderImport({
      'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: committed },
      'DELETE /api/imports/01900000-0000-7000-8000-000000000020': { status: 204, body: null },
      'GET /api/imports': { body: { items: [], nextCursor: null } },
      'GET /api/imports/mappings': { body: { items: [] } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete this import' }));
    expect(screen.getByText('Delete the import of “plantilla.csv”? The people it created or updated stay in Cadre: only the import’s file and problems are removed.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete the import' }));
    await screen.findByText('The import of “plantilla.csv” was deleted.');
    expect(calls.find((call) => call.method === 'DELETE')?.path).toBe(`/api/imports/${ID}`);
  });

  it('offers no deletion to whoever may not', async () => {
    renderImport({ 'GET /api/imports/01900000-0000-7000-8000-000000000020': { body: { ...uploaded, allowedActions: [] } } });
    await screen.findByRole('heading', { name: 'plantilla.csv' });
    expect(screen.queryByRole('button', { name: 'Delete this import' })).toBeNull();
  });
});

describe('saved mappings', () => {
  it('lists them with what they map, and lets their keeper delete them after asking', async () => {
    const mapping = (id: string, name: string, scope: 'office' | 'agency', allowedActions: 'delete'[]) => ({
      id,
      kind: 'people' as const,
      name,
      scope,
      columns: { Nombre: 'givenName', Apellido: 'familyName' },
      leftOut: ['Talla de uniforme'],
      dateFormat: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      allowedActions,
    });
    const calls = fakeApi({
      'GET /api/auth/me': { body: me },
      'GET /api/imports': { body: { items: [], nextCursor: null } },
      'GET /api/imports/mappings': { body: { items: [mapping('01900000-0000-7000-8000-000000000031', 'Office roster', 'office', []), mapping('01900000-0000-7000-8000-000000000032', 'PN roster', 'agency', ['delete'])] } },
      'DELETE /api/imports/mappings/01900000-0000-7000-8000-000000000032': { status: 204, body: null },
    });
    renderPage(<ImportsListPage />, { me });
    const row = (await screen.findByRole('rowheader', { name: 'PN roster' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('2 to fields, 1 left out')).toBeTruthy();
    const office = screen.getByRole('rowheader', { name: 'Office roster' }).closest('tr') as HTMLElement;
    expect(within(office).queryByRole('button')).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Delete the mapping PN roster' }));
    expect(within(row).getByText('Delete the saved mapping “PN roster”? Files already mapped with it keep their columns.')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Delete the mapping' }));
    await waitFor(() => expect(calls.find((call) => call.method === 'DELETE')?.path).toBe('/api/imports/mappings/01900000-0000-7000-8000-000000000032'));
  });
});
