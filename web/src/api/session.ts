import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { isProblem } from './problem';
import type { Me, User } from './schemas';

export const meQueryKey = ['me'] as const;

/** Who is signed in, or null; remembers the CSRF token the session's writes need. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me', { isAuthProbe: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isProblem(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for pages behind the sign-in guard, which has loaded it. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser needs a signed-in user: render it inside RequireSignIn.');
  return data.user;
}

/**
 * Whether the signed-in user's role may ever take an action on a kind of record (`read`,
 * `create`, …), as the server's policy says in `/api/auth/me`: for menus and "New" buttons. What
 * may be done to one record is on the record itself, in its `allowedActions`.
 */
export function useCan(): (resource: string, action: string) => boolean {
  const { data } = useMe();
  const capabilities = data?.capabilities ?? {};
  return (resource, action) => capabilities[resource]?.includes(action) ?? false;
}

/** Stores a fresh sign-in (or password change) as the current session. */
export function useRememberSession() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(meQueryKey, me);
  };
}

/**
 * Whether the user picks the agency of the people they add or import: an account that may add
 * people and is bound to no agency does; a coordinator's go to their own agency.
 */
export function choosesAgency(user: Pick<User, 'organizationId'>, can: (resource: string, action: string) => boolean): boolean {
  return user.organizationId === null && can('people', 'create');
}
