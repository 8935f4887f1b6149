import { type App, contextOf } from '../../platform/http/context.js';
import { pageSchema } from '../../platform/schemas.js';
import { auditEventSchema, chainReportSchema, listAuditQuerySchema } from './audit.schemas.js';
import type { AuditLogService } from './audit.service.js';

export function auditRoutes(deps: { auditLog: AuditLogService }) {
  return (app: App) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first (admin)',
          querystring: listAuditQuerySchema,
          response: { 200: pageSchema(auditEventSchema) },
        },
      },
      async (request) => deps.auditLog.list(contextOf(request), request.query),
    );
    app.get(
      '/audit/verification',
      { schema: { tags: ['audit'], summary: 'Check the hash chain of the whole audit log (admin)', response: { 200: chainReportSchema } } },
      async (request) => deps.auditLog.verify(contextOf(request)),
    );
  };
}
