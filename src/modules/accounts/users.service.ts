import type { Kysely } from 'kysely';
import type { Actor, RequestContext, Role } from '../../platform/access.js';
import { actorOf } from './auth.service.js';
import { usersPolicy as policy, WORK_OWNERS } from './accounts.policy.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { type PasswordHasher, randomToken } from '../../platform/crypto.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { type Page, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB, UserRow } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { PeopleService } from '../people/people.service.js';
import { toUser } from './accounts.mapper.js';
import { credentialsRepository, usersRepository } from './accounts.repository.js';
import { bindingProblems, type CreateUserInput, type ListUsersQuery, type UpdateMeInput, type UpdateUserInput, type User } from './accounts.schemas.js';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import { accountsText } from './accounts.messages.js';

/** Someone a notice may go to, and the actor the record's policy judges them as. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  /** The language mail to them is written in. */
  locale: Locale;
  actor: Actor;
}

export interface UsersDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  passwords: PasswordHasher;
  organizations: Pick<OrganizationsService, 'requireReference'>;
  people: Pick<PeopleService, 'profiles'>;
}


/** A password a person can read out and type: 24 characters from a 32-letter alphabet, 120 bits. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = Buffer.from(randomToken(24), 'base64url');
  const chars = [...bytes].slice(0, 24).map((b) => alphabet[b % alphabet.length]);
  return [0, 6, 12, 18].map((i) => chars.slice(i, i + 6).join('')).join('-');
}

const emailTaken = (email: string) =>
  conflict(accountsText('emailTaken', { email }), [
    { pointer: '/body/email', detail: accountsText('emailTakenField') },
  ]);

export function createUsersService({ db, clock, audit, passwords, organizations, people }: UsersDeps) {
  const repo = usersRepository(db);

  async function getRow(id: string, executor: Kysely<DB> = db): Promise<UserRow> {
    const row = await usersRepository(executor).findById(id);
    if (!row) throw notFound('user');
    return row;
  }

  async function checkBinding(ctx: RequestContext, trx: Kysely<DB>, binding: { organizationId?: string | null | undefined; personId?: string | null | undefined }) {
    if (binding.organizationId) {
      await organizations.requireReference(ctx, binding.organizationId, '/body/organizationId', trx);
    }
    if (binding.personId && !(await people.profiles(ctx, [binding.personId], trx)).has(binding.personId)) {
      throw invalid(accountsText('personMissing'), [{ pointer: '/body/personId', detail: accountsText('personMissingField') }]);
    }
  }

  return {
    async list(ctx: RequestContext, query: ListUsersQuery): Promise<Page<User>> {
      policy.requireAllowed(ctx.actor, 'read');
      const sort: SortRequest = { column: 'users.email', order: 'asc' };
      const page = { limit: query.limit, cursor: query.cursor };
      const rows = await repo.list({ search: query.q, role: query.role }, sort, page);
      return toPage(rows, page, sort, (row) => ({ value: row.email, id: row.id }), toUser);
    },

    async get(ctx: RequestContext, id: string): Promise<User> {
      // Everyone may read their own account.
      if (ctx.actor.id !== id) policy.requireAllowed(ctx.actor, 'read');
      return toUser(await getRow(id));
    },

    /** Display names of users by id, for other modules' views. */
    async namesOf(ids: readonly string[], executor: Kysely<DB> = db): Promise<Map<string, string>> {
      const rows = await usersRepository(executor).findByIds([...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /**
     * Who may be told of something: the active accounts that are any of these (by id, role, the
     * people they are, the agencies they coordinate), each with the actor a policy judges them as.
     */
    async recipients(who: { ids?: readonly string[]; roles?: readonly Role[]; personIds?: readonly string[]; coordinatorsOf?: readonly string[] }, executor: Kysely<DB> = db): Promise<Recipient[]> {
      const rows = await usersRepository(executor).findActiveAmong(who);
      return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, locale: row.locale ?? DEFAULT_LOCALE, actor: actorOf(row) }));
    },

    /** Who may own partnerships and follow-ups: active admins and program officers, by name. */
    async assignable(ctx: RequestContext): Promise<{ id: string; name: string }[]> {
      policy.requireAllowed(ctx.actor, 'assignWork');
      return (await repo.findAssignable()).map((row) => ({ id: row.id, name: row.name }));
    },

    /** Throws a validation problem at `pointer` unless the user exists and may own work. */
    async requireAssignable(id: string, pointer: string, executor: Kysely<DB> = db): Promise<void> {
      const row = await usersRepository(executor).findById(id);
      if (!row || row.disabled_at !== null || !WORK_OWNERS.includes(row.role)) {
        throw invalid(accountsText('cannotOwn'), [
          { pointer, detail: accountsText('cannotOwnField') },
        ]);
      }
    },

    async create(ctx: RequestContext, input: CreateUserInput): Promise<{ user: User; oneTimePassword: string | null }> {
      policy.requireAllowed(ctx.actor, 'create');
      const oneTimePassword = input.password ? null : generateOneTimePassword();
      const passwordHash = await passwords.hash(input.password ?? (oneTimePassword as string));
      try {
        return await db.transaction().execute(async (trx) => {
          const txRepo = usersRepository(trx);
          if (await txRepo.findByEmail(input.email)) throw emailTaken(input.email);
          await checkBinding(ctx, trx, input);
          const now = instant(clock);
          const row = await txRepo.insert({
            id: newId(),
            email: input.email,
            name: input.name,
            role: input.role,
            organization_id: input.organizationId ?? null,
            person_id: input.personId ?? null,
            password_hash: passwordHash,
            must_change_password: oneTimePassword ? 1 : 0,
            disabled_at: null,
            last_sign_in_at: null,
            created_at: now,
            updated_at: now,
          });
          const user = toUser(row);
          await audit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after: user });
          return { user, oneTimePassword };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken(input.email);
        throw error;
      }
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateUserInput): Promise<User> {
      policy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const current = await getRow(id, trx);
        const role = input.role ?? current.role;
        const organizationId = input.organizationId === undefined ? current.organization_id : input.organizationId;
        const personId = input.personId === undefined ? current.person_id : input.personId;
        const problems = bindingProblems({ role, organizationId, personId }).map((p) => ({
          pointer: `/body/${p.field}`,
          detail: p.message,
        }));
        if (problems.length > 0) throw invalid(accountsText('bindingMisfit'), problems);
        await checkBinding(ctx, trx, input);

        const losesAdmin = current.role === 'admin' && current.disabled_at === null && (role !== 'admin' || input.isDisabled === true);
        if (losesAdmin && (await usersRepository(trx).lockActiveAdmins()) <= 1) {
          throw ruleBroken('users.last_admin', accountsText('lastAdmin'));
        }
        const now = instant(clock);
        const updated = await usersRepository(trx).update(id, version, {
          ...(input.name !== undefined && { name: input.name }),
          role,
          organization_id: organizationId,
          person_id: personId,
          ...(input.isDisabled !== undefined && { disabled_at: input.isDisabled ? (current.disabled_at ?? now) : null }),
          updated_at: now,
        });
        if (!updated) throw staleVersion('user', current.version);
        // Sessions and tokens were opened under the old rights: a disabled account or a changed role
        // or binding signs the user out everywhere.
        const isRightsChange =
          updated.disabled_at !== null ||
          updated.role !== current.role ||
          updated.organization_id !== current.organization_id ||
          updated.person_id !== current.person_id;
        const ended = isRightsChange ? await credentialsRepository(trx).endAllFor(id, now) : undefined;
        const after = toUser(updated);
        await audit(trx, ctx, { action: 'user.update', entityType: 'user', entityId: id, before: toUser(current), after: ended ? { ...after, ended } : after });
        return after;
      });
    },

    /** A person's own settings: the language they read Cadre in. */
    async updateOwn(ctx: RequestContext, input: UpdateMeInput): Promise<User> {
      const id = ctx.actor.id;
      if (!id) throw notFound('user');
      return db.transaction().execute(async (trx) => {
        const current = await getRow(id, trx);
        if (current.locale === input.locale) return toUser(current);
        const updated = await usersRepository(trx).update(id, current.version, { locale: input.locale, updated_at: instant(clock) });
        if (!updated) throw staleVersion('user', current.version);
        const after = toUser(updated);
        await audit(trx, ctx, { action: 'user.update_own', entityType: 'user', entityId: id, before: { locale: current.locale }, after: { locale: after.locale } });
        return after;
      });
    },

    /** Replaces a user's password with a one-time one, signs them out everywhere and revokes their API tokens. */
    async resetPassword(ctx: RequestContext, id: string): Promise<{ user: User; oneTimePassword: string }> {
      policy.requireAllowed(ctx.actor, 'resetPassword');
      const oneTimePassword = generateOneTimePassword();
      const hash = await passwords.hash(oneTimePassword);
      return db.transaction().execute(async (trx) => {
        const current = await getRow(id, trx);
        const updated = await usersRepository(trx).update(id, current.version, {
          password_hash: hash,
          must_change_password: 1,
          updated_at: instant(clock),
        });
        if (!updated) throw staleVersion('user', current.version);
        const ended = await credentialsRepository(trx).endAllFor(id, instant(clock));
        const user = toUser(updated);
        await audit(trx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, before: toUser(current), after: { ...user, ended } });
        return { user, oneTimePassword };
      });
    },

    /**
     * On a database without users, creates the first admin: with the configured password, or a
     * one-time password that is returned here to be shown once and must be changed at sign-in.
     */
    async ensureFirstAdmin(
      ctx: RequestContext,
      options: { email: string; password: string | undefined },
    ): Promise<{ email: string; oneTimePassword: string | null } | null> {
      if ((await repo.count()) > 0) return null;
      const oneTimePassword = options.password ? null : generateOneTimePassword();
      const hash = await passwords.hash(options.password ?? (oneTimePassword as string));
      try {
        return await db.transaction().execute(async (trx) => {
          await usersRepository(trx).lockFirstAdmin();
          if ((await usersRepository(trx).count()) > 0) return null;
          const now = instant(clock);
          const row = await usersRepository(trx).insert({
            id: newId(),
            email: options.email,
            name: 'Administrator',
            role: 'admin',
            organization_id: null,
            person_id: null,
            password_hash: hash,
            must_change_password: oneTimePassword ? 1 : 0,
            disabled_at: null,
            last_sign_in_at: null,
            created_at: now,
            updated_at: now,
          });
          await audit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: row.id, after: toUser(row) });
          return { email: options.email, oneTimePassword };
        });
      } catch (error) {
        // Another process created the first admin at the same moment.
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
