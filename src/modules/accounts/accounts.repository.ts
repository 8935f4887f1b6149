import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { lockingRead, lockName } from '../../platform/db/locks.js';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import type { ApiTokensTable, DB, UserRow, UsersTable } from '../../platform/db/schema.js';

export function usersRepository(db: Kysely<DB>) {
  return {
    /**
     * Admins who can still sign in, their rows locked until the transaction ends: the last one
     * may not be demoted or disabled, and two admins removing each other at once queue here, the
     * second counting after the first.
     */
    async lockActiveAdmins(): Promise<number> {
      const rows = await lockingRead(db, db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id'));
      return rows.length;
    },
    /** Queues processes starting at once on an empty database, so one of them makes the first admin. */
    lockFirstAdmin(): Promise<void> {
      return lockName(db, 'users.first_admin');
    },
    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    findByIds(ids: readonly string[]): Promise<UserRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
    },
    /** Active accounts bound to a person, or coordinating their agency. */
    findConcerned(personId: string, organizationId: string) {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'name'])
        .where('disabled_at', 'is', null)
        .where((eb) => eb.or([eb('person_id', '=', personId), eb.and([eb('role', '=', 'coordinator'), eb('organization_id', '=', organizationId)])]))
        .execute();
    },
    findAssignable() {
      return db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('role', 'in', ['admin', 'program_officer'])
        .where('disabled_at', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .execute();
    },
    async count(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    list(filter: { search?: string | undefined; role?: DB['users']['role'] | undefined }, sort: SortRequest, page: PageRequest) {
      let query = db.selectFrom('users').selectAll();
      if (filter.search) {
        const pattern = containsPattern(filter.search.toLowerCase());
        query = query.where(sql<boolean>`(lower(name) LIKE ${pattern} ESCAPE '\\' OR email LIKE ${pattern} ESCAPE '\\')`);
      }
      if (filter.role) query = query.where('role', '=', filter.role);
      return applyKeyset(query, 'users.id', sort, page).execute();
    },
    insert(row: Insertable<UsersTable>): Promise<UserRow> {
      return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    },
    update(id: string, version: number, changes: Updateable<UsersTable>): Promise<UserRow | undefined> {
      return db
        .updateTable('users')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
    /** Bookkeeping that is not an edit of the account: no version bump. */
    touchSignIn(id: string, at: string) {
      return db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
    },
  };
}

export function sessionsRepository(db: Kysely<DB>) {
  return {
    insert(row: { id: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string; ip: string | null; user_agent: string | null }) {
      return db.insertInto('sessions').values(row).execute();
    },
    findValid(id: string, now: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at'])
        .selectAll('users')
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
    },
    touch(id: string, at: string) {
      return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
    delete(id: string) {
      return db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    deleteForUser(userId: string, exceptId?: string) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return query.execute();
    },
    deleteExpired(now: string) {
      return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}

export function tokensRepository(db: Kysely<DB>) {
  return {
    insert(row: Insertable<ApiTokensTable>) {
      return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
    },
    findValidByHash(hash: string, now: string) {
      return db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
        .selectAll('users')
        .where('api_tokens.token_hash', '=', hash)
        .where('api_tokens.revoked_at', 'is', null)
        .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
    },
    findForUser(userId: string) {
      return db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },
    findById(id: string) {
      return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },
    revoke(id: string, at: string) {
      return db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },
    touch(id: string, at: string) {
      return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export function signInFailuresRepository(db: Kysely<DB>) {
  return {
    record(row: { id: string; email: string; ip: string; failed_at: string }) {
      return db.insertInto('sign_in_failures').values(row).execute();
    },
    async countSince(column: 'email' | 'ip', value: string, since: string): Promise<{ count: number; oldest: string | null }> {
      const row = await db
        .selectFrom('sign_in_failures')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('failed_at').as('oldest')])
        .where(column, '=', value)
        .where('failed_at', '>', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
    },
    clearForEmail(email: string) {
      return db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
    },
    deleteBefore(before: string) {
      return db.deleteFrom('sign_in_failures').where('failed_at', '<', before).execute();
    },
  };
}
