import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { SecondFactorPage } from './SecondFactorPage';
import { SignInRefusedPage } from './SignInRefusedPage';

// The form loads zod, its schema and the resolver as it renders (see lazyResolver): in a browser they
// are in long before anyone types a code, here the runner compiles them first, ahead of the clock.
beforeAll(async () => {
  await Promise.all([import('../../components/form/resolver'), import('../../../../src/modules/accounts/mfa.schemas.js')]);
}, 30_000);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const pending = (methods: string[]) => ({
  body: { secondFactorRequired: true, methods, passkeyOptions: methods.includes('passkey') ? { challenge: 'abc', allowCredentials: [] } : null, expiresAt: '2026-11-28T12:05:00.000Z' },
});

describe('SecondFactorPage', () => {
  it('asks the authenticator app’s code, sends it, and offers a recovery code instead', async () => {
    const calls = fakeApi({
      'GET /api/auth/login/second-factor': pending(['totp', 'recovery_code']),
      'POST /api/auth/login/second-factor': { status: 401, body: { status: 401, code: 'unauthenticated', title: 'Sign-in required', detail: 'The code is not right, or was already used.' } },
    });
    renderPage(<SecondFactorPage />);
    const code = await screen.findByLabelText(/Code from your authenticator app/);
    expect(screen.queryByRole('button', { name: 'Use your passkey' })).toBeNull();
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code is not right, or was already used.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ method: 'totp', code: '123456' });

    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    expect(await screen.findByLabelText(/Recovery code/)).toBeTruthy();
    expect(screen.queryByLabelText(/Code from your authenticator app/)).toBeNull();
  });

  it('offers the passkey first when the account has one', async () => {
    fakeApi({ 'GET /api/auth/login/second-factor': pending(['passkey', 'recovery_code']) });
    renderPage(<SecondFactorPage />);
    expect(await screen.findByRole('button', { name: 'Use your passkey' })).toBeTruthy();
    expect(screen.queryByLabelText(/Code from your authenticator app/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Use a recovery code instead' })).toBeTruthy();
  });

  it('sends back to the sign-in page when the password step has expired', async () => {
    fakeApi({ 'GET /api/auth/login/second-factor': { status: 401, body: { status: 401, code: 'unauthenticated', title: 'Sign-in required', detail: 'expired' } } });
    renderPage(<SecondFactorPage />);
    expect(await screen.findByText('This sign-in has expired or was not started.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the sign-in page' }).getAttribute('href')).toBe('/sign-in');
  });
});

describe('SignInRefusedPage', () => {
  it('says plainly that no Cadre account has the provider’s email', async () => {
    renderPage(<SignInRefusedPage />, { initialEntries: ['/sign-in/refused?reason=unknown_account'] });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'No Cadre account has this email address' })).toBeTruthy());
  });
});
