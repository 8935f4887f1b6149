import { type App, contextOf } from '../../platform/http/context.js';
import { listRoute } from '../../platform/http/list-route.js';
import { columnsOf } from '../../platform/http/table-export.js';

import { type AuditEvent, auditEventSchema, chainReportSchema, listAuditQuerySchema } from './audit.schemas.js';
import type { AuditLogService } from './audit.service.js';

const column = columnsOf<AuditEvent>();
const AUDIT_COLUMNS = [
  column.number('seq', 'Sequence', (e) => e.seq),
  column.instant('occurred_at', 'When (UTC)', (e) => e.occurredAt),
  column.text('actor', 'Who', (e) => e.actorLabel),
  column.text('action', 'Action', (e) => e.action),
  column.text('entity_type', 'Record type', (e) => e.entityType),
  column.text('entity_id', 'Record ID', (e) => e.entityId),
  column.text('before', 'Before', (e) => (e.before === null ? null : JSON.stringify(e.before))),
  column.text('after', 'After', (e) => (e.after === null ? null : JSON.stringify(e.after))),
  column.text('request_id', 'Request ID', (e) => e.requestId),
  column.text('ip', 'IP address', (e) => e.ip),
  column.text('hash', 'Chain hash', (e) => e.hash),
];

export function auditRoutes(deps: { auditLog: AuditLogService }) {
  return (app: App) => {
    listRoute(app, '/audit', {
      tags: ['audit'],
      summary: 'The audit log, newest first (admin)',
      querystring: listAuditQuerySchema,
      item: auditEventSchema,
      table: { name: 'audit', title: 'Audit log', columns: AUDIT_COLUMNS },
      source: deps.auditLog,
    });
    app.get(
      '/audit/verification',
      { schema: { tags: ['audit'], summary: 'Check the hash chain of the whole audit log (admin)', response: { 200: chainReportSchema } } },
      async (request) => deps.auditLog.verify(contextOf(request)),
    );
  };
}
