import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { ReadinessForm } from './ReadinessForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReadinessForm', () => {
  it('records the item at the person’s version it was opened from (If-Match)', async () => {
    const person = { id: '01900000-0000-7000-8000-000000000007', version: 4 };
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) =>
      url.endsWith('/auth/me')
        ? new Response(JSON.stringify({ csrfToken: 'token' }), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(JSON.stringify({ ...person, version: 5 }), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    renderPage(<ReadinessForm person={person} item="medical_clearance" current={undefined} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText(/Cleared on/), { target: { value: '2010-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT') as [string, RequestInit];
    expect(put[0]).toContain(`/people/${person.id}/readiness/medical_clearance`);
    expect((put[1].headers as Record<string, string>)['if-match']).toBe('"4"');
  });
});
