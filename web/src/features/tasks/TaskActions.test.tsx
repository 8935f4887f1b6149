import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/schemas';
import { formatDate, todayIso } from '../../components/format';
import i18n from '../../i18n';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { TaskActions } from './TaskActions';

const task: Task = {
  id: '01900000-0000-7000-8000-000000000002',
  title: 'Send a draft MOU',
  notes: null,
  ownerId: null,
  ownerName: null,
  dueOn: '2011-04-01',
  status: 'open',
  isOverdue: true,
  completedAt: null,
  doneOn: null,
  engagementId: null,
  engagementTitle: null,
  organizationId: null,
  organizationName: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  allowedActions: [],
};

const me = meAs('program_officer');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TaskActions', () => {
  it('offers Mark done and Edit on an open follow-up exactly when the server allows changing it', () => {
    const { rerender } = renderPage(<TaskActions task={{ ...task, allowedActions: ['update'] }} />, { me });
    expect(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit: Send a draft MOU' }).getAttribute('href')).toBe(`/tasks/${task.id}/edit`);

    rerender(<TaskActions task={task} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says the day a done follow-up was done, and offers to reopen it', async () => {
    const calls = fakeApi({ 'GET /api/auth/me': { body: me }, [`PATCH /api/tasks/${task.id}`]: { body: { ...task, version: 3 } } });
    renderPage(<TaskActions task={{ ...task, status: 'done', doneOn: '2011-04-15', completedAt: '2026-11-20T10:00:00.000Z', version: 2, allowedActions: ['update'] }} />, { me });
    expect(document.body.textContent).toContain(i18n.t('tasks.doneOn', { date: formatDate('2011-04-15') }));
    fireEvent.click(screen.getByRole('button', { name: 'Reopen: Send a draft MOU' }));
    await vi.waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'open' }));
  });

  it('asks the day it was done, today by default, and sends the day chosen', async () => {
    const calls = fakeApi({ 'GET /api/auth/me': { body: me }, [`PATCH /api/tasks/${task.id}`]: { body: { ...task, status: 'done', doneOn: '2011-04-15' } } });
    renderPage(<TaskActions task={{ ...task, allowedActions: ['update'] }} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' }));
    const day = screen.getByLabelText<HTMLInputElement>('Done on');
    expect(day.value).toBe(todayIso());
    expect(day.max).toBe(todayIso());
    expect(document.activeElement).toBe(day);
    fireEvent.change(day, { target: { value: '2011-04-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    await vi.waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'done', doneOn: '2011-04-15' }));
  });

  it('closes the form once the list shows the task done, and focus goes to Reopen', () => {
    fakeApi({ 'GET /api/auth/me': { body: me } });
    const open = { ...task, allowedActions: ['update' as const] };
    const { rerender } = renderPage(<TaskActions task={open} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' }));
    expect(screen.getByLabelText('Done on')).toBeTruthy();
    rerender(<TaskActions task={{ ...open, status: 'done', doneOn: '2011-04-15', version: 2 }} />);
    expect(screen.queryByLabelText('Done on')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reopen: Send a draft MOU' }));
  });

  it('refuses a day in the future with the API’s own words, sending nothing', () => {
    const calls = fakeApi({ 'GET /api/auth/me': { body: me } });
    renderPage(<TaskActions task={{ ...task, allowedActions: ['update'] }} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' }));
    fireEvent.change(screen.getByLabelText('Done on'), { target: { value: todayIso(1) } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    expect(screen.getByRole('alert').textContent).toBe(`must not be in the future (today is ${todayIso()})`);
    expect(screen.getByLabelText('Done on').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('puts the API’s refusal of the day on the field, and Cancel returns to the button', async () => {
    fakeApi({
      'GET /api/auth/me': { body: me },
      [`PATCH /api/tasks/${task.id}`]: {
        status: 400,
        body: { status: 400, code: 'validation', title: 'Invalid', detail: 'A task cannot be done in the future.', errors: [{ pointer: '/body/doneOn', detail: 'must not be in the future (today is 2011-01-01)' }] },
      },
    });
    renderPage(<TaskActions task={{ ...task, allowedActions: ['update'] }} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    expect((await screen.findByRole('alert')).textContent).toBe('must not be in the future (today is 2011-01-01)');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' }));
  });
});
