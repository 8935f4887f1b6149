import { performance } from 'node:perf_hooks';
import { buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemContext } from '../src/platform/access.js';
import { openDatabase } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';
import { searchKey } from '../src/platform/text.js';

/**
 * The bench's work that is measured in a process of its own, so its peak RSS is its own:
 *   year-report <year>    the year report as PDF
 *   import <rows>         a roster imported from CSV through the import service
 *   raw-insert <rows>     the same rows inserted with plain SQL in one transaction (the import's limit)
 * Each prints one line of JSON: { ms, peakRssMiB, ... }.
 */

const GIVEN = ['José', 'María', 'Jean-Wesnel', 'Marie-Lourdes', 'João', 'Begoña', 'Nadège', 'Wilnès'];
const FAMILY = ['Hernández', 'Désir', 'Conceição', 'Ibáñez', 'Saint-Fleur', 'Pierre-Louis', 'Araújo', 'Núñez'];

function roster(count: number, tag: string) {
  return Array.from({ length: count }, (_, i) => ({
    given: GIVEN[i % GIVEN.length] as string,
    family: `${FAMILY[(i >> 3) % FAMILY.length]} ${i}`,
    email: `${tag}.${i}@bench.example`,
    born: `19${String(60 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    rank: i % 5 === 0 ? 'Sergeant' : 'Officer',
  }));
}

const [task, arg] = process.argv.slice(2);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = openDatabase(config.database);
const services = buildServices({ config, database, secretKey: config.secretKey as string });
const ctx = systemContext('bench');
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const tag = `${task}-${Date.now()}`;

async function run(): Promise<Record<string, unknown>> {
  const start = performance.now();
  if (task === 'year-report') {
    const doc = await services.reports.yearReport(ctx, Number(arg), 'pdf');
    return { ms: performance.now() - start, bytes: (doc.body as Buffer).length };
  }
  const rows = roster(Number(arg), tag);
  const agency = await services.organizations.create(ctx, { name: `Bench ${tag}`, kind: 'foreign_police', country: 'HT' });
  if (task === 'import') {
    const lines = ['Given name,Family name,Email,Date of birth,Rank,Languages', ...rows.map((p) => `${p.given},${p.family},${p.email},${p.born},${p.rank},es:2+/2`)];
    const file = Buffer.from(lines.join('\r\n'), 'utf8');
    const begin = performance.now();
    async function* body() {
      for (let at = 0; at < file.length; at += 64 * 1024) yield file.subarray(at, at + 64 * 1024);
    }
    const view = await services.imports.upload(ctx, { kind: 'people', filename: 'bench.csv', organizationId: agency.id }, body(), file.length);
    const result = await services.imports.run(ctx, view.id, 'commit', { mode: 'all' });
    if (result.status !== 'committed' || result.summary?.created !== rows.length) throw new Error(`The import did not commit every row: ${JSON.stringify(result.summary)}`);
    return { ms: performance.now() - begin };
  }
  if (task === 'raw-insert') {
    const begin = performance.now();
    await database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500).map((p) => ({
          id: newId(),
          organization_id: agency.id,
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
        await trx.insertInto('person_languages').values(chunk.map((c) => ({ person_id: c.id, language: 'es', speaking: 5, reading: 4 }))).execute();
      }
    });
    return { ms: performance.now() - begin };
  }
  throw new Error(`Unknown bench task: ${task}`);
}

try {
  const result = await run();
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMiB: peakRssMiB() })}\n`);
} finally {
  await database.close();
}
