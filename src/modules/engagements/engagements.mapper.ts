import type { Engagement, EngagementAction, Task, TaskAction } from './engagements.schemas.js';
import type { EngagementRowWithOrganization, ParticipantRow, TaskRowWithNames } from './engagements.repository.js';

/** An engagement as the API shows it, with what the caller may do to it (none in an audit event). */
export function toEngagement(row: EngagementRowWithOrganization, participants: ParticipantRow[], allowedActions: EngagementAction[] = []): Engagement {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    kind: row.kind,
    occurredOn: row.occurred_on,
    title: row.title,
    location: row.location,
    summary: row.summary,
    outcome: row.outcome,
    participants: participants.map((p) => ({
      name: p.name,
      title: p.title,
      organizationId: p.organization_id,
      organizationName: p.organization_name,
    })),
    withdrawal:
      row.withdrawn_at === null
        ? null
        : { at: row.withdrawn_at, by: row.withdrawn_by, byName: row.withdrawn_by_name, reason: row.withdrawn_reason ?? '' },
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}

/** A follow-up as the API shows it, with what the caller may do to it (none in an audit event). */
export function toTask(row: TaskRowWithNames, today: string, allowedActions: TaskAction[] = []): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status,
    isOverdue: row.status === 'open' && row.due_on < today,
    completedAt: row.completed_at,
    doneOn: row.done_on,
    engagementId: row.engagement_id,
    engagementTitle: row.engagement_title,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions,
  };
}
