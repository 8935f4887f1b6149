import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { NotificationsPage } from './NotificationsPage';
import { NotificationSettingsPage } from './NotificationSettingsPage';

const now = new Date();
const notice = (overrides: Partial<Notification>): Notification => ({
  id: '01900000-0000-7000-8000-000000000001',
  kind: 'task.overdue',
  title: 'Follow-up overdue: Send the draft MOU',
  body: 'Due 2010-12-01 with Richmond Police Department.',
  link: '/engagements/01900000-0000-7000-8000-0000000000e1',
  createdAt: now.toISOString(),
  readAt: null,
  ...overrides,
});

const todays = notice({});
const older = notice({
  id: '01900000-0000-7000-8000-000000000002',
  kind: 'report.finished',
  title: 'The year report for 2010 is ready',
  body: 'cadre-year-report-2010.md is ready to download from Reports.',
  link: '/reports',
  createdAt: new Date(now.getTime() - 3 * 86_400_000).toISOString(),
  readAt: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NotificationsPage', () => {
  it('groups notices into today and earlier, each titled by a link to its record, unread ones said to be', async () => {
    fakeApi({ 'GET /api/notifications': { body: { items: [todays, older], nextCursor: null, unread: 1 } } });
    renderPage(<NotificationsPage />);
    const today = await screen.findByRole('region', { name: 'Today' });
    expect(within(today).getByRole('link', { name: /Send the draft MOU\s*\(unread\)/ }).getAttribute('href')).toBe(todays.link);
    const earlier = screen.getByRole('region', { name: 'Earlier' });
    expect(within(earlier).getByRole('link', { name: 'The year report for 2010 is ready' }).getAttribute('href')).toBe('/reports');
    expect(within(earlier).queryByRole('button', { name: /Mark read/ })).toBeNull();
    expect(screen.getByText('1 unread.')).toBeTruthy();
  });

  it('marks one read, and all read, and opening a notice marks it read', async () => {
    const calls = fakeApi({
      'GET /api/notifications': { body: { items: [todays], nextCursor: null, unread: 1 } },
      [`POST /api/notifications/${todays.id}/read`]: { body: { unread: 0 } },
      'POST /api/notifications/read': { body: { unread: 0 } },
    });
    renderPage(<NotificationsPage />);
    fireEvent.click(await screen.findByRole('button', { name: `Mark read: ${todays.title}` }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === `/api/notifications/${todays.id}/read`)).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/notifications/read')).toBe(true));
    const before = calls.filter((c) => c.path === `/api/notifications/${todays.id}/read`).length;
    fireEvent.click(screen.getByRole('link', { name: /Send the draft MOU/ }));
    await waitFor(() => expect(calls.filter((c) => c.path === `/api/notifications/${todays.id}/read`).length).toBe(before + 1));
  });

  it('says so when there is nothing to tell', async () => {
    fakeApi({ 'GET /api/notifications': { body: { items: [], nextCursor: null, unread: 0 } } });
    renderPage(<NotificationsPage />);
    expect(await screen.findByText('No notification yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Today' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();
  });
});

describe('NotificationSettingsPage', () => {
  it('turns the daily digest off with the version read, and says it was saved', async () => {
    const calls = fakeApi({
      'GET /api/notifications/settings': { body: { isDigestOn: true, isMailConfigured: true, lastDigestOn: null, version: 3 } },
      'PUT /api/notifications/settings': (body) => ({ body: { ...(body as object), isMailConfigured: true, lastDigestOn: null, version: 4 } }),
    });
    renderPage(<NotificationSettingsPage />);
    const checkbox = await screen.findByRole('checkbox', { name: /Email me a daily digest/ });
    expect((checkbox as HTMLInputElement).checked).toBe(true);
    fireEvent.click(checkbox);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: you will receive no digest.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ isDigestOn: false });
  });

  it('says when this Cadre sends no mail at all', async () => {
    fakeApi({ 'GET /api/notifications/settings': { body: { isDigestOn: true, isMailConfigured: false, lastDigestOn: null, version: 1 } } });
    renderPage(<NotificationSettingsPage />);
    expect(await screen.findByText(/sends no mail yet/)).toBeTruthy();
  });
});
