import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../api/schemas';
import { renderPage } from '../../test/render';
import { AssignmentActions } from './AssignmentActions';

const assignment: Assignment = {
  id: '01900000-0000-7000-8000-000000000011',
  deploymentId: '01900000-0000-7000-8000-000000000012',
  deploymentTitle: 'Port-au-Prince mentoring',
  rotationId: '01900000-0000-7000-8000-000000000013',
  rotationSequence: 1,
  person: { id: '01900000-0000-7000-8000-000000000014', name: 'Marie Joseph', organizationId: '01900000-0000-7000-8000-000000000015', organizationName: 'Test Police' },
  role: 'mentor',
  status: 'nominated',
  startOn: '2027-01-04',
  endOn: '2027-04-03',
  deployedOn: null,
  returnedOn: null,
  withdrawnReason: null,
  personDays: 0,
  allowedStatuses: [],
  allowedActions: [],
  version: 1,
};

const noop = () => undefined;
function actionsOf(allowed: Assignment['allowedActions']) {
  return <AssignmentActions assignment={{ ...assignment, allowedActions: allowed }} focusRequest={null} onFocused={noop} onOpenForm={noop} onChanged={noop} onProblem={noop} />;
}

afterEach(cleanup);

describe('AssignmentActions', () => {
  it('offers one button per action the server allows', () => {
    renderPage(actionsOf(['selected', 'withdrawn', 'extend']));
    expect(screen.getByRole('button', { name: 'Select: Marie Joseph' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Withdraw: Marie Joseph' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Extend: Marie Joseph' })).toBeTruthy();
  });

  it('drops a button when the server no longer allows it, and shows none when nothing is', () => {
    const { rerender } = renderPage(actionsOf(['selected', 'withdrawn', 'extend']));
    rerender(actionsOf(['withdrawn']));
    expect(screen.queryByRole('button', { name: 'Select: Marie Joseph' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Extend: Marie Joseph' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw: Marie Joseph' })).toBeTruthy();

    rerender(actionsOf([]));
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
