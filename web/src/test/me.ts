import type { Me, User } from '../api/schemas';

/** A user of a role, as the API shows one, for a component test; `extra` for what a test needs to differ. */
export function userAs(role: User['role'], extra: Partial<User> = {}): User {
  return {
    id: '01900000-0000-7000-8000-000000000010',
    email: `${role}@example.test`,
    name: role,
    role,
    organizationId: null,
    personId: null,
    isDisabled: false,
    mustChangePassword: false,
    lastSignInAt: null,
    locale: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...extra,
  };
}

/** The signed-in user as `/api/auth/me` answers, signed in with a session. */
export function meAs(role: User['role'], overrides: Partial<Omit<Me, 'user'>> & { user?: Partial<User> } = {}): Me {
  const { user, ...rest } = overrides;
  return {
    user: userAs(role, user),
    csrfToken: 'f'.repeat(64),
    authenticatedBy: 'session',
    capabilities: {},
    mustEnrolSecondFactor: false,
    publicAddress: { url: 'https://cadre.example.org', isPublic: true, problem: null },
    ...rest,
  };
}
