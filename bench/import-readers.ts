import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/platform/db/database.js';
import { createTestDatabase } from '../test/dialects.js';
import { signIn, startServer, stopServer } from '../test/support/servers.js';

/**
 * Other users while a roster of BENCH_ROWS people (default 100,000) is imported through the web
 * API of a `cadre serve` process: the time that server takes to answer one person's page, before
 * the import (the limit: the same server, idle) and while the import checks and then writes its
 * rows; and the time a plain query for the same person takes on another connection meanwhile.
 *
 *   npm run bench:import-readers                               # SQLite
 *   CADRE_TEST_DATABASE=postgres npm run bench:import-readers  # PostgreSQL
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ADMIN = { email: 'admin@readers.bench', password: 'readers while an import runs' };

type Stage = 'idle' | 'checking' | 'writing';

function summary(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

async function main() {
  const testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-readers-'));
  const server = await startServer(testDb.target, { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'bench-readers-secret-bench-readers-0123', CADRE_ADMIN_EMAIL: ADMIN.email, CADRE_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent' });
  // The same database, on a connection of this process: "another connection".
  const other = openDatabase(testDb.target);
  try {
    const session = await signIn(server, ADMIN.email, ADMIN.password);
    const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
    const agency = await json(await session.send('POST', '/api/organizations', { name: 'Bench Readers Agency', kind: 'foreign_police', country: 'HT' }));
    const person = await json(await session.send('POST', '/api/people', { organizationId: agency.id, givenName: 'Read', familyName: 'Meanwhile', email: 'read.meanwhile@bench.example' }));
    const samples: Record<Stage, number[]> = { idle: [], checking: [], writing: [] };
    const otherSamples: Record<Stage, number[]> = { idle: [], checking: [], writing: [] };
    let stage: Stage = 'idle';

    const readOnce = async () => {
      const start = performance.now();
      const response = await session.send('GET', `/api/people/${person.id as string}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET person answered ${response.status}`);
      samples[stage].push(performance.now() - start);
    };
    const readOther = async () => {
      const start = performance.now();
      await other.db.selectFrom('people').selectAll().where('id', '=', person.id as string).executeTakeFirstOrThrow();
      otherSamples[stage].push(performance.now() - start);
    };

    for (let i = 0; i < 300; i += 1) {
      await readOnce();
      await readOther();
    }

    const lines = ['Given name,Family name,Email,Date of birth,Languages,Passport number,Passport expires on'];
    for (let i = 0; i < ROWS; i += 1) lines.push(`Wilnès,Saint-Fleur ${i},ws.${i}@bench.example,1980-01-${String(1 + (i % 28)).padStart(2, '0')},"fr:3/3, ht",P${String(1_000_000 + i)},2031-06-30`);
    const uploaded = await fetch(`${server.url}/api/imports?kind=people&filename=bench.csv&organizationId=${agency.id as string}`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      body: lines.join('\n'),
    });
    const { id } = (await uploaded.json()) as { id: string };
    const started = performance.now();
    await session.send('POST', `/api/imports/${id}/commit`, { mode: 'all' });
    stage = 'checking';
    let status = 'committing';
    let reads = 0;
    while (status === 'committing') {
      await readOnce();
      await readOther();
      reads += 1;
      if (reads % 10 === 0) {
        const view = await json(await session.send('GET', `/api/imports/${id}`));
        status = view.status as string;
        stage = (view.progress as number) >= 80 ? 'writing' : 'checking';
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (status !== 'committed') throw new Error(`The import ended ${status}`);

    process.stdout.write(`${ROWS.toLocaleString('en-US')}-row roster imported through the API in ${seconds.toFixed(1)} s on ${testDb.target.engine}\n\n`);
    process.stdout.write('| read | while | reads | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- |\n');
    for (const [label, table] of [
      ['GET /api/people/:id on the importing server', samples],
      ['SELECT the person on another connection', otherSamples],
    ] as const) {
      for (const key of ['idle', 'checking', 'writing'] as const) {
        const s = summary(table[key]);
        if (s.n > 0) process.stdout.write(`| ${label} | ${key === 'idle' ? 'no import (the limit)' : `the import is ${key}`} | ${s.n} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |\n`);
      }
    }
  } finally {
    await stopServer(server);
    await other.close();
    await testDb.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
