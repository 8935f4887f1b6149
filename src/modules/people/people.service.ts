import type { Insertable, Kysely, Transaction } from 'kysely';
import { type RequestContext } from '../../platform/access.js';
import { type AuditEntry, type AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB, PersonReadinessTable } from '../../platform/db/schema.js';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { searchKey } from '../../platform/text.js';
import { inTransaction } from '../../platform/db/transactions.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { languageRow, names, type PersonForImport, personRow, toLanguageSkill, toPerson, toPersonDetail } from './people.mapper.js';

// What other modules learn of a person, made by the mapper.
export type { PersonForImport, PersonProfile } from './people.mapper.js';
import { peoplePolicy as policy, personAccess } from './people.policy.js';
import { peopleListFilter } from './people.filters.js';
import { extrasOf, type NameKey, type PersonExtras, peopleRepository, type PersonRowWithOrganization } from './people.repository.js';
import {
  type CreatePersonInput,
  type ListPeopleQuery,
  type Person,
  type PersonAction,
  type PersonDetail,
  type SetReadinessInput,
  type UpdatePersonInput,
} from './people.schemas.js';
import { type ImportedReadiness, readinessChange } from './readiness-records.js';
export type { ImportedReadiness } from './readiness-records.js';
import { type ReadinessItem, readinessInputProblems, readinessItemText } from './readiness.js';
import { peopleText } from './people.messages.js';
import { readerLocale } from '../../platform/access.js';
import { peopleChanged, peopleCreated } from '../cascade/cascade.upkeep.js';
import { createPeopleReads } from './people.reads.js';

/** What tells one person on record from another: an edit to none of them (a status, a note) does not wait for others' checks. */
const IDENTITY_FIELDS = ['email', 'givenName', 'familyName', 'organizationId', 'dateOfBirth'] as const;

const emailTaken = () => conflict(peopleText('person.emailTaken'), [{ pointer: '/body/email', detail: peopleText('field.emailTaken') }]);

export interface PeopleDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  passports: FieldCipher;
  organizations: Pick<OrganizationsService, 'requireReference'>;
}

/** What the actor sees of a person: everything, or (a viewer) the names only. */
function detailFor(ctx: RequestContext, row: PersonRowWithOrganization): 'full' | 'names' {
  return policy.can(ctx.actor, 'readDetail', personAccess(row)) ? 'full' : 'names';
}

/** What the actor may do to a person: the policy's answer, and a passport number to reveal only when one is kept. */
function actionsFor(ctx: RequestContext, row: PersonRowWithOrganization, extras: PersonExtras): PersonAction[] {
  const hasPassportNumber = extras.readiness.some((r) => r.item === 'passport' && r.secret !== null);
  return policy
    .allowedActions(ctx.actor, personAccess(row))
    .filter((action): action is PersonAction => action !== 'readDetail' && (action !== 'revealPassport' || hasPassportNumber));
}

export function createPeopleService({ db, clock, audit, passports, organizations }: PeopleDeps) {
  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    const row = await peopleRepository(executor).findById(id);
    // Another agency's person answers exactly like a missing one.
    if (!row || !policy.can(ctx.actor, 'read', personAccess(row))) throw notFound('person');
    return row;
  }


  async function editableRow(ctx: RequestContext, id: string, executor: Kysely<DB>, action: 'update' | 'setReadiness') {
    const row = await visibleRow(ctx, id, executor);
    if (!policy.can(ctx.actor, action, personAccess(row))) throw forbidden();
    return row;
  }

  /** Moves the person to their next version, from `version` when the caller named one (else from the one just read). */
  async function nextVersion(trx: Kysely<DB>, current: PersonRowWithOrganization, version: number | undefined) {
    if (!(await peopleRepository(trx).update(current.id, version ?? current.version, { updated_at: instant(clock) }))) throw staleVersion('person', current.version);
  }

  /** The person as the API shows them; `forAudit` leaves out what the actor may do, which is no part of the record. */
  async function detailOf(ctx: RequestContext, row: PersonRowWithOrganization, executor: Kysely<DB> = db, forAudit = false): Promise<PersonDetail> {
    const extras = extrasOf(await peopleRepository(executor).related([row.id]), row.id);
    // What is audited is written in English; what is answered, in the reader's language.
    return forAudit ? toPersonDetail(row, extras, today(clock), detailFor(ctx, row)) : toPersonDetail(row, extras, today(clock), detailFor(ctx, row), actionsFor(ctx, row, extras), readerLocale(ctx));
  }

  async function listPage(ctx: RequestContext, query: ListPeopleQuery, page: PageRequest): Promise<Page<Person>> {
    const filter = peopleListFilter(ctx, query, today(clock));
    const sort: SortRequest = { column: 'people.sort_name', order: query.order };
    const repo = peopleRepository(db);
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    const result = toPage(rows, page, sort, (row) => ({ value: row.sort_name, id: row.id }), (row) => row);
    const related = await repo.related(result.items.map((row) => row.id));
    const day = today(clock);
    return {
      items: result.items.map((row) => {
        const extras = extrasOf(related, row.id);
        return toPerson(row, extras, day, detailFor(ctx, row), actionsFor(ctx, row, extras), readerLocale(ctx));
      }),
      nextCursor: result.nextCursor,
      total,
    };
  }

  async function checkOrganization(ctx: RequestContext, trx: Kysely<DB>, organizationId: string) {
    // Refused before looking, so a coordinator learns nothing of other agencies' ids.
    if (!policy.can(ctx.actor, 'create', { id: '', organizationId })) throw forbidden(peopleText('person.ownAgencyOnly'));
    return organizations.requireReference(ctx, organizationId, '/body/organizationId', trx);
  }

  async function checkIdentity(trx: Kysely<DB>, id: string | null, person: { email?: string | null | undefined; searchName: string; organizationId: string; dateOfBirth?: string | null | undefined }) {
    const repo = peopleRepository(trx);
    if (person.email) {
      const other = await repo.findByEmail(person.email);
      if (other && other.id !== id) throw emailTaken();
    }
    if (person.dateOfBirth) {
      const same = await repo.findSameIdentity(person.searchName, person.organizationId, person.dateOfBirth);
      if (same && same.id !== id) {
        throw conflict(peopleText('person.duplicate'), [{ pointer: '/body/dateOfBirth', detail: peopleText('field.duplicate') }]);
      }
    }
  }

  return {
    list(ctx: RequestContext, query: ListPeopleQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListPeopleQuery) {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<PersonDetail> {
      return detailOf(ctx, await visibleRow(ctx, id));
    },

    /** With `executor`, joins the caller's transaction (an import) instead of opening one. */
    async create(ctx: RequestContext, input: CreatePersonInput, executor?: Transaction<DB>): Promise<PersonDetail> {
      try {
        return await inTransaction(db, executor, async (trx) => {
          await peopleRepository(trx).lockIdentities();
          await checkOrganization(ctx, trx, input.organizationId);
          const nameKeys = names(input);
          await checkIdentity(trx, null, { ...input, searchName: nameKeys.search_name });
          const id = newId();
          const now = instant(clock);
          const repo = peopleRepository(trx);
          await repo.insert(personRow(id, input, now));
          await repo.replaceLanguages(id, input.languages.map(languageRow));
          await repo.replaceHeritage(id, input.heritageCountries);
          await repo.replaceSpecialties(id, input.specialties);
          await peopleCreated(trx, [id]);
          const row = await visibleRow(ctx, id, trx);
          await audit(trx, ctx, { action: 'person.create', entityType: 'person', entityId: id, after: await detailOf(ctx, row, trx, true) });
          return detailOf(ctx, row, trx);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    },

    /**
     * Many new people at once (a roster's batch), with the checks of one by one made in bulk: the
     * agency, and the email and the name + agency + date of birth taken by nobody. Written in
     * bulk and audited one event per person, as one by one would.
     */
    async createMany(ctx: RequestContext, inputs: readonly CreatePersonInput[], trx: Transaction<DB>): Promise<string[]> {
      if (inputs.length === 0) return [];
      await peopleRepository(trx).lockIdentities();
      const agencies = new Map<string, { name: string; country: string }>();
      for (const organizationId of new Set(inputs.map((i) => i.organizationId))) agencies.set(organizationId, await checkOrganization(ctx, trx, organizationId));
      const now = instant(clock);
      const day = today(clock);
      const rows = inputs.map((input) => personRow(newId(), input, now));
      const repo = peopleRepository(trx);
      const existing = await repo.findByKeys({
        ids: [],
        emails: rows.flatMap((row) => (row.email ? [row.email] : [])),
        names: rows.flatMap((row) => (row.date_of_birth ? [{ searchName: row.search_name, organizationId: row.organization_id }] : [])),
      });
      const takenEmails = new Set(existing.flatMap((row) => (row.email ? [row.email] : [])));
      const takenIdentities = new Set(existing.map((row) => `${row.search_name}|${row.organization_id}|${row.date_of_birth ?? ''}`));
      rows.forEach((row, n) => {
        if (row.email && takenEmails.has(row.email)) throw conflict(peopleText('person.emailTakenBy', { email: row.email }), [{ pointer: `/${n}/email`, detail: peopleText('field.emailTaken') }]);
        if (row.date_of_birth && takenIdentities.has(`${row.search_name}|${row.organization_id}|${row.date_of_birth}`)) {
          throw conflict(peopleText('person.duplicateOf', { name: `${row.given_name} ${row.family_name}`, born: row.date_of_birth }), [{ pointer: `/${n}/dateOfBirth`, detail: peopleText('field.duplicate') }]);
        }
      });
      // Each person's languages, heritage and specialties, made once: written in bulk, and audited with the person.
      const extras = inputs.map((input, n): PersonExtras => {
        const personId = rows[n]?.id as string;
        return {
          languages: input.languages.map((l) => ({ person_id: personId, ...languageRow(l) })),
          heritage: input.heritageCountries.map((country) => ({ person_id: personId, country })),
          specialties: input.specialties.map((specialty) => ({ person_id: personId, specialty })),
          readiness: [],
        };
      });
      const related = { languages: extras.flatMap((e) => e.languages), heritage: extras.flatMap((e) => e.heritage), specialties: extras.flatMap((e) => e.specialties) };
      try {
        await repo.insertMany(rows, related);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(peopleText('people.emailsClash'));
        throw error;
      }
      const ids = rows.map((row) => row.id as string);
      await peopleCreated(trx, ids);
      await audit.many(
        trx,
        ctx,
        rows.map((row, n): AuditEntry => {
          const agency = agencies.get(row.organization_id) as { name: string; country: string };
          const stored = { ...row, version: 1, organization_name: agency.name, organization_country: agency.country } as PersonRowWithOrganization;
          return { action: 'person.create', entityType: 'person', entityId: row.id, after: toPersonDetail(stored, extras[n] as PersonExtras, day, detailFor(ctx, stored)) };
        }),
      );
      return ids;
    },

    /**
     * Holds the checks of who is on record for a caller writing many people in one transaction
     * (an import), from its start: taken later, after a batch's changes have locked people's rows
     * and the audit head, it would come after them, where adding one person takes it before them.
     */
    lockIdentities(executor: Kysely<DB>): Promise<void> {
      return peopleRepository(executor).lockIdentities();
    },

    async matchForImport(
      ctx: RequestContext,
      keys: { ids: readonly string[]; emails: readonly string[]; names: readonly NameKey[] },
      executor: Kysely<DB> = db,
      options: { anyone?: boolean } = {},
    ): Promise<PersonForImport[]> {
      const repo = peopleRepository(executor);
      const rows = (await repo.findByKeys({ ids: keys.ids, emails: keys.emails.map((e) => e.toLowerCase()), names: keys.names.map((n) => ({ ...n, searchName: searchKey(n.searchName) })) })).filter(
        (row) => options.anyone === true || policy.can(ctx.actor, 'read', personAccess(row)),
      );
      const related = await repo.related(rows.map((row) => row.id));
      return rows.map((row) => {
        const extras = extrasOf(related, row.id);
        return {
          id: row.id,
          organizationId: row.organization_id,
          searchName: row.search_name,
          givenName: row.given_name,
          familyName: row.family_name,
          rankTitle: row.rank_title,
          email: row.email,
          phone: row.phone,
          sex: row.sex,
          dateOfBirth: row.date_of_birth,
          status: row.status,
          notes: row.notes,
          languages: extras.languages.map(toLanguageSkill),
          heritageCountries: extras.heritage.map((h) => h.country),
          specialties: extras.specialties.map((s) => s.specialty),
          readiness: extras.readiness.map((r) => ({ item: r.item, completedOn: r.completed_on, expiresOn: r.expires_on, reference: r.reference, hasPassportNumber: r.secret !== null })),
          isSamePassportNumber: (number: string) => {
            const secret = extras.readiness.find((r) => r.item === 'passport')?.secret;
            try {
              return !!secret && passports.decrypt(secret, `${row.id}:passport`) === number;
            } catch {
              // A number sealed under another key cannot be compared: it is written again.
              return false;
            }
          },
          version: row.version,
          isEditable: policy.can(ctx.actor, 'update', personAccess(row)),
        };
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdatePersonInput, executor?: Transaction<DB>): Promise<PersonDetail> {
      return inTransaction(db, executor, async (trx) => {
        if (IDENTITY_FIELDS.some((field) => input[field] !== undefined)) await peopleRepository(trx).lockIdentities();
        const current = await editableRow(ctx, id, trx, 'update');
        if (input.organizationId && input.organizationId !== current.organization_id) await checkOrganization(ctx, trx, input.organizationId);
        const merged = {
          givenName: input.givenName ?? current.given_name,
          familyName: input.familyName ?? current.family_name,
        };
        const nameKeys = names(merged);
        await checkIdentity(trx, id, {
          email: input.email === undefined ? current.email : input.email,
          searchName: nameKeys.search_name,
          organizationId: input.organizationId ?? current.organization_id,
          dateOfBirth: input.dateOfBirth === undefined ? current.date_of_birth : input.dateOfBirth,
        });
        const before = await detailOf(ctx, current, trx, true);
        const repo = peopleRepository(trx);
        const isUpdated = await repo.update(id, version, {
          ...(input.organizationId !== undefined && { organization_id: input.organizationId }),
          ...((input.givenName !== undefined || input.familyName !== undefined) && { given_name: merged.givenName, family_name: merged.familyName, ...nameKeys }),
          ...(input.rankTitle !== undefined && { rank_title: input.rankTitle }),
          ...(input.email !== undefined && { email: input.email }),
          ...(input.phone !== undefined && { phone: input.phone }),
          ...(input.sex !== undefined && { sex: input.sex }),
          ...(input.dateOfBirth !== undefined && { date_of_birth: input.dateOfBirth }),
          ...(input.status !== undefined && { status: input.status }),
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('person', current.version);
        if (input.organizationId !== undefined && input.organizationId !== current.organization_id) await peopleChanged(trx, [id]);
        if (input.languages) await repo.replaceLanguages(id, input.languages.map(languageRow));
        if (input.heritageCountries) await repo.replaceHeritage(id, input.heritageCountries);
        if (input.specialties) await repo.replaceSpecialties(id, input.specialties);
        const updated = await visibleRow(ctx, id, trx);
        await audit(trx, ctx, { action: 'person.update', entityType: 'person', entityId: id, before, after: await detailOf(ctx, updated, trx, true) });
        return detailOf(ctx, updated, trx);
      });
    },

    /**
     * Records a readiness item (passport, clearance, training, release), replacing the last one.
     * Readiness is part of the person: a change names the person's version it read (`version`;
     * only in-process callers such as the demo seed leave it out) and moves the person to the next.
     */
    async setReadiness(ctx: RequestContext, id: string, item: ReadinessItem, input: SetReadinessInput, version?: number): Promise<PersonDetail> {
      const problems = readinessInputProblems(item, input);
      if (problems.length > 0) {
        const title = peopleText(problems[0]?.field === 'passportNumber' ? 'readiness.passportNumberOnly' : item === 'passport' ? 'readiness.passportExpiryMissing' : 'readiness.dayDoneMissing');
        throw invalid(title, problems.map((p) => ({ pointer: `/body/${p.field}`, detail: p.detail })));
      }
      return db.transaction().execute(async (trx) => {
        const current = await editableRow(ctx, id, trx, 'setReadiness');
        await nextVersion(trx, current, version);
        const repo = peopleRepository(trx);
        const previous = (await repo.readinessOf(id)).find((r) => r.item === item);
        const change = readinessChange(passports, id, item, input, previous, instant(clock));
        await repo.upsertReadiness(change.row);
        await audit(trx, ctx, change.event);
        return detailOf(ctx, await visibleRow(ctx, id, trx), trx);
      });
    },

    /**
     * Readiness brought in by an import, for many people at once, under the same rules, encryption
     * and audit as one record entered on the person page. A person already on the roster is named
     * with the version the import read, and moves to the next; people the import has just created
     * in this transaction have no version to move.
     */
    async recordReadinessMany(ctx: RequestContext, entries: readonly ImportedReadiness[], trx: Transaction<DB>): Promise<void> {
      if (entries.length === 0) return;
      const repo = peopleRepository(trx);
      const known = entries.filter((e) => e.version !== undefined);
      for (const entry of known) await nextVersion(trx, await editableRow(ctx, entry.personId, trx, 'setReadiness'), entry.version);
      const previous = known.length > 0 ? await repo.related(known.map((e) => e.personId)) : new Map<string, PersonExtras>();
      const now = instant(clock);
      const rows: Insertable<PersonReadinessTable>[] = [];
      const events: AuditEntry[] = [];
      for (const { personId, records } of entries) {
        for (const { item, input } of records) {
          const problems = readinessInputProblems(item, input);
          if (problems.length > 0) throw invalid(peopleText('readiness.incomplete', { item: readinessItemText(item) }), problems.map((p) => ({ pointer: `/${item}/${p.field}`, detail: p.detail })));
          const change = readinessChange(passports, personId, item, input, extrasOf(previous, personId).readiness.find((r) => r.item === item), now);
          rows.push(change.row);
          events.push(change.event);
        }
      }
      await repo.replaceReadinessMany(rows);
      await audit.many(trx, ctx, events);
    },

    async clearReadiness(ctx: RequestContext, id: string, item: ReadinessItem, version?: number): Promise<PersonDetail> {
      return db.transaction().execute(async (trx) => {
        const current = await editableRow(ctx, id, trx, 'setReadiness');
        await nextVersion(trx, current, version);
        await peopleRepository(trx).deleteReadiness(id, item);
        await audit(trx, ctx, { action: 'person.readiness_clear', entityType: 'person', entityId: id, before: { item } });
        return detailOf(ctx, await visibleRow(ctx, id, trx), trx);
      });
    },

    /** Shows the full passport number to program office staff, and audits that it was shown. */
    async revealPassportNumber(ctx: RequestContext, id: string): Promise<{ passportNumber: string }> {
      if (!policy.allows(ctx.actor, 'revealPassport')) throw forbidden(peopleText('person.passportStaffOnly'));
      return db.transaction().execute(async (trx) => {
        policy.authorize(ctx.actor, 'revealPassport', personAccess(await visibleRow(ctx, id, trx)), 'person');
        const passport = (await peopleRepository(trx).readinessOf(id)).find((r) => r.item === 'passport');
        if (!passport?.secret) throw notFound('passportNumber');
        const passportNumber = passports.decrypt(passport.secret, `${id}:passport`);
        await audit(trx, ctx, { action: 'person.passport_reveal', entityType: 'person', entityId: id });
        return { passportNumber };
      });
    },

    ...createPeopleReads(db),

    /** Takes the person's lock for the rest of the transaction (see the repository). */
    lock(id: string, executor: Kysely<DB>): Promise<void> {
      return peopleRepository(executor).lock(id);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
export type { PoolFilter } from './people.filters.js';
