import { type Actor, type Role } from './access.js';
export { READERS, STAFF } from './access.js';
import { forbidden, notFound } from './errors.js';
import { platformText, type RecordKind } from './platform.messages.js';

/**
 * One access policy for every module. A module declares, per action, which roles may take it and
 * over which records: every partner's (`all`), their own agency's (`organization`) or their own
 * (`person`). From that one table come the check on a single record, the `where` of a list (see
 * `db/scope.ts`), the 403 for a role that may never do a thing, and the actions each record
 * carries to the web (`allowedActions`), so the server and the screens cannot disagree.
 */

/** How far a role's grant reaches. */
export type Reach = 'all' | 'organization' | 'person';

/** A grant: a reach, optionally narrowed by a condition on the record (a lead instructor, an open nomination). */
export type Grant<R> = Reach | { readonly reach: Reach; readonly when: (record: R, actor: Actor) => boolean };

export type Grants<R> = Partial<Record<Role, Grant<R>>>;

/** The records an actor may take an action on, as a list's filter. */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'organization'; readonly organizationId: string }
  | { readonly kind: 'person'; readonly personId: string };

/** Whom a record belongs to: the agencies and the people it is about or taught by. */
export interface Holders {
  readonly organizationIds?: readonly (string | null | undefined)[];
  readonly personIds?: readonly (string | null | undefined)[];
  /** Held by every agency at once: a record open to all of them, such as a deployment taking nominations. */
  readonly isOpenToAgencies?: boolean;
}

/** The same grant to several roles: `{ ...grant(STAFF, 'all'), coordinator: 'organization' }`. */
export function grant<R>(roles: readonly Role[], to: Grant<R>): Grants<R> {
  return Object.fromEntries(roles.map((role) => [role, to])) as Grants<R>;
}

function reachOf<R>(grantFor: Grant<R>): Reach {
  return typeof grantFor === 'string' ? grantFor : grantFor.reach;
}

/** The scope a reach gives this actor, or null when the actor is bound to no agency or person. */
function scopeFor(actor: Actor, reach: Reach): Scope | null {
  if (reach === 'all') return { kind: 'all' };
  if (reach === 'organization') return actor.organizationId ? { kind: 'organization', organizationId: actor.organizationId } : null;
  return actor.personId ? { kind: 'person', personId: actor.personId } : null;
}

/** Whether a record held by `holders` lies in `scope`. */
export function isInScope(scope: Scope, holders: Holders): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organization') return holders.isOpenToAgencies === true || (holders.organizationIds ?? []).includes(scope.organizationId);
  return (holders.personIds ?? []).includes(scope.personId);
}

/** The resource each registered policy guards (see `modules/capabilities.ts`), for API tokens limited to areas. */
const resourceOf = new WeakMap<object, string>();

/** Names each policy by the resource it guards: the areas an API token may be limited to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function nameResources(policies: Record<string, Policy<any, string>>): void {
  for (const [resource, policy] of Object.entries(policies)) resourceOf.set(policy, resource);
}

const outsideCredential = () => forbidden(platformText('tokenOutsideArea'));

export interface Policy<R, A extends string> {
  readonly actions: readonly A[];
  /** Whether the actor's role may ever take this action (the 403 line, and a "New" button). */
  allows(actor: Actor, action: A): boolean;
  /** 403 unless the actor's role may ever take this action. */
  requireAllowed(actor: Actor, action: A): void;
  /** The actions the actor's role is granted at all, for the web's menus and "New" buttons. */
  granted(actor: Actor): A[];
  /** The records the actor may take this action on, for a list's `where`; 403 when none. */
  scope(actor: Actor, action: A): Scope;
  /** The same scope, or null when the role has no grant or the actor is bound to nothing. */
  scopeOrNull(actor: Actor, action: A): Scope | null;
  /** Whether the actor may take this action on this record. */
  can(actor: Actor, action: A, record: R): boolean;
  /**
   * Refuses what the actor may not do to a record: 404 when they may not see it (another
   * agency's record answers like a missing one), 403 when they see it but may not do this.
   */
  authorize(actor: Actor, action: A, record: R, what: RecordKind): void;
  /** The actions the actor may take on this record: all but `read` and `create`, which are not a record's. */
  allowedActions(actor: Actor, record: R): Exclude<A, 'read' | 'create'>[];
}

/**
 * A module's policy: `holders` says whom a record belongs to; `rules` gives, per action, the
 * roles that may take it and how far. An action no role is granted is refused to everyone.
 * `read` must be one of the actions: it is what decides 404 against 403.
 */
export function definePolicy<R, A extends string>(definition: {
  holders: (record: R) => Holders;
  rules: Record<A | 'read', Grants<R>>;
}): Policy<R, A | 'read'> {
  type Action = A | 'read';
  const rules = definition.rules;
  const actions = Object.keys(rules) as Action[];

  // An API token limited to areas reaches only the resources named; a policy no resource name
  // was given to is outside every such token. Read against write is the HTTP method's (http/auth.ts).
  function isWithinCredential(actor: Actor): boolean {
    const areas = actor.credential?.areas;
    if (!areas) return true;
    const resource = resourceOf.get(policy);
    return resource !== undefined && areas.includes(resource);
  }

  function isGranted(actor: Actor, action: Action): boolean {
    return rules[action][actor.role] !== undefined && isWithinCredential(actor);
  }

  function scopeOrNull(actor: Actor, action: Action): Scope | null {
    if (!isWithinCredential(actor)) return null;
    const granted = rules[action][actor.role];
    return granted ? scopeFor(actor, reachOf(granted)) : null;
  }

  function can(actor: Actor, action: Action, record: R): boolean {
    if (!isWithinCredential(actor)) return false;
    const granted = rules[action][actor.role];
    const scope = scopeOrNull(actor, action);
    if (!granted || !scope || !isInScope(scope, definition.holders(record))) return false;
    return typeof granted === 'string' || granted.when(record, actor);
  }

  const policy: Policy<R, Action> = {
    actions,
    allows: isGranted,
    requireAllowed(actor, action) {
      if (!isWithinCredential(actor)) throw outsideCredential();
      if (rules[action][actor.role] === undefined) throw forbidden();
    },
    granted: (actor) => actions.filter((action) => isGranted(actor, action)),
    scope(actor, action) {
      if (!isWithinCredential(actor)) throw outsideCredential();
      const scope = scopeOrNull(actor, action);
      if (!scope) throw forbidden();
      return scope;
    },
    scopeOrNull,
    can,
    authorize(actor, action, record, what) {
      if (!isWithinCredential(actor)) throw outsideCredential();
      if (!can(actor, 'read', record)) throw notFound(what);
      if (!can(actor, action, record)) throw forbidden();
    },
    allowedActions: (actor, record) =>
      actions.filter((action): action is Exclude<Action, 'read' | 'create'> => action !== 'read' && action !== 'create' && can(actor, action, record)),
  };
  return policy;
}
