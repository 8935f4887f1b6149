import type { Kysely } from 'kysely';
import type { DB, SearchKind } from '../platform/db/schema.js';
import { rebuildCascade } from '../modules/cascade/cascade.rebuild.js';
import { entryOf } from '../modules/search/search.index.js';
import { searchRepository } from '../modules/search/search.repository.js';
import type { Progress } from './bulk.js';
import { generateRepository } from './generate.repository.js';

const SEARCHED: [SearchKind, 'organizations' | 'people' | 'courses' | 'offerings' | 'certifications' | 'deployments'][] = [
  ['organization', 'organizations'],
  ['person', 'people'],
  ['course', 'courses'],
  ['offering', 'offerings'],
  ['certification', 'certifications'],
  ['deployment', 'deployments'],
];

const CHUNK = 2_000;

/**
 * The tables kept from others, which the services fill as they write and the generator, writing
 * rows directly, fills once at the end: today the search index (each record's entry read and
 * folded exactly as `search.index.ts` does on every audited write) and the cascade's tables with
 * the experience by track kept beside them (as `cascade.upkeep.ts` keeps them on every change,
 * recomputed whole).
 */
export async function refreshDerivedTables(db: Kysely<DB>, progress: Progress): Promise<void> {
  const totals = await Promise.all(SEARCHED.map(([, table]) => generateRepository(db).count(table)));
  const total = totals.reduce((sum, n) => sum + n, 0);
  let done = 0;
  await db.transaction().execute(async (trx) => {
    const repo = searchRepository(trx);
    for (const [kind, table] of SEARCHED) {
      let after = '';
      for (;;) {
        const ids = await generateRepository(trx).idsAfter(table, after, CHUNK);
        if (ids.length === 0) break;
        const sources = await repo.sources({ kind, ids });
        await repo.put(sources.map((source) => entryOf(kind, source)));
        after = ids.at(-1) as string;
        done += ids.length;
        progress('derived tables: search index', done, total);
      }
    }
  });
  progress('derived tables: cascade', 0, 1);
  await rebuildCascade(db);
  progress('derived tables: cascade', 1, 1);
}
