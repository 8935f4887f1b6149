import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCALES, type Scale } from '../src/generate/index.js';
import { measureFirstLoad } from './first-load.js';
import { preparePostgres, prepareSqlite, type Prepared, rssMiB, SCHEMA_VERSION, startServer } from './prepare.js';
import { type Row, runScenarios } from './scenarios.js';

/**
 * Cadre's bench: on a generated program (`cadre generate`), every scenario of issue 15 beside its
 * limit measured in the same run, on SQLite and (with DATABASE_URL) PostgreSQL; one table, and
 * the figures as JSON under bench/results/.
 *
 *   npm run bench                                  # large (generated once, then cached)
 *   npm run bench -- --scale small --seconds 1     # the CI smoke
 *   npm run bench -- --only people,search          # some scenarios
 *   npm run bench -- --only reports                # one of the scripts that measure something else
 */

const SCENARIOS = ['person', 'people', 'search', 'dashboard', 'cascade', 'candidates', 'close', 'year-report', 'import', 'server-rss', 'first-load'];
/** Benches of their own, run as they are: they measure other things (badges, readers, sign-in floods, every report). */
const SCRIPTS_FILES: Record<string, string> = { reports: 'reports', badges: 'badges', 'import-readers': 'import-readers', 'sign-in-flood': 'sign-in-flood', 'search-words': 'search' };
const SCRIPTS = Object.keys(SCRIPTS_FILES);
const IMPORT_ROWS: Record<Scale, number> = { small: 2_000, medium: 20_000, large: 100_000 };

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    seconds: { type: 'string' },
    only: { type: 'string' },
    engine: { type: 'string' },
  },
});
const scale = values.scale as Scale;
if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
const only = values.only ? values.only.split(',').map((s) => s.trim()) : null;
for (const name of only ?? []) if (!SCENARIOS.includes(name) && !SCRIPTS.includes(name)) throw new Error(`--only: no scenario or script named ${name} (${[...SCENARIOS, ...SCRIPTS].join(', ')})`);
const seconds = Number(values.seconds ?? (scale === 'small' ? 1 : 8));
const rounds = scale === 'small' ? 5 : 30;
const wants = (name: string) => only === null || only.includes(name);

function runScripts(): void {
  for (const name of only?.filter((o) => SCRIPTS.includes(o)) ?? []) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${SCRIPTS_FILES[name] as string}.ts`], { stdio: 'inherit' });
    if (result.status !== 0) process.exitCode = 1;
  }
}

/**
 * The server's RSS at rest: V8 hands memory back to the system once a process has been idle for
 * some seconds (its memory reducer), so RSS is read each second until it has not fallen for
 * fifteen (at most a minute). The reading 2 s after the scenarios is kept beside it.
 */
async function restingRss(pid: number): Promise<{ justAfter: number | null; atRest: number | null }> {
  const second = () => new Promise((resolve) => setTimeout(resolve, 1000));
  await second();
  await second();
  const justAfter = rssMiB(pid);
  let atRest = justAfter;
  let steady = 0;
  for (let waited = 2; waited < 60 && steady < 15 && atRest !== null; waited += 1) {
    await second();
    const now = rssMiB(pid);
    if (now !== null && now < atRest) {
      atRest = now;
      steady = 0;
    } else steady += 1;
  }
  return { justAfter, atRest };
}

async function benchEngine(prepared: Prepared): Promise<{ rows: Row[]; serverRss: number | null }> {
  const server = await startServer(prepared.env);
  try {
    const rows = await runScenarios({ base: server.base, env: prepared.env, seconds, rounds, importRows: IMPORT_ROWS[scale] }, wants);
    let serverRss: number | null = null;
    if (wants('server-rss')) {
      const { justAfter, atRest } = await restingRss(server.pid);
      serverRss = atRest;
      const shown = atRest === null ? 'unknown' : `${atRest} MiB (${justAfter ?? '?'} MiB 2 s after)`;
      rows.push({ scenario: 'server RSS, idle after the scenarios', cadre: shown, limit: '—', limitValue: '—', target: '< 250 MB', pass: atRest === null ? null : atRest < 250, data: { serverRss: atRest, justAfter } });
    }
    return { rows, serverRss };
  } finally {
    await server.stop();
  }
}

function table(rows: Row[]): string {
  const lines = ['| scenario | Cadre | limit | limit value | ratio or target | pass/miss |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.scenario} | ${r.cadre} | ${r.limit} | ${r.limitValue} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'pass' : 'miss'} |`);
  return lines.join('\n');
}

async function main() {
  runScripts();
  if (only !== null && only.every((o) => SCRIPTS.includes(o))) return;
  const engines: ('sqlite' | 'postgres')[] = values.engine ? [values.engine as 'sqlite' | 'postgres'] : process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const results: Record<string, unknown>[] = [];
  const output: string[] = [];
  for (const engine of engines) {
    const started = Date.now();
    const prepared = engine === 'sqlite' ? await prepareSqlite(scale) : await preparePostgres(process.env.DATABASE_URL as string, scale);
    try {
      const { rows } = await benchEngine(prepared);
      if (engine === engines[0] && wants('first-load')) {
        const dist = path.resolve('dist/web');
        if (fs.existsSync(path.join(dist, 'index.html'))) {
          const first = await measureFirstLoad(dist);
          const kb = first.totalGzipBytes / 1024;
          rows.push({ scenario: 'first-load JavaScript (gz)', cadre: `${kb.toFixed(1)} KB in ${first.files.length} files`, limit: '—', limitValue: '—', target: '≤ 200 KB', pass: kb <= 200, data: first });
        } else {
          rows.push({ scenario: 'first-load JavaScript (gz)', cadre: 'not built (npm run build:web)', limit: '—', limitValue: '—', target: '≤ 200 KB', pass: null, data: {} });
        }
      }
      const heading = `\n${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${scale} program (schema ${SCHEMA_VERSION})${prepared.generatedSeconds === null ? ', cached' : `, generated in ${prepared.generatedSeconds.toFixed(1)} s`}; bench took ${Math.round((Date.now() - started) / 1000)} s\n\n`;
      output.push(heading + table(rows));
      process.stdout.write(`${heading}${table(rows)}\n`);
      results.push({ engine, scale, schema: SCHEMA_VERSION, generatedSeconds: prepared.generatedSeconds, rows });
    } finally {
      await prepared.drop();
    }
  }
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${scale}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), scale, seconds, results }, null, 2)}\n`);
  process.stdout.write(`\nFigures: ${path.relative('.', file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
