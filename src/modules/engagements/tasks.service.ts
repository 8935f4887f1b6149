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
import { toTask } from './engagements.mapper.js';
import { engagementsPolicy, tasksPolicy as policy } from './engagements.policy.js';
import { engagementsRepository, type TaskFilter, type TaskRowWithNames, tasksRepository } from './engagements.repository.js';
import { doneOnIssue, followUpDueProblem } from './engagements.rules.js';
import type { CreateTaskInput, ListTasksQuery, Task, UpdateTaskInput } from './engagements.schemas.js';
import { engagementsText } from './engagements.messages.js';

export interface TasksDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditRecorder;
  organizations: Pick<OrganizationsService, 'requireReference'>;
  users: Pick<UsersService, 'requireAssignable'>;
}

/** The audit event of each change of status, so that a reopened task reads as reopened in the log. */
const STATUS_ACTIONS: Record<TaskRowWithNames['status'], string> = { done: 'task.complete', open: 'task.reopen', cancelled: 'task.cancel' };

/** Follow-ups: what someone must do after an engagement, by when. */
export function createTasksService({ db, clock, audit, organizations, users }: TasksDeps) {
  /** The task as it will be, checked whole: due no earlier than its meeting, done no later than today. */
  async function checkDates(trx: Kysely<DB>, current: TaskRowWithNames, input: UpdateTaskInput, status: TaskRowWithNames['status'], day: string) {
    if (input.doneOn !== undefined) {
      if (status !== 'done') throw invalid(engagementsText('doneOnOnlyWhenDone'), [{ pointer: '/body/doneOn', detail: engagementsText('doneOnOnlyWhenDoneField') }]);
      const problem = doneOnIssue(input.doneOn, day);
      if (problem) throw invalid(engagementsText('doneInFutureTitle'), [{ pointer: '/body/doneOn', detail: problem }]);
    }
    if (current.engagement_id === null) return;
    const engagement = await engagementsRepository(trx).findById(current.engagement_id);
    const problem = engagement ? followUpDueProblem(input.dueOn ?? current.due_on, engagement.occurred_on) : null;
    if (problem) throw invalid(engagementsText('dueBeforeMeeting'), [{ pointer: '/body/dueOn', detail: problem }]);
  }

  async function visibleRow(ctx: RequestContext, id: string, executor: Kysely<DB> = db) {
    // A role that never reads these is refused outright, before anything is loaded.
    policy.requireAllowed(ctx.actor, 'read');
    const row = await tasksRepository(executor).findById(id);
    if (!row || !policy.can(ctx.actor, 'read', row)) throw notFound('task');
    return row;
  }

  async function listPage(ctx: RequestContext, query: ListTasksQuery, page: PageRequest): Promise<Page<Task>> {
    const day = today(clock);
    const sort: SortRequest = { column: 'tasks.due_on', order: query.order };
    const filter: TaskFilter = {
        status: query.status,
        overdueOn: query.isOverdue === 'true' ? day : undefined,
        notOverdueOn: query.isOverdue === 'false' ? day : undefined,
        ownerId: query.ownerId,
        organizationId: query.organizationId,
        engagementId: query.engagementId,
        dueBy: query.dueBy,
        dueFrom: query.dueFrom,
        partner: { track: query.track, country: query.country },
        scope: policy.scope(ctx.actor, 'read'),
    };
    const repo = tasksRepository(db);
    const [rows, total] = await Promise.all([repo.list(filter, sort, page), page.cursor ? undefined : repo.count(filter)]);
    return { ...toPage(rows, page, sort, (row) => ({ value: row.due_on, id: row.id }), (row) => toTask(row, day, policy.allowedActions(ctx.actor, row))), total };
  }

  return {
    list(ctx: RequestContext, query: ListTasksQuery) {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    listAll(ctx: RequestContext, query: ListTasksQuery) {
      return allPages((page) => listPage(ctx, query, page));
    },

    async get(ctx: RequestContext, id: string): Promise<Task> {
      const row = await visibleRow(ctx, id);
      return toTask(row, today(clock), policy.allowedActions(ctx.actor, row));
    },

    async create(ctx: RequestContext, input: CreateTaskInput): Promise<Task> {
      policy.requireAllowed(ctx.actor, 'create');
      return db.transaction().execute(async (trx) => {
        let organizationId = input.organizationId ?? null;
        if (input.engagementId) {
          const engagement = await engagementsRepository(trx).findById(input.engagementId);
          if (!engagement || !engagementsPolicy.can(ctx.actor, 'read', engagement)) throw invalid(engagementsText('engagementMissing'), [{ pointer: '/body/engagementId', detail: engagementsText('engagementMissingField') }]);
          if (organizationId && organizationId !== engagement.organization_id) {
            throw invalid(engagementsText('organizationDiffers'), [
              { pointer: '/body/organizationId', detail: engagementsText('organizationDiffersField') },
            ]);
          }
          organizationId = engagement.organization_id;
          const problem = followUpDueProblem(input.dueOn, engagement.occurred_on);
          if (problem) throw invalid(engagementsText('dueBeforeMeeting'), [{ pointer: '/body/dueOn', detail: problem }]);
        } else if (organizationId) {
          await organizations.requireReference(ctx, organizationId, '/body/organizationId', trx);
        }
        if (input.ownerId) await users.requireAssignable(input.ownerId, '/body/ownerId', trx);
        const id = newId();
        const now = instant(clock);
        await tasksRepository(trx).insert({
          id,
          engagement_id: input.engagementId ?? null,
          organization_id: organizationId,
          title: input.title,
          notes: input.notes ?? null,
          owner_id: input.ownerId ?? null,
          due_on: input.dueOn,
          status: 'open',
          completed_at: null,
          done_on: null,
          created_by: ctx.actor.id,
          created_at: now,
          updated_at: now,
        });
        const row = await visibleRow(ctx, id, trx);
        await audit(trx, ctx, { action: 'task.create', entityType: 'task', entityId: id, after: toTask(row, today(clock)) });
        return toTask(row, today(clock), policy.allowedActions(ctx.actor, row));
      });
    },

    async update(ctx: RequestContext, id: string, version: number, input: UpdateTaskInput): Promise<Task> {
      policy.requireAllowed(ctx.actor, 'update');
      return db.transaction().execute(async (trx) => {
        const current = await visibleRow(ctx, id, trx);
        policy.authorize(ctx.actor, 'update', current, 'task');
        if (input.ownerId) await users.requireAssignable(input.ownerId, '/body/ownerId', trx);
        const now = instant(clock);
        const day = today(clock);
        const status = input.status ?? current.status;
        const isStatusChanged = status !== current.status;
        await checkDates(trx, current, input, status, day);
        const isUpdated = await tasksRepository(trx).update(id, version, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.dueOn !== undefined && { due_on: input.dueOn }),
          ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
          ...(input.notes !== undefined && { notes: input.notes }),
          ...(input.status !== undefined && { status: input.status }),
          // Done: when it was recorded (now) and the day it was done (as told, today if not).
          // Reopened or cancelled: neither, so nothing claims it is done.
          ...(isStatusChanged && { completed_at: status === 'done' ? now : null, done_on: status === 'done' ? (input.doneOn ?? day) : null }),
          ...(!isStatusChanged && status === 'done' && input.doneOn !== undefined && { done_on: input.doneOn }),
          updated_at: now,
        });
        if (!isUpdated) throw staleVersion('task', current.version);
        const row = await visibleRow(ctx, id, trx);
        const action = isStatusChanged ? STATUS_ACTIONS[status] : 'task.update';
        await audit(trx, ctx, { action, entityType: 'task', entityId: id, before: toTask(current, day), after: toTask(row, day) });
        return toTask(row, day, policy.allowedActions(ctx.actor, row));
      });
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
