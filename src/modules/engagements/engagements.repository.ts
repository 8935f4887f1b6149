import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { containsPattern } from '../../platform/db/dialect.js';
import { inScope } from '../../platform/db/scope.js';
import type { Scope } from '../../platform/policy.js';
import { applyKeyset, countRows, type PageRequest, type SortRequest } from '../../platform/db/keyset.js';
import { updateVersioned } from '../../platform/db/versioned.js';
import type { DB, EngagementParticipantsTable, EngagementsTable, TasksTable } from '../../platform/db/schema.js';
import { isPartnerFilter, type PartnerFilter, partnerOrganizationIds } from '../partnerships/partnerships.repository.js';

export interface EngagementFilter {
  search?: string | undefined;
  organizationId?: string | undefined;
  kind?: DB['engagements']['kind'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Meetings withdrawn as logged in error count nowhere unless asked for. */
  withdrawn?: 'hidden' | 'included' | 'only' | undefined;
  /** With a partner on the track and in the country (the partnerships' one definition). */
  partner?: PartnerFilter | undefined;
  /** The records the caller may see, from the access policy. */
  scope: Scope;
}

export function engagementsRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('engagements')
      .innerJoin('organizations', 'organizations.id', 'engagements.organization_id')
      .leftJoin('users as withdrawer', 'withdrawer.id', 'engagements.withdrawn_by')
      .selectAll('engagements')
      .select(['organizations.name as organization_name', 'withdrawer.name as withdrawn_by_name']);
  }

  /**
   * The engagements a list shows and a figure counts: the one place that says which meetings
   * count, so the dashboard, the year report and the list its link opens move together. A meeting
   * withdrawn as logged in error counts nowhere unless the list asks for withdrawn meetings.
   */
  function filtered(filter: EngagementFilter) {
    let query = base();
    if (filter.search) {
      query = query.where(sql<boolean>`lower(engagements.title) LIKE ${containsPattern(filter.search.toLowerCase())} ESCAPE '\\'`);
    }
    if (filter.organizationId) query = query.where('engagements.organization_id', '=', filter.organizationId);
    query = query.where(inScope(filter.scope, { organization: 'engagements.organization_id' }));
    if (filter.kind) query = query.where('engagements.kind', '=', filter.kind);
    if (filter.from) query = query.where('engagements.occurred_on', '>=', filter.from);
    if (filter.to) query = query.where('engagements.occurred_on', '<=', filter.to);
    if (filter.partner && isPartnerFilter(filter.partner)) query = query.where('engagements.organization_id', 'in', partnerOrganizationIds(filter.partner));
    const withdrawn = filter.withdrawn ?? 'hidden';
    if (withdrawn === 'hidden') query = query.where('engagements.withdrawn_at', 'is', null);
    if (withdrawn === 'only') query = query.where('engagements.withdrawn_at', 'is not', null);
    return query;
  }

  return {
    findById(id: string) {
      return base().where('engagements.id', '=', id).executeTakeFirst();
    },
    list(filter: EngagementFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'engagements.id', sort, page).execute();
    },
    /** Every engagement the list holds under the filter, by date: the year report's meetings. */
    all(filter: EngagementFilter) {
      return filtered(filter).orderBy('engagements.occurred_on').orderBy('engagements.id').execute();
    },
    /** How many the list holds under the same filter: the dashboard's engagements. */
    count(filter: EngagementFilter): Promise<number> {
      return countRows(filtered(filter));
    },
    participantsOf(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('engagement_participants')
        .leftJoin('organizations', 'organizations.id', 'engagement_participants.organization_id')
        .selectAll('engagement_participants')
        .select('organizations.name as organization_name')
        .where('engagement_id', 'in', ids)
        .orderBy('engagement_id')
        .orderBy('position')
        .execute();
    },
    insert(row: Insertable<EngagementsTable>) {
      return db.insertInto('engagements').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<EngagementsTable>) {
      return updateVersioned(db, 'engagements', id, version, changes);
    },
    async replaceParticipants(engagementId: string, rows: Insertable<EngagementParticipantsTable>[]) {
      await db.deleteFrom('engagement_participants').where('engagement_id', '=', engagementId).execute();
      if (rows.length > 0) await db.insertInto('engagement_participants').values(rows).execute();
    },
  };
}

export interface TaskFilter {
  status?: DB['tasks']['status'] | undefined;
  overdueOn?: string | undefined;
  notOverdueOn?: string | undefined;
  ownerId?: string | undefined;
  organizationId?: string | undefined;
  engagementId?: string | undefined;
  dueBy?: string | undefined;
  dueFrom?: string | undefined;
  /** For a partner on the track and in the country (the partnerships' one definition). */
  partner?: PartnerFilter | undefined;
  /** The records the caller may see, from the access policy. */
  scope: Scope;
}

export function tasksRepository(db: Kysely<DB>) {
  function base() {
    return db
      .selectFrom('tasks')
      .leftJoin('engagements', 'engagements.id', 'tasks.engagement_id')
      .leftJoin('organizations', 'organizations.id', 'tasks.organization_id')
      .leftJoin('users as owner', 'owner.id', 'tasks.owner_id')
      .selectAll('tasks')
      .select(['engagements.title as engagement_title', 'organizations.name as organization_name', 'owner.name as owner_name']);
  }
  /** The follow-ups a list shows and a figure counts (overdue ones on the dashboard), under one filter. */
  function filtered(filter: TaskFilter) {
    let query = base();
    if (filter.status) query = query.where('tasks.status', '=', filter.status);
    if (filter.overdueOn) query = query.where('tasks.status', '=', 'open').where('tasks.due_on', '<', filter.overdueOn);
    if (filter.notOverdueOn) {
      const day = filter.notOverdueOn;
      query = query.where((eb) => eb.or([eb('tasks.status', '!=', 'open'), eb('tasks.due_on', '>=', day)]));
    }
    if (filter.ownerId) query = query.where('tasks.owner_id', '=', filter.ownerId);
    if (filter.organizationId) query = query.where('tasks.organization_id', '=', filter.organizationId);
    query = query.where(inScope(filter.scope, { organization: 'tasks.organization_id' }));
    if (filter.engagementId) query = query.where('tasks.engagement_id', '=', filter.engagementId);
    if (filter.dueBy) query = query.where('tasks.due_on', '<=', filter.dueBy);
    if (filter.dueFrom) query = query.where('tasks.due_on', '>=', filter.dueFrom);
    if (filter.partner && isPartnerFilter(filter.partner)) query = query.where('tasks.organization_id', 'in', partnerOrganizationIds(filter.partner));
    return query;
  }

  return {
    findById(id: string) {
      return base().where('tasks.id', '=', id).executeTakeFirst();
    },
    forEngagement(engagementId: string) {
      return base().where('tasks.engagement_id', '=', engagementId).orderBy('tasks.due_on').orderBy('tasks.id').execute();
    },
    /** Open follow-ups whose due date is before `day`. */
    overdueOn(day: string) {
      return base().where('tasks.status', '=', 'open').where('tasks.due_on', '<', day).orderBy('tasks.due_on').orderBy('tasks.id').execute();
    },
    list(filter: TaskFilter, sort: SortRequest, page: PageRequest) {
      return applyKeyset(filtered(filter), 'tasks.id', sort, page).execute();
    },
    /** How many the list holds under the same filter. */
    count(filter: TaskFilter): Promise<number> {
      return countRows(filtered(filter));
    },
    insert(row: Insertable<TasksTable>) {
      return db.insertInto('tasks').values(row).execute();
    },
    update(id: string, version: number, changes: Updateable<TasksTable>) {
      return updateVersioned(db, 'tasks', id, version, changes);
    },
    /** Cancels a meeting's open follow-ups (the meeting was withdrawn), each moving to its next version. */
    cancelOpenOfEngagement(engagementId: string, updatedAt: string) {
      return db
        .updateTable('tasks')
        .set((eb) => ({ status: 'cancelled', updated_at: updatedAt, version: eb('version', '+', 1) }))
        .where('engagement_id', '=', engagementId)
        .where('status', '=', 'open')
        .execute();
    },
  };
}

export type EngagementRowWithOrganization = NonNullable<Awaited<ReturnType<ReturnType<typeof engagementsRepository>['findById']>>>;
export type ParticipantRow = Awaited<ReturnType<ReturnType<typeof engagementsRepository>['participantsOf']>>[number];
export type TaskRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof tasksRepository>['findById']>>>;
