import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict, notFound, ruleBroken, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { searchKey } from '../../platform/text.js';
import type { UsersService } from '../accounts/users.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { toAgreement, toPartnership } from './partnerships.mapper.js';
import { agreementsPolicy, partnershipsPolicy as policy } from './partnerships.policy.js';
import {
  agreementsRepository,
  type PartnershipFilter,
  type PartnershipRowWithOrganization,
  partnershipsRepository,
} from './partnerships.repository.js';
import { checkStageChange, STAGE_TRANSITIONS } from './partnerships.rules.js';
import {
  type BoardQuery,
  type ChangeStageInput,
  type CreatePartnershipInput,
  type ListPartnershipsQuery,
  type Partnership,
  type PartnershipDetail,
  STAGES,
  type UpdatePartnershipInput,
} from './partnerships.schemas.js';
import { partnershipsText } from './partnerships.messages.js';

export interface PartnershipsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  organizations: Pick<OrganizationsService, 'requireVisible'>;
  users: Pick<UsersService, 'namesOf' | 'requireAssignable'>;
}

const SORTS: Record<ListPartnershipsQuery['sort'], { column: string; key: (row: PartnershipRowWithOrganization) => string }> = {
  name: { column: 'organizations.search_name', key: (row) => row.organization_search_name },
  stage: { column: 'partnerships.stage', key: (row) => row.stage },
  stageChangedOn: { column: 'partnerships.stage_changed_on', key: (row) => row.stage_changed_on },
};

const BOARD_COLUMN_SIZE = 100;

export function createPartnershipsService({ db, clock, audit, organizations, users }: PartnershipsDeps) {
  const repo = partnershipsRepository(db);

  /**
   * Turns rows into API views, fetching tracks, countries and owner names in three queries. With
   * `ctx`, each carries what the caller may do to it; audit snapshots are taken without.
   */
  async function present(rows: PartnershipRowWithOrganization[], executor: Kysely<DB> = db, ctx?: RequestContext): Promise<Partnership[]> {
    const ids = rows.map((row) => row.id);
    const txRepo = partnershipsRepository(executor);
    const [tracks, countries, owners] = await Promise.all([
      txRepo.tracksOf(ids),
      txRepo.countriesOf(ids),
      users.namesOf(rows.flatMap((row) => (row.owner_id ? [row.owner_id] : [])), executor),
    ]);
    return rows.map((row) =>
      toPartnership(row, {
        tracks: tracks.get(row.id) ?? [],
        countries: countries.get(row.id) ?? [],
        ownerName: row.owner_id ? (owners.get(row.owner_id) ?? null) : null,
      }, ctx ? policy.allowedActions(ctx.actor, row) : []),
    );
  }

  async function presentOne(row: PartnershipRowWithOrganization, executor: Kysely<DB> = db, ctx?: RequestContext): Promise<Partnership> {
    const [partnership] = await present([row], executor, ctx);
    return partnership as Partnership;
  }

  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    // A role that never reads these is refused outright, before anything is loaded.
    policy.requireAllowed(ctx.actor, 'read');
    const row = await partnershipsRepository(executor).findById(id);
    if (!row || !policy.can(ctx.actor, 'read', row)) throw notFound('partnership');
    return row;
  }

  function filterFor(ctx: RequestContext, query: Partial<ListPartnershipsQuery>): PartnershipFilter {
    return {
      search: query.q ? searchKey(query.q) : undefined,
      stage: query.stage,
      track: query.track,
      targetCountry: query.targetCountry,
      kind: query.kind,
      ownerId: query.ownerId,
      organizationId: query.organizationId,
      country: query.country,
      asOf: query.asOf,
      scope: policy.scope(ctx.actor, 'read'),
    };
  }

  async function listPage(ctx: RequestContext, query: ListPartnershipsQuery, page: PageRequest): Promise<Page<Partnership>> {
    const filter = filterFor(ctx, query);
    const sortDef = SORTS[query.sort];
    const sort: SortRequest = { column: sortDef.column, order: query.order };
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    const result = toPage(rows, page, sort, (row) => ({ value: sortDef.key(row), id: row.id }), (row) => row);
    return { items: await present(result.items, db, ctx), nextCursor: result.nextCursor, total };
  }

  async function detail(ctx: RequestContext, row: PartnershipRowWithOrganization, executor: Kysely<DB> = db): Promise<PartnershipDetail> {
    const day = today(clock);
    const [partnership, history, agreements] = await Promise.all([
      presentOne(row, executor, ctx),
      partnershipsRepository(executor).history(row.id),
      agreementsRepository(executor).forPartnership(row.id),
    ]);
    return {
      ...partnership,
      history: history.map((h) => ({
        id: h.id,
        fromStage: h.from_stage,
        toStage: h.to_stage,
        changedOn: h.changed_on,
        changedBy: h.changed_by,
        changedByName: h.changed_by_name,
        note: h.note,
      })),
      agreements: agreements.map((a) => toAgreement(a, day, agreementsPolicy.allowedActions(ctx.actor, a))),
      // The stages the rules allow from here, for a caller who may move the partnership at all.
      allowedStages: policy.can(ctx.actor, 'changeStage', row) ? [...STAGE_TRANSITIONS[row.stage]] : [],
    };
  }

  return {
    list(ctx: RequestContext, query: ListPartnershipsQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListPartnershipsQuery): AsyncGenerator<Partnership> {
      return allPages((page) => listPage(ctx, query, page));
    },

    /** The pipeline as a board: one column per stage, with its count and first partners by name. */
    async board(ctx: RequestContext, query: BoardQuery = {}) {
      const filter = filterFor(ctx, query);
      const counts = await repo.countByStage(filter);
      const columns = await Promise.all(
        STAGES.map(async (stage) => {
          const page = { limit: BOARD_COLUMN_SIZE };
          const rows = await repo.list({ ...filter, stage }, { column: SORTS.name.column, order: 'asc' }, page);
          return { stage, count: counts.get(stage) ?? 0, items: await present(rows.slice(0, BOARD_COLUMN_SIZE), db, ctx) };
        }),
      );
      return { columns };
    },

    async get(ctx: RequestContext, id: string): Promise<PartnershipDetail> {
      return detail(ctx, await visibleRow(ctx, id));
    },

    /** The partnership of an organization, if it has one and the actor may see it. */
    async findForOrganization(ctx: RequestContext, organizationId: string): Promise<Partnership | null> {
      const row = await repo.findByOrganization(organizationId);
      if (!row || !policy.can(ctx.actor, 'read', row)) return null;
      return presentOne(row, db, ctx);
    },

    async create(ctx: RequestContext, input: CreatePartnershipInput): Promise<PartnershipDetail> {
      policy.requireAllowed(ctx.actor, 'create');
      const startedOn = input.startedOn ?? today(clock);
      if (startedOn > today(clock)) throw ruleBroken('partnership.stage_date_future', partnershipsText('startFuture', { startedOn }));
      if (input.stage === 'active') {
        throw ruleBroken(
          'partnership.active_needs_agreement',
          partnershipsText('cannotStartActive'),
        );
      }
      try {
        return await db.transaction().execute(async (trx) => {
          const organization = await organizations.requireVisible(ctx, input.organizationId, trx);
          if (organization.kind === 'program_office') {
            throw ruleBroken('partnership.not_with_self', partnershipsText('notWithSelf'));
          }
          const txRepo = partnershipsRepository(trx);
          if (await txRepo.findByOrganization(input.organizationId)) {
            throw conflict(partnershipsText('alreadyPartner', { organization: organization.name }), [
              { pointer: '/body/organizationId', detail: partnershipsText('alreadyPartnerField') },
            ]);
          }
          if (input.ownerId) await users.requireAssignable(input.ownerId, '/body/ownerId', trx);
          const id = newId();
          const now = instant(clock);
          await txRepo.insert({
            id,
            organization_id: input.organizationId,
            stage: input.stage,
            stage_changed_on: startedOn,
            owner_id: input.ownerId ?? null,
            summary: input.summary ?? null,
            created_at: now,
            updated_at: now,
          });
          await txRepo.replaceTracks(id, input.tracks);
          await txRepo.replaceCountries(id, input.targetCountries);
          await txRepo.insertStageChange({
            id: newId(),
            partnership_id: id,
            from_stage: null,
            to_stage: input.stage,
            changed_on: startedOn,
            changed_by: ctx.actor.id,
            note: null,
            recorded_at: now,
          });
          const created = await detail(ctx, await visibleRow(ctx, id, trx), trx);
          await audit(trx, ctx, { action: 'partnership.create', entityType: 'partnership', entityId: id, after: stripDetail(created) });
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict(partnershipsText('orgAlreadyPartner'), [{ pointer: '/body/organizationId', detail: partnershipsText('alreadyPartnerField') }]);
        }
        throw error;
      }
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdatePartnershipInput): Promise<PartnershipDetail> {
      policy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const current = await visibleRow(ctx, id, trx);
        policy.authorize(ctx.actor, 'update', current, 'partnership');
        const before = await presentOne(current, trx);
        if (input.ownerId) await users.requireAssignable(input.ownerId, '/body/ownerId', trx);
        const txRepo = partnershipsRepository(trx);
        const isUpdated = await txRepo.update(id, version, {
          ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
          ...(input.summary !== undefined && { summary: input.summary }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('partnership', current.version);
        if (input.tracks) await txRepo.replaceTracks(id, input.tracks);
        if (input.targetCountries) await txRepo.replaceCountries(id, input.targetCountries);
        const after = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'partnership.update', entityType: 'partnership', entityId: id, before, after: stripDetail(after) });
        return after;
      });
    },

    async changeStage(ctx: RequestContext, id: string, version: number, input: ChangeStageInput): Promise<PartnershipDetail> {
      policy.requireAllowed(ctx.actor, 'changeStage');
      return db.transaction().execute(async (trx) => {
        const current = await visibleRow(ctx, id, trx);
        policy.authorize(ctx.actor, 'changeStage', current, 'partnership');
        const on = input.on ?? today(clock);
        const agreements = await agreementsRepository(trx).forPartnership(id);
        checkStageChange({
          from: current.stage,
          to: input.stage,
          on,
          lastChangedOn: current.stage_changed_on,
          today: today(clock),
          agreements: agreements.map((a) => ({ signedOn: a.signed_on, effectiveOn: a.effective_on, expiresOn: a.expires_on })),
        });
        const txRepo = partnershipsRepository(trx);
        const now = instant(clock);
        const isUpdated = await txRepo.update(id, version, { stage: input.stage, stage_changed_on: on, updated_at: now });
        if (!isUpdated) throw staleVersion('partnership', current.version);
        await txRepo.insertStageChange({
          id: newId(),
          partnership_id: id,
          from_stage: current.stage,
          to_stage: input.stage,
          changed_on: on,
          changed_by: ctx.actor.id,
          note: input.note ?? null,
          recorded_at: now,
        });
        const after = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, {
          action: 'partnership.stage_change',
          entityType: 'partnership',
          entityId: id,
          before: { stage: current.stage, stageChangedOn: current.stage_changed_on },
          after: { stage: input.stage, stageChangedOn: on, note: input.note ?? null },
        });
        return after;
      });
    },
  };
}

function stripDetail(detail: PartnershipDetail): Partnership {
  const { history: _history, agreements: _agreements, allowedStages: _allowed, allowedActions: _actions, ...partnership } = detail;
  return { ...partnership, allowedActions: [] };
}

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;
