import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { meAs } from '../../test/me';
import { renderPage } from '../../test/render';
import { SignInPage } from './SignInPage';

/** A page whose code arrives when the test says, as an area's chunk does over the network. */
function slowPage(name: string) {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrive, lazy: async () => arrived.then(() => ({ element: <h1>{name}</h1> })) };
}

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

  it('leaves for the page the user chose while their first stop was still loading', async () => {
    fakeApi({
      'GET /api/auth/me': unauthenticated,
      'GET /api/auth/options': { body: { identityProvider: null } },
      'POST /api/auth/login': { body: meAs('admin') },
    });
    const home = slowPage('Dashboard');
    const organizations = slowPage('Organizations');
    const router = createMemoryRouter(
      [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/', lazy: home.lazy },
        { path: '/organizations', lazy: organizations.lazy },
      ],
      { initialEntries: ['/sign-in'] },
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    fireEvent.change(await screen.findByRole('textbox', { name: 'Email address' }), { target: { value: 'admin@example.test' } });
    fireEvent.change(screen.getByLabelText('Password', { exact: false }), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(router.state.navigation.location?.pathname).toBe('/'));

    // Signed in, the navigation is on screen while the dashboard's code is on its way: a click leads
    // elsewhere, and the dashboard's code arrives first.
    void router.navigate('/organizations');
    home.arrive();
    await vi.waitFor(() => expect(router.state.navigation.location?.pathname).toBe('/organizations'));
    organizations.arrive();
    expect(await screen.findByRole('heading', { name: 'Organizations' })).toBeTruthy();
    await vi.waitFor(() => expect(router.state.navigation.state).toBe('idle'));
    expect(router.state.location.pathname).toBe('/organizations');
    expect(screen.queryByRole('heading', { name: 'Dashboard' })).toBeNull();
  });
});
