import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * The server's modules as the server runs them: built when there is a build, as `bin/cadre.js`
 * does (the bench measures after `npm run build`), else the sources. What is measured here is
 * then what the server would do, and its memory is not that of compiling the sources. The child
 * is plain JavaScript so that, with a build, it runs without a TypeScript loader (a loader's
 * thread and compiler hold tens of megabytes that are not the server's); measure.ts adds the
 * loader only when the sources must be compiled.
 */
const isBuilt = fs.existsSync(new URL('../dist/server/app.js', import.meta.url));

/** @param {string} name a module's path under src/, without extension */
async function serverModule(name) {
  return import(new URL(isBuilt ? `../dist/server/${name}.js` : `../src/${name}.ts`, import.meta.url).href);
}

const { buildServices } = await serverModule('app');
const { loadConfig } = await serverModule('config');
const { systemContext } = await serverModule('platform/access');
const { openDatabase } = await serverModule('platform/db/database');
const { newId } = await serverModule('platform/ids');
const { searchKey } = await serverModule('platform/text');

/**
 * The bench's work that is measured in a process of its own, so its peak RSS is its own:
 *   year-report <year>    the year report as PDF
 *   import <rows>         a roster imported from CSV through the import service
 *   raw-insert <rows>     the same rows inserted with plain SQL in one transaction (the import's limit)
 * Each prints one line of JSON: { ms, peakRssMiB, code (the build or the sources), ... }.
 */

const GIVEN = ['José', 'María', 'Jean-Wesnel', 'Marie-Lourdes', 'João', 'Begoña', 'Nadège', 'Wilnès'];
const FAMILY = ['Hernández', 'Désir', 'Conceição', 'Ibáñez', 'Saint-Fleur', 'Pierre-Louis', 'Araújo', 'Núñez'];

/** The bench's i-th person, made when needed: the process holds no roster beside the import's own work. */
/** @param {number} i @param {string} tag */
function person(i, tag) {
  return {
    given: GIVEN[i % GIVEN.length],
    family: `${FAMILY[(i >> 3) % FAMILY.length]} ${i}`,
    email: `${tag}.${i}@bench.example`,
    born: `19${String(60 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    rank: i % 5 === 0 ? 'Sergeant' : 'Officer',
  };
}

/**
 * The roster as a CSV file, in pieces of about 64 KiB, as an upload streams in.
 * @param {number} count @param {string} tag @returns {Generator<Buffer>}
 */
function* rosterFile(count, tag) {
  let piece = 'Given name,Family name,Email,Date of birth,Rank,Languages';
  for (let i = 0; i < count; i += 1) {
    const p = person(i, tag);
    piece += `\r\n${p.given},${p.family},${p.email},${p.born},${p.rank},es:2+/2`;
    if (piece.length >= 64 * 1024) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  if (piece.length > 0) yield Buffer.from(piece, 'utf8');
}

const [task, arg] = process.argv.slice(2);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = openDatabase(config.database);
const services = buildServices({ config, database, secretKey: config.secretKey });
const ctx = systemContext('bench');
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const tag = `${task}-${Date.now()}`;

/** @returns {Promise<Record<string, unknown>>} */
async function run() {
  const start = performance.now();
  if (task === 'year-report') {
    const doc = await services.reports.yearReport(ctx, Number(arg), 'pdf');
    return { ms: performance.now() - start, bytes: doc.body.length };
  }
  const count = Number(arg);
  const agency = await services.organizations.create(ctx, { name: `Bench ${tag}`, kind: 'foreign_police', country: 'HT' });
  if (task === 'import') {
    let bytes = 0;
    for (const piece of rosterFile(count, tag)) bytes += piece.length;
    const begin = performance.now();
    async function* body() {
      yield* rosterFile(count, tag);
    }
    const view = await services.imports.upload(ctx, { kind: 'people', filename: 'bench.csv', organizationId: agency.id }, body(), bytes);
    const result = await services.imports.run(ctx, view.id, 'commit', { mode: 'all' });
    if (result.status !== 'committed' || result.summary?.created !== count) throw new Error(`The import did not commit every row: ${JSON.stringify(result.summary)}`);
    return { ms: performance.now() - begin };
  }
  if (task === 'raw-insert') {
    const begin = performance.now();
    await database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let i = 0; i < count; i += 500) {
        const chunk = Array.from({ length: Math.min(500, count - i) }, (_, n) => person(i + n, tag)).map((p) => ({
          id: newId(),
          organization_id: agency.id,
          given_name: p.given,
          family_name: p.family,
          search_name: searchKey(`${p.given} ${p.family}`),
          sort_name: searchKey(`${p.family} ${p.given}`),
          rank_title: p.rank,
          email: p.email,
          date_of_birth: p.born,
          status: 'active',
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
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMiB: peakRssMiB(), code: isBuilt ? 'build' : 'sources' })}\n`);
} finally {
  await database.close();
}
