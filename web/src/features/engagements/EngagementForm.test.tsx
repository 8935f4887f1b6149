import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngagementDetail } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { EngagementForm } from './EngagementForm';

const engagement: EngagementDetail = {
  id: '01900000-0000-7000-8000-000000000041',
  organization: { id: '01900000-0000-7000-8000-000000000040', name: 'Richmond Police Department' },
  kind: 'meeting',
  occurredOn: '2010-12-20',
  title: 'Senior officials meet the Chief of Police',
  location: 'Richmond',
  summary: null,
  outcome: null,
  participants: [{ name: 'Chief of Police', title: null, organizationId: '01900000-0000-7000-8000-000000000040', organizationName: 'Richmond Police Department' }],
  withdrawal: null,
  createdBy: null,
  createdAt: '2010-12-20T00:00:00.000Z',
  updatedAt: '2010-12-20T00:00:00.000Z',
  version: 2,
  allowedActions: ['update', 'withdraw'],
  tasks: [],
};

const me = meAs('program_officer');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('EngagementForm on a meeting on record', () => {
  it('asks neither its organization nor new follow-ups, and keeps each participant’s organization', async () => {
    fakeApi({ 'GET /api/auth/me': { body: me }, 'GET /api/organizations': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<EngagementForm engagement={engagement} onSubmit={onSubmit} cancelTo="/engagements" />, { me });
    expect(screen.queryByLabelText(/^Organization/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a follow-up task' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Outcome' }), { target: { value: 'Agreed to talk again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]).toEqual([
      {
        kind: 'meeting',
        occurredOn: '2010-12-20',
        title: 'Senior officials meet the Chief of Police',
        location: 'Richmond',
        summary: null,
        outcome: 'Agreed to talk again',
        participants: [{ name: 'Chief of Police', title: null, organizationId: '01900000-0000-7000-8000-000000000040' }],
      },
    ]);
  });

  it('refuses a new meeting’s follow-up due before the meeting, with the API’s words, on that row', async () => {
    fakeApi({ 'GET /api/auth/me': { body: me }, 'GET /api/organizations': { body: { items: [], nextCursor: null } } });
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<EngagementForm organizationId={engagement.organization.id} onSubmit={onSubmit} cancelTo="/engagements" />, { me });
    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: '2011-03-01' } });
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: 'Talks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a follow-up task' }));
    fireEvent.change(screen.getByLabelText(/^Task/), { target: { value: 'Write back' } });
    fireEvent.change(screen.getByLabelText(/^Due date/), { target: { value: '2011-02-28' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save engagement' }));
    const due = screen.getByLabelText(/^Due date/);
    await vi.waitFor(() => expect(due.getAttribute('aria-invalid')).toBe('true'));
    expect(document.body.textContent).toContain('must not come before the meeting it follows (2011-03-01)');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
