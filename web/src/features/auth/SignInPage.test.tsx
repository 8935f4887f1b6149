import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { SignInPage } from './SignInPage';

const unauthenticated = { status: 401, body: { status: 401, code: 'unauthenticated', title: 'Sign-in required', detail: 'Sign in.' } };

// The form loads zod, its schema and the resolver as it renders (see lazyResolver): in a browser they
// are in long before anyone submits, here the runner compiles them first, ahead of the clock.
beforeAll(async () => {
  await Promise.all([import('../../components/form/resolver'), import('../../../../src/modules/accounts/accounts.schemas.js')]);
}, 30_000);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SignInPage', () => {
  it('offers the identity provider when Cadre has one', async () => {
    fakeApi({
      'GET /api/auth/me': unauthenticated,
      'GET /api/auth/options': { body: { identityProvider: { name: 'Login.gov', startUrl: '/api/auth/oidc/start' } } },
    });
    renderPage(<SignInPage />);
    const link = await screen.findByRole('link', { name: 'Sign in with Login.gov' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start');
  });

  it('shows the password form alone when it has none', async () => {
    const calls = fakeApi({ 'GET /api/auth/me': unauthenticated, 'GET /api/auth/options': { body: { identityProvider: null } } });
    renderPage(<SignInPage />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    await vi.waitFor(() => expect(calls.some((call) => call.path === '/api/auth/options')).toBe(true));
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });

  it("checks the form with the API's schema and words, and sends nothing until it passes", async () => {
    const calls = fakeApi({ 'GET /api/auth/me': unauthenticated, 'GET /api/auth/options': { body: { identityProvider: null } } });
    renderPage(<SignInPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', { name: 'Email address must be an email address' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Password must not be empty' })).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
