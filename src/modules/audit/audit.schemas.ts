import { z } from 'zod';
import { idSchema, instantSchema, exportCodesSchema, listFormatSchema, pageQuerySchema } from '../../platform/schemas.js';

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    id: idSchema,
    occurredAt: instantSchema,
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = pageQuerySchema.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional().describe('An exact action, or a prefix ending in a dot, such as `organization.`'),
  format: listFormatSchema,
  codes: exportCodesSchema,
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const chainReportSchema = z.object({
  isIntact: z.boolean(),
  events: z.number().int(),
  lastSeq: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
});
