import type { Kysely } from 'kysely';
import { applyKeyset, type PageRequest } from '../../platform/db/keyset.js';
import type { DB } from '../../platform/db/schema.js';
import type { ListAuditQuery } from './audit.schemas.js';

export function auditRepository(db: Kysely<DB>) {
  return {
    list(filter: Omit<ListAuditQuery, 'limit' | 'cursor'>, page: PageRequest) {
      let query = db.selectFrom('audit_events').selectAll();
      if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
      if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
      if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
      if (filter.action?.endsWith('.')) query = query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, '')}%`);
      else if (filter.action) query = query.where('action', '=', filter.action);
      return applyKeyset(query, 'audit_events.id', { column: 'audit_events.seq', order: 'desc' }, page).execute();
    },
  };
}
