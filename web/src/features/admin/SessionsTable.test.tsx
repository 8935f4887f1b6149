import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { SessionsTable } from './SessionsTable';

const here: Session = {
  id: 'a'.repeat(32),
  createdAt: '2026-12-01T09:00:00.000Z',
  lastUsedAt: '2026-12-06T10:00:00.000Z',
  expiresAt: '2026-12-06T21:00:00.000Z',
  ip: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  isCurrent: true,
};
const phone: Session = { ...here, id: 'b'.repeat(32), ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', isCurrent: false };

afterEach(cleanup);

describe('SessionsTable', () => {
  it('marks this session, shows where each came from, and ends another only after asking', () => {
    const end = { mutate: vi.fn(), isPending: false, error: null };
    renderPage(<SessionsTable sessions={[here, phone]} caption="Signed-in sessions" end={end} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('This session')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(rows[1] as HTMLElement).queryByText('This session')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText('198.51.100.7')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Firefox 128 on Linux')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Safari 17 on iOS')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /End the session in Safari 17 on iOS/ }));
    expect(end.mutate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out' }));
    expect(end.mutate).toHaveBeenCalledWith(phone.id);
  });

  it('says so when no one is signed in', () => {
    renderPage(<SessionsTable sessions={[]} caption="Signed-in sessions" end={{ mutate: vi.fn(), isPending: false, error: null }} />);
    expect(screen.getByText('No one is signed in.')).toBeTruthy();
  });
});
