import { DEFAULT_LOCALE, type Locale } from './i18n/locales.js';
export const ROLES = ['admin', 'program_officer', 'coordinator', 'instructor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles, named once: who works for the program office, and who may read every partner's work. */
export const STAFF = ['admin', 'program_officer'] as const satisfies readonly Role[];
export const READERS = [...STAFF, 'viewer'] as const satisfies readonly Role[];

/** Who is acting: a signed-in user, an API token's user, or Cadre itself (seed, CLI). */
export interface Actor {
  readonly id: string | null;
  readonly label: string;
  readonly role: Role;
  /** The agency a coordinator is bound to. */
  readonly organizationId: string | null;
  /** The person an instructor is bound to. */
  readonly personId: string | null;
  /** Set when an API token acts: how far the token reaches within the role's rights. */
  readonly credential?: CredentialScope;
}

/**
 * What an API token may do within its user's role: only read (safe HTTP methods) or also write,
 * in every area or only in some, an area being a resource of the access policy (`people`,
 * `offerings`, …). A session has no such limit.
 */
export interface CredentialScope {
  readonly access: 'read' | 'write';
  /** The resources the token reaches; null for all of them. */
  readonly areas: readonly string[] | null;
}

/** Where a change came from, carried into its audit event. */
export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly ip: string | null;
  /** The language the caller reads; English when not said (the CLI, jobs, audit snapshots). */
  readonly locale?: Locale;
}

/** The language a service words its answers in for this caller. */
export function readerLocale(ctx: RequestContext): Locale {
  return ctx.locale ?? DEFAULT_LOCALE;
}

export function systemContext(label = 'system'): RequestContext {
  return {
    actor: { id: null, label, role: 'admin', organizationId: null, personId: null },
    requestId: null,
    ip: null,
  };
}


