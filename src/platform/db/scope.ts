import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../policy.js';

/**
 * A policy's scope as a list's `where`, so a list is filtered by the database and never after
 * loading. A repository names the columns that hold a record's agency and person, or gives an
 * expression for a holder that takes a join (the agencies whose people a training is for).
 */
export interface ScopeColumns {
  /** The column, or an expression taking the agency id, that says a row is that agency's. */
  organization?: string | ((organizationId: string) => Expression<SqlBool>);
  /** The column, or an expression taking the person id, that says a row is that person's. */
  person?: string | ((personId: string) => Expression<SqlBool>);
}

// The builder is untyped on purpose: the columns are checked by the repository that names them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBuilder = ExpressionBuilder<any, any>;

export function inScope(scope: Scope, columns: ScopeColumns) {
  return (eb: AnyBuilder): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
    const [holder, id] = scope.kind === 'organization' ? [columns.organization, scope.organizationId] : [columns.person, scope.personId];
    // A scope the repository cannot express is a programming error, never a wider list.
    if (holder === undefined) throw new Error(`This list cannot be scoped to one ${scope.kind}.`);
    return typeof holder === 'string' ? eb(eb.ref(holder), '=', id) : holder(id);
  };
}
