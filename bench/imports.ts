import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { newId } from '../src/platform/ids.js';
import { searchKey } from '../src/platform/text.js';
import { createTestDatabase } from '../test/dialects.js';

/**
 * A roster of BENCH_ROWS people (default 100,000) imported from CSV through the import service:
 * upload, detection, every row checked and written in one transaction, audited. Beside it, the
 * same rows inserted with plain SQL in one transaction on the same database: the limit.
 *
 *   npm run bench:imports                               # SQLite
 *   CADRE_TEST_DATABASE=postgres npm run bench:imports  # PostgreSQL
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const GIVEN = ['José', 'María', 'Jean-Wesnel', 'Marie-Lourdes', 'João', 'Begoña', 'Nadège', 'Wilnès'];
const FAMILY = ['Hernández', 'Désir', 'Conceição', 'Ibáñez', 'Saint-Fleur', 'Pierre-Louis', 'Araújo', 'Núñez'];

interface Person {
  given: string;
  family: string;
  email: string;
  born: string;
  rank: string;
}

export function roster(count: number, tag: string): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    given: GIVEN[i % GIVEN.length] as string,
    family: `${FAMILY[(i >> 3) % FAMILY.length]} ${i}`,
    email: `${tag}.${i}@bench.example`,
    born: `19${String(60 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    rank: i % 5 === 0 ? 'Sergeant' : 'Officer',
  }));
}

export function csvOf(people: readonly Person[]): Buffer {
  const lines = ['Given name,Family name,Email,Date of birth,Rank,Languages'];
  for (const p of people) lines.push(`${p.given},${p.family},${p.email},${p.born},${p.rank},es:2+/2`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** Peak resident memory while `work` runs, sampled every 5 ms. */
export async function measured<T>(work: () => Promise<T>): Promise<{ seconds: number; peakMiB: number; value: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const start = performance.now();
  try {
    const value = await work();
    return { seconds: (performance.now() - start) / 1000, peakMiB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024), value };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  const services = buildServices({ config: loadConfig({ LOG_LEVEL: 'silent', CADRE_DATA_DIR: '/nonexistent' }), database: testDb.database, secretKey: 'bench-secret-bench-secret-bench-secret-0123' });
  const ctx = systemContext('bench');
  const agency = await services.organizations.create(ctx, { name: 'Bench Import Agency', kind: 'foreign_police', country: 'HT' });
  const plainAgency = await services.organizations.create(ctx, { name: 'Bench Plain Agency', kind: 'foreign_police', country: 'HT' });
  const file = csvOf(roster(ROWS, 'import'));
  process.stdout.write(`${ROWS.toLocaleString('en-US')} rows (${(file.length / 1024 / 1024).toFixed(1)} MB of CSV) on ${testDb.database.engine}, baseline RSS ${Math.round(process.memoryUsage.rss() / 1024 / 1024)} MiB\n`);

  global.gc?.();
  const imported = await measured(async () => {
    async function* body() {
      for (let at = 0; at < file.length; at += 64 * 1024) yield file.subarray(at, at + 64 * 1024);
    }
    const view = await services.imports.upload(ctx, { kind: 'people', filename: 'bench.csv', organizationId: agency.id }, body(), file.length);
    return services.imports.run(ctx, view.id, 'commit', { mode: 'all' });
  });
  if (imported.value.status !== 'committed' || imported.value.summary?.created !== ROWS) throw new Error(`The import did not commit every row: ${JSON.stringify(imported.value)}`);

  global.gc?.();
  const plainRows = roster(ROWS, 'plain');
  const plain = await measured(() =>
    db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let i = 0; i < plainRows.length; i += 500) {
        const chunk = plainRows.slice(i, i + 500).map((p) => ({
          id: newId(),
          organization_id: plainAgency.id,
          given_name: p.given,
          family_name: p.family,
          search_name: searchKey(`${p.given} ${p.family}`),
          sort_name: searchKey(`${p.family} ${p.given}`),
          rank_title: p.rank,
          email: p.email,
          date_of_birth: p.born,
          status: 'active' as const,
          created_at: now,
          updated_at: now,
        }));
        await trx.insertInto('people').values(chunk).execute();
        await trx
          .insertInto('person_languages')
          .values(chunk.map((c) => ({ person_id: c.id, language: 'es', speaking: 5, reading: 4 })))
          .execute();
      }
    }),
  );

  const rate = (seconds: number) => Math.round(ROWS / seconds).toLocaleString('en-US');
  process.stdout.write(`import service  ${imported.seconds.toFixed(1)} s  ${rate(imported.seconds)} rows/s  peak RSS ${imported.peakMiB} MiB  (upload, detection, checks, writes, ${ROWS.toLocaleString('en-US')} audit events)\n`);
  process.stdout.write(`plain SQL       ${plain.seconds.toFixed(1)} s  ${rate(plain.seconds)} rows/s  peak RSS ${plain.peakMiB} MiB  (INSERTs of 500 rows, one transaction)\n`);
  process.stdout.write(`ratio           ${(imported.seconds / plain.seconds).toFixed(1)}× the plain insert\n`);
  await testDb.drop();
}

// Run as a script; imported (by the one bench entry), it only lends its helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
