import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access.js';
import { auditPolicy } from './audit.policy.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { allPages, type Page, type PageRequest, toPage } from '../../platform/db/keyset.js';
import type { AuditEventRow, DB } from '../../platform/db/schema.js';
import { auditRepository } from './audit.repository.js';
import type { AuditEvent, ListAuditQuery } from './audit.schemas.js';

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parse(row.before),
    after: parse(row.after),
    requestId: row.request_id,
    ip: row.ip,
    hash: row.hash,
  };
}

/** The audit log, for admins: browse it and check that nobody has tampered with it. */
export function createAuditLogService({ db }: { db: Kysely<DB> }) {
  async function listPage(ctx: RequestContext, query: ListAuditQuery, page: PageRequest): Promise<Page<AuditEvent>> {
    auditPolicy.requireAllowed(ctx.actor, 'read');
    const rows = await auditRepository(db).list(query, page);
    return toPage(rows, page, { column: 'audit_events.seq', order: 'desc' }, (row) => ({ value: Number(row.seq), id: row.id }), toAuditEvent);
  }

  return {
    list(ctx: RequestContext, query: ListAuditQuery): Promise<Page<AuditEvent>> {
      return listPage(ctx, query, { limit: query.limit, cursor: query.cursor });
    },

    /** Every event the list would show, for exports; refused before the first row unless admin. */
    listAll(ctx: RequestContext, query: ListAuditQuery): AsyncGenerator<AuditEvent> {
      auditPolicy.requireAllowed(ctx.actor, 'read');
      return allPages((page) => listPage(ctx, query, page));
    },

    async verify(ctx: RequestContext) {
      auditPolicy.requireAllowed(ctx.actor, 'verify');
      const report = await verifyAuditChain(db);
      return { isIntact: report.problems.length === 0, ...report };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
