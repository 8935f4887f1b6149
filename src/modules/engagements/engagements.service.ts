import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import type { AuditRecorder } from '../../platform/audit.js';
import { type Clock, instant, today } from '../../platform/clock.js';
import { allPages, type Page, type PageRequest, type SortRequest, toPage } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import { invalid, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { UsersService } from '../accounts/users.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { toEngagement, toTask } from './engagements.mapper.js';
import { engagementsPolicy as policy, tasksPolicy } from './engagements.policy.js';
import { type EngagementFilter, type EngagementRowWithOrganization, engagementsRepository, tasksRepository } from './engagements.repository.js';
import { checkNotWithdrawn, meetingDateProblem } from './engagements.rules.js';
import type {
  CreateEngagementInput,
  Engagement,
  EngagementAction,
  EngagementDetail,
  ListEngagementsQuery,
  UpdateEngagementInput,
  WithdrawEngagementInput,
} from './engagements.schemas.js';
import { engagementsText } from './engagements.messages.js';

export interface EngagementsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  organizations: Pick<OrganizationsService, 'requireReference'>;
  users: Pick<UsersService, 'requireAssignable'>;
}

type ParticipantInput = CreateEngagementInput['participants'][number];

export function createEngagementsService({ db, clock, audit, organizations, users }: EngagementsDeps) {
  /** A withdrawn meeting stays as it was: the policy's actions, none once withdrawn. */
  function actionsOn(ctx: RequestContext, row: EngagementRowWithOrganization): EngagementAction[] {
    return row.withdrawn_at === null ? policy.allowedActions(ctx.actor, row) : [];
  }

  async function present(ctx: RequestContext, rows: EngagementRowWithOrganization[], executor: Kysely<DB> = db): Promise<Engagement[]> {
    const participants = await engagementsRepository(executor).participantsOf(rows.map((row) => row.id));
    return rows.map((row) =>
      toEngagement(
        row,
        participants.filter((p) => p.engagement_id === row.id),
        actionsOn(ctx, row),
      ),
    );
  }

  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    // A role that never reads these is refused outright, before anything is loaded.
    policy.requireAllowed(ctx.actor, 'read');
    const row = await engagementsRepository(executor).findById(id);
    if (!row || !policy.can(ctx.actor, 'read', row)) throw notFound('engagement');
    return row;
  }

  async function detail(ctx: RequestContext, row: EngagementRowWithOrganization, executor: Kysely<DB>): Promise<EngagementDetail> {
    const [[engagement], tasks] = await Promise.all([present(ctx, [row], executor), tasksRepository(executor).forEngagement(row.id)]);
    const day = today(clock);
    return { ...(engagement as Engagement), tasks: tasks.map((task) => toTask(task, day, tasksPolicy.allowedActions(ctx.actor, task))) };
  }

  /** A meeting about to change: visible, the caller's to change, not withdrawn; with its record as it was. */
  async function openForChange(ctx: RequestContext, trx: Kysely<DB>, id: string, action: 'update' | 'withdraw') {
    const current = await visibleRow(ctx, id, trx);
    policy.authorize(ctx.actor, action, current, 'engagement');
    checkNotWithdrawn(current);
    return { current, before: snapshot(await detail(ctx, current, trx)) };
  }

  async function checkParticipants(ctx: RequestContext, trx: Kysely<DB>, participants: ParticipantInput[]) {
    for (const [index, participant] of participants.entries()) {
      if (!participant.organizationId) continue;
      await organizations.requireReference(ctx, participant.organizationId, `/body/participants/${index}/organizationId`, trx);
    }
  }

  function participantRows(engagementId: string, participants: ParticipantInput[]) {
    return participants.map((p, position) => ({
      id: newId(),
      engagement_id: engagementId,
      position,
      name: p.name,
      title: p.title ?? null,
      organization_id: p.organizationId ?? null,
    }));
  }

  async function listPage(ctx: RequestContext, query: ListEngagementsQuery, page: PageRequest): Promise<Page<Engagement>> {
    const sort: SortRequest = { column: 'engagements.occurred_on', order: query.order };
    const filter: EngagementFilter = {
      search: query.q,
      organizationId: query.organizationId,
      kind: query.kind,
      from: query.from,
      to: query.to,
      withdrawn: query.withdrawn,
      partner: { track: query.track, country: query.country },
      scope: policy.scope(ctx.actor, 'read'),
    };
    const repo = engagementsRepository(db);
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    const result = toPage(rows, page, sort, (row) => ({ value: row.occurred_on, id: row.id }), (row) => row);
    return { items: await present(ctx, result.items), nextCursor: result.nextCursor, total };
  }

  return {
    list(ctx: RequestContext, query: ListEngagementsQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListEngagementsQuery) {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<EngagementDetail> {
      return detail(ctx, await visibleRow(ctx, id), db);
    },

    /** Logs an engagement and its follow-up tasks, all or nothing. */
    async create(ctx: RequestContext, input: CreateEngagementInput): Promise<EngagementDetail> {
      policy.requireAllowed(ctx.actor, 'create');
      return db.transaction().execute(async (trx) => {
        await organizations.requireReference(ctx, input.organizationId, '/body/organizationId', trx);
        await checkParticipants(ctx, trx, input.participants);
        for (const [index, followUp] of input.followUps.entries()) {
          if (followUp.ownerId) await users.requireAssignable(followUp.ownerId, `/body/followUps/${index}/ownerId`, trx);
        }
        const id = newId();
        const now = instant(clock);
        const repo = engagementsRepository(trx);
        await repo.insert({
          id,
          organization_id: input.organizationId,
          kind: input.kind,
          occurred_on: input.occurredOn,
          title: input.title,
          location: input.location ?? null,
          summary: input.summary ?? null,
          outcome: input.outcome ?? null,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        await repo.replaceParticipants(id, participantRows(id, input.participants));
        for (const followUp of input.followUps) {
          await tasksRepository(trx).insert({
            id: newId(),
            engagement_id: id,
            organization_id: input.organizationId,
            title: followUp.title,
            notes: followUp.notes ?? null,
            owner_id: followUp.ownerId ?? null,
            due_on: followUp.dueOn,
            status: 'open',
            completed_at: null,
            created_by: ctx.actor.id,
            created_at: now,
            updated_at: now,
          });
        }
        const created = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'engagement.create', entityType: 'engagement', entityId: id, after: snapshot(created) });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateEngagementInput): Promise<EngagementDetail> {
      policy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const { current, before } = await openForChange(ctx, trx, id, 'update');
        if (input.occurredOn !== undefined) {
          // The meeting as it will be, against the follow-ups it already has (cancelled ones aside).
          const dueDates = before.tasks.filter((task) => task.status !== 'cancelled').map((task) => task.dueOn);
          const problem = meetingDateProblem(input.occurredOn, dueDates);
          if (problem) throw invalid(engagementsText('meetingMisfit'), [{ pointer: '/body/occurredOn', detail: problem }]);
        }
        if (input.participants) await checkParticipants(ctx, trx, input.participants);
        const repo = engagementsRepository(trx);
        const isUpdated = await repo.update(id, version, {
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.occurredOn !== undefined && { occurred_on: input.occurredOn }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.location !== undefined && { location: input.location }),
          ...(input.summary !== undefined && { summary: input.summary }),
          ...(input.outcome !== undefined && { outcome: input.outcome }),
          updated_at: instant(clock),
        });
        if (!isUpdated) throw staleVersion('engagement', current.version);
        if (input.participants) await repo.replaceParticipants(id, participantRows(id, input.participants));
        const after = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        const { tasks: _before, ...beforeFields } = before;
        const { tasks: _after, ...afterFields } = snapshot(after);
        await audit(trx, ctx, { action: 'engagement.update', entityType: 'engagement', entityId: id, before: beforeFields, after: afterFields });
        return after;
      });
    },

    /**
     * Withdraws a meeting logged in error (logged twice, logged against the wrong partner): it is
     * kept, with who withdrew it, when and why, but no list or figure counts it any more. Its open
     * follow-ups are cancelled with it, since nobody owes work on a meeting that did not happen;
     * follow-ups already done stay done, as that work was real.
     */
    async withdraw(ctx: RequestContext, id: string, version: number, input: WithdrawEngagementInput): Promise<EngagementDetail> {
      policy.requireAllowed(ctx.actor, 'withdraw');
      return db.transaction().execute(async (trx) => {
        const { current, before } = await openForChange(ctx, trx, id, 'withdraw');
        const now = instant(clock);
        const isUpdated = await engagementsRepository(trx).update(id, version, {
          withdrawn_at: now,
          withdrawn_by: ctx.actor.id,
          withdrawn_reason: input.reason,
          updated_at: now,
        });
        if (!isUpdated) throw staleVersion('engagement', current.version);
        await tasksRepository(trx).cancelOpenOfEngagement(id, now);
        const after = await detail(ctx, await visibleRow(ctx, id, trx), trx);
        await audit(trx, ctx, { action: 'engagement.withdraw', entityType: 'engagement', entityId: id, before, after: snapshot(after) });
        return after;
      });
    },
  };
}

/** An engagement as its audit event records it: the record alone, without what its caller could do. */
function snapshot(detail: EngagementDetail): EngagementDetail {
  return { ...detail, allowedActions: [], tasks: detail.tasks.map((task) => ({ ...task, allowedActions: [] })) };
}

export type EngagementsService = ReturnType<typeof createEngagementsService>;
