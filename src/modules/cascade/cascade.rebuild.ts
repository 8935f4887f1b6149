import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/transactions.js';
import type { DB } from '../../platform/db/schema.js';
import { buildGraph, generations } from './cascade.graph.js';
import { cascadeChanges } from './cascade.changes.repository.js';
import { cascadeRepository } from './cascade.repository.js';
import { cascadeTables } from './cascade.tables.repository.js';
import { lockCascade } from './cascade.upkeep.js';
import { trackExperience } from '../people/track-experience.repository.js';

/**
 * The maintained cascade, and the experience by track kept with it, recomputed whole from their
 * sources: for rows written around the services (a generated program, a bulk load, a restore),
 * and to check upkeep against. Runs in the caller's transaction, or in one of its own.
 */
export function rebuildCascade(executor: Kysely<DB>): Promise<void> {
  return inTransaction(executor, executor, (db) => rebuildInTransaction(db));
}

async function rebuildInTransaction(db: Kysely<DB>): Promise<void> {
  await lockCascade(db);
  const store = cascadeTables(db);
  await store.clear();
  const pairs = await store.allSourcePairs();
  const roots = await cascadeRepository(db).roots();
  const graph = buildGraph(pairs.map((p) => ({ instructor: p.instructor, trainee: p.trainee, country: '', year: 0 })));
  await store.insertGenerations(generations(graph, roots));
  await store.insertEdges(null);
  await cascadeChanges(db).recordEverything();
  await trackExperience(db).rebuild();
}
