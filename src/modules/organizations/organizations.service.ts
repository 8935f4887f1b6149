import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB, OrganizationRow } from '../../platform/db/schema.js';
import { conflict, invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { searchKey } from '../../platform/text.js';
import { inTransaction } from '../../platform/db/transactions.js';
import { toOrganization } from './organizations.mapper.js';
import { subdivisionProblem } from './organizations.rules.js';
import { organizationsPolicy as policy } from './organizations.policy.js';
import { type OrganizationFilter, organizationsRepository } from './organizations.repository.js';
import type {
  CreateOrganizationInput,
  ListOrganizationsQuery,
  Organization,
  UpdateOrganizationInput,
} from './organizations.schemas.js';
import { organizationsText } from './organizations.messages.js';
import { organizationChanged } from '../cascade/cascade.upkeep.js';

export interface OrganizationsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
}

const SORT_COLUMNS: Record<ListOrganizationsQuery['sort'], { column: string; key: (row: OrganizationRow) => string }> = {
  name: { column: 'organizations.search_name', key: (row) => row.search_name },
  kind: { column: 'organizations.kind', key: (row) => row.kind },
  country: { column: 'organizations.country', key: (row) => row.country },
  createdAt: { column: 'organizations.created_at', key: (row) => row.created_at },
};

/** Refuses a subdivision ISO 3166-2 does not list, or another country's, naming the field. */
function checkSubdivision(country: string, subdivision: string | null | undefined) {
  const problem = subdivisionProblem(country, subdivision);
  if (problem) throw invalid(organizationsText('subdivisionProblem', { problem }), [{ pointer: '/body/subdivision', detail: problem }]);
}

const duplicateName = (name: string) =>
  conflict(organizationsText('nameTaken', { name }), [
    { pointer: '/body/name', detail: organizationsText('nameTakenField') },
  ]);

export function createOrganizationsService({ db, clock, audit }: OrganizationsDeps) {
  const repo = organizationsRepository(db);
  const present = (ctx: RequestContext, row: OrganizationRow): Organization => toOrganization(row, policy.allowedActions(ctx.actor, row));
  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db): Promise<OrganizationRow> {
    const row = await organizationsRepository(executor).findById(id);
    // Another agency's organization answers exactly like a missing one.
    if (!row || !policy.can(ctx.actor, 'read', row)) throw notFound('organization');
    return row;
  }

  async function checkParent(trx: Kysely<DB>, id: string | null, parentId: string | null | undefined) {
    if (!parentId) return;
    const parentRepo = organizationsRepository(trx);
    const parent = await parentRepo.findById(parentId);
    if (!parent) {
      throw invalid(organizationsText('parentMissing'), [
        { pointer: '/body/parentId', detail: organizationsText('notAnOrganization') },
      ]);
    }
    if (id && (parentId === id || (await parentRepo.wouldCycle(id, parentId)))) {
      throw invalid(organizationsText('underItself'), [
        { pointer: '/body/parentId', detail: organizationsText('underItselfField') },
      ]);
    }
  }

  function list(ctx: RequestContext, query: ListOrganizationsQuery): Promise<Page<Organization>> {
    return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
  }

  async function listPage(ctx: RequestContext, query: ListOrganizationsQuery, page: PageRequest) {
    const filter: OrganizationFilter = {
      search: query.q ? searchKey(query.q) : undefined,
      kind: query.kind,
      country: query.country,
      importId: query.importId,
      archived: query.archived,
      scope: policy.scope(ctx.actor, 'read'),
    };
    const sortColumn = SORT_COLUMNS[query.sort];
    const sort: SortRequest = { column: sortColumn.column, order: query.order };
    const rows = await repo.list(filter, sort, page);
    return toPage(rows, page, sort, (row) => ({ value: sortColumn.key(row), id: row.id }), (row) => present(ctx, row));
  }

  return {
    list,

    /** Every organization the list would show, for exports. */
    listAll(ctx: RequestContext, query: ListOrganizationsQuery): AsyncGenerator<Organization> {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<Organization> {
      return present(ctx, await visibleRow(ctx, id));
    },

    /** Names of organizations by id, for other modules' views; ids the actor may not see are left out. */
    async namesOf(ctx: RequestContext, ids: readonly string[], executor: Kysely<DB> = db): Promise<Map<string, string>> {
      const rows = await organizationsRepository(executor).findByIds([...new Set(ids)]);
      return new Map(rows.filter((r) => policy.can(ctx.actor, 'read', r)).map((r) => [r.id, r.name]));
    },

    /**
     * For another record that names an organization: a validation problem at `pointer` unless the
     * organization exists and the actor may see it (a hidden one reads as missing).
     */
    async requireReference(ctx: RequestContext, id: string, pointer: string, trx: Kysely<DB> = db): Promise<Organization> {
      const row = await organizationsRepository(trx).findById(id);
      if (!row || !policy.can(ctx.actor, 'read', row)) throw invalid(organizationsText('organizationMissing'), [{ pointer, detail: organizationsText('notAnOrganization') }]);
      return present(ctx, row);
    },

    /**
     * The organization a spreadsheet cell names, among those the actor may see: by Cadre id, by
     * name (accents and case aside) or by acronym when only one has it.
     */
    async resolve(ctx: RequestContext, text: string, executor: Kysely<DB> = db): Promise<Organization | undefined> {
      const value = text.trim();
      const lookups = organizationsRepository(executor);
      const candidates = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
        ? [await lookups.findById(value.toLowerCase())]
        : [await lookups.findBySearchName(searchKey(value))];
      const found = candidates.filter((row): row is OrganizationRow => row !== undefined && policy.can(ctx.actor, 'read', row));
      if (found.length === 1) return present(ctx, found[0] as OrganizationRow);
      const byAcronym = (await lookups.findByAcronym(value)).filter((row) => policy.can(ctx.actor, 'read', row));
      return byAcronym.length === 1 ? present(ctx, byAcronym[0] as OrganizationRow) : undefined;
    },

    /** Throws unless the organization exists and the actor may see it. */
    async requireVisible(ctx: RequestContext, id: string, trx: Kysely<DB> = db): Promise<Organization> {
      return present(ctx, await visibleRow(ctx, id, trx));
    },

    /** With `executor`, joins the caller's transaction (an import) instead of opening one. */
    async create(ctx: RequestContext, input: CreateOrganizationInput, executor?: Transaction<DB>): Promise<Organization> {
      policy.requireAllowed(ctx.actor, 'create');
      try {
        return await inTransaction(db, executor, async (trx) => {
          const txRepo = organizationsRepository(trx);
          checkSubdivision(input.country, input.subdivision);
          const key = searchKey(input.name);
          if (await txRepo.findBySearchName(key)) throw duplicateName(input.name);
          await checkParent(trx, null, input.parentId);
          const now = instant(clock);
          const row = await txRepo.insert({
            id: newId(),
            name: input.name,
            search_name: key,
            acronym: input.acronym ?? null,
            kind: input.kind,
            country: input.country,
            subdivision: input.subdivision ?? null,
            city: input.city ?? null,
            parent_id: input.parentId ?? null,
            website: input.website ?? null,
            description: input.description ?? null,
            archived_at: null,
            created_at: now,
            updated_at: now,
          });
          await audit(trx, ctx, { action: 'organization.create', entityType: 'organization', entityId: row.id, after: toOrganization(row) });
          return present(ctx, row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateName(input.name);
        throw error;
      }
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateOrganizationInput, executor?: Transaction<DB>): Promise<Organization> {
      policy.requireAllowed(ctx.actor, 'update');
      try {
        return await inTransaction(db, executor, async (trx) => {
          const txRepo = organizationsRepository(trx);
          const current = await visibleRow(ctx, id, trx);
          const country = input.country ?? current.country;
          checkSubdivision(country, input.subdivision === undefined ? current.subdivision : input.subdivision);
          if (input.name !== undefined) {
            const other = await txRepo.findBySearchName(searchKey(input.name));
            if (other && other.id !== id) throw duplicateName(input.name);
          }
          if (input.parentId !== undefined) await checkParent(trx, id, input.parentId);
          const updated = await txRepo.update(id, version, {
            ...(input.name !== undefined && { name: input.name, search_name: searchKey(input.name) }),
            ...(input.acronym !== undefined && { acronym: input.acronym }),
            ...(input.kind !== undefined && { kind: input.kind }),
            ...(input.country !== undefined && { country: input.country }),
            ...(input.subdivision !== undefined && { subdivision: input.subdivision }),
            ...(input.city !== undefined && { city: input.city }),
            ...(input.parentId !== undefined && { parent_id: input.parentId }),
            ...(input.website !== undefined && { website: input.website }),
            ...(input.description !== undefined && { description: input.description }),
            updated_at: instant(clock),
          });
          if (!updated) throw staleVersion('organization', current.version);
          if (input.kind !== undefined && input.kind !== current.kind) await organizationChanged(trx, id);
          await audit(trx, ctx, {
            action: 'organization.update',
            entityType: 'organization',
            entityId: id,
            before: toOrganization(current),
            after: toOrganization(updated),
          });
          return present(ctx, updated);
        });
      } catch (error) {
        if (isUniqueViolation(error) && input.name) throw duplicateName(input.name);
        throw error;
      }
    },

    /** Archives (or, with `archived: false`, restores) an organization; its history stays. */
    async setArchived(ctx: RequestContext, id: string, version: number, archived: boolean): Promise<Organization> {
      policy.requireAllowed(ctx.actor, 'archive');
      return db.transaction().execute(async (trx) => {
        const current = await visibleRow(ctx, id, trx);
        const updated = await organizationsRepository(trx).update(id, version, {
          archived_at: archived ? (current.archived_at ?? instant(clock)) : null,
          updated_at: instant(clock),
        });
        if (!updated) throw staleVersion('organization', current.version);
        await audit(trx, ctx, {
          action: archived ? 'organization.archive' : 'organization.restore',
          entityType: 'organization',
          entityId: id,
          before: toOrganization(current),
          after: toOrganization(updated),
        });
        return present(ctx, updated);
      });
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
