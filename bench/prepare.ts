import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../src/platform/db/database.js';
import { migrations } from '../src/platform/db/migrations/index.js';
import { generateProgram, type Scale } from '../src/generate/index.js';
import { serverNodeOptions } from './measure.js';

/**
 * The bench's databases: a generated program per scale and schema version, kept (bench/.cache/
 * for SQLite, database cadre_bench_<scale> on PostgreSQL) and copied for each run, as the
 * scenarios write (an offering closed, an import).
 */

export const SCHEMA_VERSION = Object.keys(migrations).sort().at(-1) as string;
const CACHE = path.resolve('bench/.cache');

export interface Prepared {
  engine: 'sqlite' | 'postgres';
  /** The environment a Cadre process needs to open the run's copy. */
  env: Record<string, string>;
  generatedSeconds: number | null;
  drop(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const progress = (area: string, done: number, total: number) => log(`  … ${area}: ${done} / ${total}`);

async function generateInto(database: Database, scale: Scale): Promise<number> {
  try {
    await migrateToLatest(database);
    const report = await generateProgram(database, { scale, progress });
    return report.milliseconds / 1000;
  } finally {
    await database.close();
  }
}

export async function prepareSqlite(scale: Scale): Promise<Prepared> {
  const cached = path.join(CACHE, `${scale}-${SCHEMA_VERSION}.db`);
  let generatedSeconds: number | null = null;
  if (!fs.existsSync(cached)) {
    log(`Generating the ${scale} program on SQLite (cached at ${path.relative('.', cached)})…`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-gen-'));
    const file = path.join(dir, 'cadre.db');
    generatedSeconds = await generateInto(openDatabase({ engine: 'sqlite', file }), scale);
    fs.mkdirSync(CACHE, { recursive: true });
    fs.copyFileSync(file, `${cached}.partial`);
    fs.renameSync(`${cached}.partial`, cached);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-run-'));
  fs.copyFileSync(cached, path.join(dataDir, 'cadre.db'));
  return {
    engine: 'sqlite',
    // DATABASE_URL names the file: the PostgreSQL run's URL must not reach the SQLite run's processes.
    env: { DATABASE_URL: `sqlite:${path.join(dataDir, 'cadre.db')}`, CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123' },
    generatedSeconds,
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function preparePostgres(url: string, scale: Scale): Promise<Prepared> {
  const base = `cadre_bench_${scale}`;
  const run = `${base}_run`;
  let generatedSeconds: number | null = null;
  const exists = await admin(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [base])).rowCount === 1);
  let current = false;
  if (exists) {
    const client = new pg.Client({ connectionString: withDatabase(url, base) });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; generated: string }>(
        `SELECT (SELECT max(name) FROM kysely_migration) AS version, (SELECT count(*) FROM people) AS generated`,
      );
      current = rows[0]?.version === SCHEMA_VERSION && Number(rows[0]?.generated) > 0;
    } catch {
      current = false;
    } finally {
      await client.end();
    }
  }
  if (!current) {
    log(`Generating the ${scale} program on PostgreSQL (kept as database ${base})…`);
    await admin(url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${base}`);
      await c.query(`CREATE DATABASE ${base}`);
    });
    generatedSeconds = await generateInto(openDatabase({ engine: 'postgres', url: withDatabase(url, base) }), scale);
  }
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${run} TEMPLATE ${base}`);
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-pg-'));
  return {
    engine: 'postgres',
    env: { DATABASE_URL: withDatabase(url, run), CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123' },
    generatedSeconds,
    drop: async () => {
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A real Cadre server process on the run's database, as `cadre serve` starts it. */
export async function startServer(env: Record<string, string>): Promise<{ base: string; pid: number; process: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const server = spawn(process.execPath, [...serverNodeOptions(), 'bin/cadre.js', 'serve', '--no-demo', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`The Cadre server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 1800) throw new Error('The Cadre server did not start within three minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    pid: server.pid as number,
    process: server,
    stop: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/** The server's resident memory now, from /proc (Linux). */
export function rssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
