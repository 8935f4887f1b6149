import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountSecurity, Me } from '../../api/schemas';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { AccountSecurityPage } from './AccountSecurityPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = (mustEnrolSecondFactor: boolean): Me => meAs('admin', { user: { email: 'admin@example.test', name: 'Admin' }, mustEnrolSecondFactor });

const none: AccountSecurity = { isSecondFactorRequired: true, totp: { isEnrolled: false, enrolledAt: null }, passkeys: [], recoveryCodesLeft: 0 };
const withTotp: AccountSecurity = { ...none, totp: { isEnrolled: true, enrolledAt: '2026-11-28T12:00:00.000Z' }, recoveryCodesLeft: 10 };
const codes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pq${String(i).padStart(2, '2')}`);

describe('AccountSecurityPage', () => {
  it('holds an admin without a second factor, walks them through the app’s QR code and key, and shows the recovery codes once', async () => {
    const calls = fakeApi({
      'GET /api/account/security': { body: none },
      'POST /api/account/totp': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Cadre:admin', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' } },
      'POST /api/account/totp/confirm': { body: { security: withTotp, recoveryCodes: codes } },
      'GET /api/auth/me': { body: me(false) },
    });
    renderPage(<AccountSecurityPage />, { me: me(true) });
    expect(await screen.findByRole('heading', { name: 'Your role requires a second factor' })).toBeTruthy();
    expect(await screen.findByText('You have no passkey.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate new recovery codes' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
    const qr = await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' });
    expect(qr.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

    fireEvent.change(screen.getByLabelText(/Code from the app/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and turn on' }));
    const shown = await screen.findByTestId('recovery-codes');
    expect(within(shown).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes);
    expect(calls.find((call) => call.path === '/api/account/totp/confirm')?.body).toEqual({ code: '123456' });
    expect(await screen.findByText('Set up on Nov 28, 2026, 12:00 PM', { exact: false })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Continue to Cadre' })).toBeTruthy();
  });

  it('lists passkeys by name with a remove button each, asking first', async () => {
    const security: AccountSecurity = {
      ...withTotp,
      passkeys: [{ id: '01900000-0000-7000-8000-000000000009', name: 'Blue security key', createdAt: '2026-11-20T09:00:00.000Z', lastUsedAt: null }],
    };
    const calls = fakeApi({ 'GET /api/account/security': { body: security }, 'DELETE /api/account/passkeys/01900000-0000-7000-8000-000000000009': { body: withTotp } });
    renderPage(<AccountSecurityPage />, { me: me(false) });
    expect(await screen.findByText('Blue security key')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your role requires a second factor' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Blue security key' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('You have no passkey.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(true);
  });
});
