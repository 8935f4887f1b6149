import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { type TableColumn } from '../../platform/http/table-export.js';

import { type AuditEvent, auditEventSchema, chainReportSchema, listAuditQuerySchema } from './audit.schemas.js';
import type { AuditLogService } from './audit.service.js';

const AUDIT_COLUMNS: TableColumn<AuditEvent>[] = [
  { header: 'seq', value: (e) => e.seq },
  { header: 'occurred_at', value: (e) => e.occurredAt },
  { header: 'actor', value: (e) => e.actorLabel },
  { header: 'action', value: (e) => e.action },
  { header: 'entity_type', value: (e) => e.entityType },
  { header: 'entity_id', value: (e) => e.entityId },
  { header: 'before', value: (e) => (e.before === null ? null : JSON.stringify(e.before)) },
  { header: 'after', value: (e) => (e.after === null ? null : JSON.stringify(e.after)) },
  { header: 'request_id', value: (e) => e.requestId },
  { header: 'ip', value: (e) => e.ip },
  { header: 'hash', value: (e) => e.hash },
];

export function auditRoutes(deps: { auditLog: AuditLogService }) {
  return (app: App) => {
    listRoute(app, '/audit', {
      tags: ['audit'],
      summary: 'The audit log, newest first (admin)',
      querystring: listAuditQuerySchema,
      item: auditEventSchema,
      table: { name: 'audit', columns: AUDIT_COLUMNS },
      source: deps.auditLog,
    });
    app.get(
      '/audit/verification',
      { schema: { tags: ['audit'], summary: 'Check the hash chain of the whole audit log (admin)', response: { 200: chainReportSchema } } },
      async (request) => deps.auditLog.verify(contextOf(request)),
    );
  };
}
