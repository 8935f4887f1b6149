import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../api/schemas';
import { formatDate } from '../../components/format';
import i18n from '../../i18n';
import { renderPage } from '../../test/render';
import { TaskActions } from './TaskTable';

const task: Task = {
  id: '01900000-0000-7000-8000-000000000002',
  title: 'Send a draft MOU',
  notes: null,
  ownerId: null,
  ownerName: null,
  dueOn: '2026-12-01',
  status: 'open',
  isOverdue: false,
  completedAt: null,
  engagementId: null,
  engagementTitle: null,
  organizationId: null,
  organizationName: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  allowedActions: [],
};

afterEach(cleanup);

describe('TaskActions', () => {
  it('offers to mark an open follow-up done exactly when the server allows changing it', () => {
    const { rerender } = renderPage(<TaskActions task={{ ...task, allowedActions: ['update'] }} />);
    expect(screen.getByRole('button', { name: 'Mark done: Send a draft MOU' })).toBeTruthy();

    rerender(<TaskActions task={task} />);
    expect(screen.queryByRole('button', { name: /Mark done/ })).toBeNull();
  });

  it('says when a done follow-up was done, with no button whatever is allowed', () => {
    renderPage(<TaskActions task={{ ...task, status: 'done', completedAt: '2026-11-20T10:00:00.000Z', allowedActions: ['update'] }} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.body.textContent).toBe(i18n.t('tasks.doneOn', { date: formatDate('2026-11-20') }));
  });
});
