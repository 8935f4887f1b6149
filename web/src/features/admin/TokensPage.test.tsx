import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { TokensPage } from './TokensPage';
import { TokensTable } from './TokensTable';

const token: ApiToken = {
  id: '01900000-0000-7000-8000-000000000010',
  name: 'Monthly report',
  prefix: 'cadre_abcdef',
  access: 'read',
  areas: ['reports', 'people'],
  createdAt: '2026-11-01T00:00:00.000Z',
  expiresAt: '2027-01-30T00:00:00.000Z',
  lastUsedAt: '2026-12-05T08:00:00.000Z',
  lastUsedIp: '192.0.2.44',
  lastUsedUserAgent: 'curl/8.5',
  revokedAt: null,
};

/** Answers the page's API calls: the token list, the CSRF token, and the token it creates. */
function stubApi(created: ApiToken) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/auth/me')) return json(200, { csrfToken: 'c'.repeat(64) });
      if (method === 'POST') return json(201, { token: created, secret: 'cadre_secret-shown-once' });
      return json(200, { items: [] });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TokensTable', () => {
  it('shows what each token may do, until when, and where it was last used', () => {
    renderPage(<TokensTable tokens={[token]} caption="Your tokens" revoke={{ mutate: vi.fn(), isPending: false, error: null }} />);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Read only · Reports, People')).toBeTruthy();
    expect(within(row).getByText('192.0.2.44 · curl/8.5')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Revoke Monthly report' })).toBeTruthy();
  });

  it('offers no revoke for a revoked token', () => {
    renderPage(<TokensTable tokens={[{ ...token, access: 'write', areas: null, revokedAt: '2026-12-06T00:00:00.000Z' }]} caption="Your tokens" revoke={{ mutate: vi.fn(), isPending: false, error: null }} />);
    expect(screen.getByText('Read and write · all areas')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('TokensPage', () => {
  it('creates a read-only token expiring in 90 days by default, limited to the areas checked', async () => {
    const calls = stubApi(token);
    renderPage(<TokensPage />);
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Monthly report' } });
    expect((screen.getByLabelText(/^Access/) as HTMLSelectElement).value).toBe('read');
    expect((screen.getByLabelText(/^Days until it expires/) as HTMLInputElement).value).toBe('90');
    fireEvent.click(screen.getByLabelText('Reports'));
    fireEvent.click(screen.getByLabelText('People'));
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    await waitFor(() => expect(calls.find((call) => call.method === 'POST')).toBeTruthy());
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Monthly report', access: 'read', areas: ['people', 'reports'], expiresInDays: 90 });
    expect(await screen.findByText('cadre_secret-shown-once')).toBeTruthy();
  });

  it('refuses a token that would outlive a year', async () => {
    const calls = stubApi(token);
    renderPage(<TokensPage />);
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Forever' } });
    fireEvent.change(screen.getByLabelText(/^Days until it expires/), { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findAllByText(/365/)).not.toHaveLength(0);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
