import type { Transaction } from 'kysely';
import type { AuditEntry } from '../../platform/audit.js';
import type { DB, SearchKind } from '../../platform/db/schema.js';
import { type SearchEntry, type SearchSource, searchRepository, type SourceKey } from './search.repository.js';
import { indexText } from './search.text.js';

/**
 * Keeps the search index in step with the records, inside the transaction that writes them.
 *
 * Every write in Cadre records an audit event in its own transaction (services, imports, the demo
 * and the command line alike), so the index follows the audit recorder: each event about a
 * searchable record (or a record others take words from: a person's name is in their
 * certifications, a course's code in its offerings, a credential's name in its certifications,
 * an agency's name in the deployments it hosts) reads those records again and rewrites their
 * entries before the transaction commits. No write path can forget the index, and a rollback
 * takes the index change with it.
 */

/** For each audited entity, the records whose entries it changes. */
const FOLLOWS: Record<string, (ids: string[]) => SourceKey[]> = {
  organization: (ids) => [
    { kind: 'organization', ids },
    { kind: 'deployment', hostIds: ids },
  ],
  person: (ids) => [
    { kind: 'person', ids },
    { kind: 'certification', personIds: ids },
  ],
  course: (ids) => [
    { kind: 'course', ids },
    { kind: 'offering', courseIds: ids },
  ],
  credential: (ids) => [{ kind: 'certification', credentialIds: ids }],
  offering: (ids) => [{ kind: 'offering', ids }],
  certification: (ids) => [{ kind: 'certification', ids }],
  deployment: (ids) => [{ kind: 'deployment', ids }],
};

/** Events that read or change nothing the index holds (a passport shown, a readiness item). */
const UNCHANGED = /^badge\.|\.(passport_reveal|readiness_[a-z]+)$/;

export function entryOf(kind: SearchKind, source: SearchSource): SearchEntry {
  const names = indexText(source.names);
  return {
    kind,
    record_id: source.record_id,
    title: source.title,
    detail: source.detail,
    names,
    terms: indexText(names, source.private),
    archived: Number(source.archived),
  };
}

export interface SearchIndex {
  /** Rewrites the entries of the records these audit events are about. */
  follow(trx: Transaction<DB>, events: readonly AuditEntry[]): Promise<void>;
}

const BATCH = 500;

export function createSearchIndex(): SearchIndex {
  return {
    async follow(trx, events) {
      // By type, each id with whether it was just created: a record just created has nothing taking
      // words from it yet, so only its own entry is written (a roster's new people are not looked
      // for among the certifications).
      const byType = new Map<string, Map<string, boolean>>();
      for (const event of events) {
        if (!event.entityId || !(event.entityType in FOLLOWS) || UNCHANGED.test(event.action)) continue;
        const ids = byType.get(event.entityType) ?? new Map<string, boolean>();
        ids.set(event.entityId, (ids.get(event.entityId) ?? true) && event.action.endsWith('.create'));
        byType.set(event.entityType, ids);
      }
      const repo = searchRepository(trx);
      for (const [type, ids] of byType) {
        const follows = FOLLOWS[type] as (ids: string[]) => SourceKey[];
        const created = [...ids.keys()].filter((id) => ids.get(id));
        const changed = [...ids.keys()].filter((id) => !ids.get(id));
        for (const [group, isCreated] of [[created, true], [changed, false]] as const) {
          for (let i = 0; i < group.length; i += BATCH) {
            for (const key of follows(group.slice(i, i + BATCH))) {
              if (isCreated && !('ids' in key)) continue;
              const rows = await repo.sources(key);
              await repo.put(rows.map((row) => entryOf(key.kind, row)));
            }
          }
        }
      }
    },
  };
}
