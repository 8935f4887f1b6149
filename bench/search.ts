import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestDatabase } from '../test/dialects.js';
import { searchRepository } from '../src/modules/search/search.repository.js';
import { entryOf } from '../src/modules/search/search.index.js';
import { queryWords } from '../src/modules/search/search.text.js';

/**
 * The search's query time over a roster of 100,000 people (BENCH_PEOPLE), as the program office
 * (every agency) and as one agency's coordinator, on the engine of CADRE_TEST_DATABASE:
 * short and long prefixes, accents, a hyphenated name, an email's part, a word nobody has.
 *
 *   node --import tsx bench/search.ts
 *   CADRE_TEST_DATABASE=postgres node --import tsx bench/search.ts
 */

async function main() {
  const testDb = await createTestDatabase({ migrate: true });
  const db = testDb.database.db;
  const now = '2026-01-01T00:00:00.000Z';
  const given = ['José', 'María', 'Jean', 'Pierre-Louis', 'Anaïs', 'Marcos', 'Hélène', 'Ana', 'Luis', 'Nadège', 'Rodney', 'Guerda', 'Kendall', 'Ira', 'Logan'];
  const family = ['García', 'Desrosiers', 'Toussaint', 'Célestin', 'Dorval', 'Belizaire', 'Estimé', 'Lafontant', 'Núñez', 'Pérez', 'Smith', 'Johnson', 'Béranger', 'Saint-Éloi'];
  for (let o = 0; o < 50; o += 1) {
    await sql`INSERT INTO organizations (id, name, search_name, kind, country, created_at, updated_at) VALUES (${`org${o}`}, ${`Agency ${o}`}, ${`agency ${o}`}, 'municipal_police', 'US', ${now}, ${now})`.execute(db);
  }
  const N = Number(process.env.BENCH_PEOPLE ?? 100_000);
  for (let i = 0; i < N; i += 500) {
    const people = [];
    for (let j = i; j < i + 500; j += 1) {
      const g = given[j % given.length]!;
      const f = `${family[(j * 7) % family.length]} ${j.toString(36)}`;
      people.push({ id: `p${j}`, organization_id: `org${j % 50}`, given_name: g, family_name: f, search_name: `${g} ${f}`.toLowerCase(), sort_name: f, email: `u${j}@agency${j % 50}.test`, status: 'active' as const, created_at: now, updated_at: now });
    }
    await db.insertInto('people').values(people).execute();
    await searchRepository(db).put(people.map((p) => entryOf('person', { record_id: p.id, title: `${p.given_name} ${p.family_name}`, detail: null, names: `${p.given_name} ${p.family_name}`, private: p.email, archived: 0 })));
  }
  if (testDb.target.engine === 'postgres') await sql`ANALYZE`.execute(db);
  const repo = searchRepository(db);
  const queries = ['jose', 'ma', 'pierre-l', 'garcia 2', 'helene saint-e', 'zz', 'u12345', 'an'];
  const scopes = [{ kind: 'all' } as const, { kind: 'organization', organizationId: 'org7' } as const];
  for (const scope of scopes) {
    const times: number[] = [];
    const slowest = new Map<string, number>();
    for (let round = 0; round < 20; round += 1) {
      for (const q of queries) {
        const start = performance.now();
        await repo.find({ kind: 'person', prefixes: queryWords(q), scope, withPrivateWords: true, limit: 6 });
        const took = performance.now() - start;
        times.push(took);
        slowest.set(q, Math.max(slowest.get(q) ?? 0, took));
      }
    }
    process.stdout.write(`${[...slowest].map(([q, ms]) => `${q}: ${ms.toFixed(1)}`).join(', ')}\n`);
    times.sort((a, b) => a - b);
    process.stdout.write(`${testDb.target.engine} ${scope.kind}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms\n`);
  }
  await testDb.drop();
}

await main();
