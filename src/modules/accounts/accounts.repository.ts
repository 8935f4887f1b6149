import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { LiveSessions } from './live-sessions.js';
import { containsPattern } from '../../platform/db/dialect.js';
import { lockingRead, lockName } from '../../platform/db/locks.js';
import { applyKeyset, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import type { ApiTokensTable, DB, SecondFactorKind, UserRow, UsersTable } from '../../platform/db/schema.js';
import type { Role } from '../../platform/access.js';

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
    /** Active accounts that are any of: these ones, of these roles, bound to these people, coordinating these agencies. */
    findActiveAmong(who: { ids?: readonly string[]; roles?: readonly Role[]; personIds?: readonly string[]; coordinatorsOf?: readonly string[] }): Promise<UserRow[]> {
      return db
        .selectFrom('users')
        .selectAll()
        .where('disabled_at', 'is', null)
        .where((eb) =>
          eb.or([
            ...(who.ids?.length ? [eb('id', 'in', who.ids)] : []),
            ...(who.roles?.length ? [eb('role', 'in', who.roles)] : []),
            ...(who.personIds?.length ? [eb('person_id', 'in', who.personIds)] : []),
            ...(who.coordinatorsOf?.length ? [eb.and([eb('role', '=', 'coordinator'), eb('organization_id', 'in', who.coordinatorsOf)])] : []),
          ]),
        )
        .orderBy('id')
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
    insert(row: {
      id: string;
      user_id: string;
      created_at: string;
      last_seen_at: string;
      expires_at: string;
      ip: string | null;
      user_agent: string | null;
      second_factor: SecondFactorKind | null;
    }) {
      return db.insertInto('sessions').values(row).execute();
    },
    /** The session and its user, while it runs and its user is not disabled. */
    findValid(id: string, live: LiveSessions) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.second_factor'])
        .selectAll('users')
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', live.now)
        .where('sessions.last_seen_at', '>', live.idleSince)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
    },
    touch(id: string, at: string) {
      return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
    delete(id: string) {
      return db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    /** Sessions past their lifetime or left unused too long. */
    deleteEnded(live: LiveSessions) {
      return db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', live.now), eb('last_seen_at', '<=', live.idleSince)]))
        .execute();
    },
    /** A user's sessions still running, the latest used first. */
    findActiveForUser(userId: string, live: LiveSessions) {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', live.now)
        .where('last_seen_at', '>', live.idleSince)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id')
        .execute();
    },
  };
}

/** Everything that lets a user in without their password: their sessions and API tokens. */
export function credentialsRepository(db: Kysely<DB>) {
  return {
    /** Ends every session (but the one kept) and revokes every token of the user; says how many of each. */
    async endAllFor(userId: string, at: string, keepSessionId?: string): Promise<{ sessions: number; tokens: number }> {
      let sessions = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
      const ended = await sessions.executeTakeFirst();
      const revoked = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return { sessions: Number(ended.numDeletedRows), tokens: Number(revoked.numUpdatedRows) };
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
        .select([
          'api_tokens.id as token_id',
          'api_tokens.last_used_at as token_last_used_at',
          'api_tokens.last_used_ip as token_last_used_ip',
          'api_tokens.access as token_access',
          'api_tokens.areas as token_areas',
        ])
        .selectAll('users')
        .where('api_tokens.token_hash', '=', hash)
        .where('api_tokens.revoked_at', 'is', null)
        .where('api_tokens.expires_at', '>', now)
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
    touch(id: string, seen: { at: string; ip: string | null; userAgent: string | null }) {
      return db
        .updateTable('api_tokens')
        .set({ last_used_at: seen.at, last_used_ip: seen.ip, last_used_user_agent: seen.userAgent })
        .where('id', '=', id)
        .execute();
    },
  };
}

/** A key's count of sign-in attempts in a row and when the next may be checked. */
export function signInThrottlesRepository(db: Kysely<DB>) {
  return {
    /**
     * The key's row, created when missing, and locked until the transaction ends: the no-op
     * update of an upsert takes the row lock in PostgreSQL (SQLite holds the write lock already),
     * so concurrent attempts on one key are counted one after the other.
     */
    lock(key: string, now: string) {
      return db
        .insertInto('sign_in_throttles')
        .values({ key, attempts: 0, next_allowed_at: now, last_attempt_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ attempts: eb.ref('sign_in_throttles.attempts') })))
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    save(key: string, changes: { attempts: number; next_allowed_at: string; last_attempt_at: string }) {
      return db.updateTable('sign_in_throttles').set(changes).where('key', '=', key).execute();
    },
    /** Gives back one attempt: a right password from an address is not held against it. */
    refund(key: string) {
      return db
        .updateTable('sign_in_throttles')
        .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
        .where('key', '=', key)
        .where('attempts', '>', 0)
        .execute();
    },
    clear(keys: readonly string[]) {
      return db.deleteFrom('sign_in_throttles').where('key', 'in', keys).execute();
    },
    deleteIdleSince(before: string) {
      return db.deleteFrom('sign_in_throttles').where('last_attempt_at', '<', before).execute();
    },
  };
}
