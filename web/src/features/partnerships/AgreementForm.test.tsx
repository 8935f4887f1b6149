import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agreement } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { AgreementForm } from './AgreementForm';

const agreement: Agreement = {
  id: '01900000-0000-7000-8000-000000000031',
  partnershipId: '01900000-0000-7000-8000-000000000030',
  organizationId: '01900000-0000-7000-8000-000000000029',
  organizationName: 'Haiti National Police',
  kind: 'mou',
  reference: 'MOU-2011-01',
  title: null,
  terms: null,
  signedOn: '2011-03-01',
  effectiveOn: null,
  renewalDueOn: '2010-12-01',
  expiresOn: null,
  reimbursementCeilingCents: 25_000_000,
  currency: 'USD',
  status: 'in_force',
  createdAt: '2011-03-01T00:00:00.000Z',
  updatedAt: '2011-03-01T00:00:00.000Z',
  version: 4,
  allowedActions: ['update'],
};

const me = meAs('program_officer');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AgreementForm', () => {
  it('shows every field of the agreement on record, the ceiling in dollars', () => {
    fakeApi({ 'GET /api/auth/me': { body: me } });
    renderPage(<AgreementForm agreement={agreement} onDone={() => undefined} />, { me });
    expect(screen.getByLabelText<HTMLInputElement>(/^Reference/).value).toBe('MOU-2011-01');
    expect(screen.getByLabelText<HTMLInputElement>('Signed on').value).toBe('03/01/2011');
    expect(screen.getByLabelText<HTMLInputElement>('Renewal due on').value).toBe('12/01/2010');
    expect(screen.getByLabelText<HTMLInputElement>(/Reimbursement ceiling/).value).toBe('250000.00');
  });

  it('refuses a renewal due before the signing with the API’s words, on the renewal field, sending nothing', async () => {
    const calls = fakeApi({ 'GET /api/auth/me': { body: me } });
    renderPage(<AgreementForm agreement={agreement} onDone={() => undefined} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const field = await screen.findByLabelText('Renewal due on');
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('error')) ?? '')?.textContent).toContain(
      'must not come before the day it was signed (2011-03-01)',
    );
    expect(calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('sends every field once the dates are in order', async () => {
    const onDone = vi.fn();
    const calls = fakeApi({ 'GET /api/auth/me': { body: me }, [`PATCH /api/agreements/${agreement.id}`]: { body: { ...agreement, renewalDueOn: '2013-12-01', version: 5 } } });
    renderPage(<AgreementForm agreement={agreement} onDone={onDone} />, { me });
    fireEvent.change(screen.getByLabelText('Renewal due on'), { target: { value: '2013-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((call) => call.method === 'PATCH')?.body).toMatchObject({ signedOn: '2011-03-01', effectiveOn: null, renewalDueOn: '2013-12-01', reimbursementCeilingCents: 25_000_000, currency: 'USD' });
  });
});
