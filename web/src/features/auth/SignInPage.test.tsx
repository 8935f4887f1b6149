import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { SignInPage } from './SignInPage';

const unauthenticated = { status: 401, body: { status: 401, code: 'unauthenticated', title: 'Sign-in required', detail: 'Sign in.' } };

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
});
