import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { setCsrfToken, setSessionHandlers } from '../api/client';
import { isProblem } from '../api/problem';
import { meQueryKey } from '../api/session';
import { isPublicPath, PUBLIC_QUERY_KEY } from './publicPages';
import { createAppRouter } from './router';

const queryClient: QueryClient = new QueryClient({
  // A 412 means someone changed the record meanwhile: fetch what is on screen again, so that
  // the next attempt starts from the latest version (the form keeps what the user typed).
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isProblem(error, 412)) void queryClient.invalidateQueries();
    },
  }),
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a flaky network might.
      retry: (failures, error) => failures < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter();

setSessionHandlers({
  unauthenticated: () => {
    setCsrfToken(null);
    queryClient.setQueryData(meQueryKey, null);
    const { pathname, search } = router.state.location;
    // A public page (a certificate scanned from its QR code) stays where it is: it needs no session.
    if (pathname !== '/sign-in' && !isPublicPath(pathname)) void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== PUBLIC_QUERY_KEY });
  },
  passwordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void router.navigate('/account/password', { replace: true });
  },
  secondFactorEnrolmentRequired: () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void router.navigate('/account/security', { replace: true });
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
