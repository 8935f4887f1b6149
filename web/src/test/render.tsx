import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Me } from '../api/schemas';
import { meQueryKey } from '../api/session';
import '../i18n';

/**
 * Renders a component as the app does (router, query cache, English text), with `me` as the
 * signed-in user when given (and at `initialEntries`' address), so a test sees what that user would see.
 */
export function renderPage(element: ReactElement, options: { me?: Me; initialEntries?: string[] } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  if (options.me) queryClient.setQueryData(meQueryKey, options.me);
  // A wrapper, not a parent element, so `rerender` keeps the router and the cache.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={options.initialEntries}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  const view = render(element, { wrapper });
  return { ...view, queryClient };
}
