import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from './access.js';
import { auditRepository } from './audit.repository.js';
import { type Clock, instant } from './clock.js';
import { sha256Hex } from './crypto.js';
import type { AuditEventsTable, DB } from './db/schema.js';
import { newId } from './ids.js';

export interface AuditEntry {
  /** What happened, as `<entity>.<verb>`, such as `organization.update`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: every field but the hashes themselves. */
type HashedFields = Omit<AuditEventsTable, 'prev_hash' | 'hash'>;

/** The hash of one event: its own fields in a fixed order, chained to the hash before it. */
function eventHash(prevHash: string, e: HashedFields): string {
  const fields = [
    e.seq,
    e.id,
    e.occurred_at,
    e.actor_id,
    e.actor_label,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before,
    e.after,
    e.request_id,
    e.ip,
  ];
  return sha256Hex(`${prevHash}\n${JSON.stringify(fields)}`);
}

function serialise(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export interface AuditRecorder {
  (trx: Transaction<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void>;
  /**
   * Appends many events at once (a bulk import): the head moves once, by their number, and the
   * events are written in batches, chained exactly as one-by-one appends would chain them.
   */
  many(trx: Transaction<DB>, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void>;
}

/** What must change with each recorded write, in its transaction (the search index: see `modules/search/search.index.ts`). */
export type AuditFollower = (trx: Transaction<DB>, entries: readonly AuditEntry[]) => Promise<void>;

/**
 * Appends events to the chain. It must run inside the transaction of the change it records:
 * bumping the head row first takes its lock (a row lock in PostgreSQL, the write lock in
 * SQLite), so concurrent writers queue and the chain stays one line.
 */
export function createAuditRecorder(clock: Clock, followers: readonly AuditFollower[] = []): AuditRecorder {
  async function many(trx: Transaction<DB>, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const head = await auditRepository(trx).advanceHead(entries.length);
    let seq = Number(head.last_seq) - entries.length;
    let prevHash = head.last_hash;
    const occurredAt = instant(clock);
    const rows = entries.map((entry) => {
      seq += 1;
      const event: HashedFields = {
        seq,
        id: newId(),
        occurred_at: occurredAt,
        actor_id: ctx.actor.id,
        actor_label: ctx.actor.label,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        before: serialise(entry.before),
        after: serialise(entry.after),
        request_id: ctx.requestId,
        ip: ctx.ip,
      };
      const hash = eventHash(prevHash, event);
      const row = Object.assign(event, { prev_hash: prevHash, hash });
      prevHash = hash;
      return row;
    });
    await auditRepository(trx).insertEvents(rows);
    await auditRepository(trx).setHeadHash(prevHash);
    for (const follow of followers) await follow(trx, entries);
  }
  const record = (trx: Transaction<DB>, ctx: RequestContext, entry: AuditEntry) => many(trx, ctx, [entry]);
  return Object.assign(record, { many });
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

export interface ChainReport {
  events: number;
  lastSeq: number;
  problems: ChainProblem[];
}

/** Walks the whole chain and names every event that was removed, altered or reordered. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 2000): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  for (;;) {
    const rows = await auditRepository(db).eventsFrom(expectedSeq, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      events += 1;
      if (seq !== expectedSeq) {
        problems.push({ seq: expectedSeq, problem: `events ${expectedSeq}–${seq - 1} are missing` });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({ seq, problem: 'does not follow the event before it (previous hash differs)' });
      }
      if (eventHash(row.prev_hash, { ...row, seq }) !== row.hash) {
        problems.push({ seq, problem: 'was altered (its content no longer matches its hash)' });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
  }
  const head = await auditRepository(db).head();
  const lastSeq = expectedSeq - 1;
  if (!head) {
    problems.push({ seq: lastSeq, problem: 'the chain head is missing' });
  } else if (Number(head.last_seq) !== lastSeq || head.last_hash !== prevHash) {
    problems.push({
      seq: Number(head.last_seq),
      problem: `the chain ends at event ${lastSeq} but its head records event ${Number(head.last_seq)}: events at the end were removed`,
    });
  }
  return { events, lastSeq, problems };
}
