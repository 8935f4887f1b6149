import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** Timing and load helpers shared by the bench's scenarios. */

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: Number((sorted.at(-1) ?? 0).toFixed(2)) };
}

/** Runs `work` back to back for at least `rounds` rounds, timing each. */
export async function timeEach(rounds: number, work: (round: number) => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await work(round);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

/** Requests per second on one URL with autocannon; any non-2xx answer fails the bench. */
export async function load(url: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; p50: number; p99: number }> {
  const result = await autocannon({ url, headers, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** A bare node:http server answering every request with `answer()`: the HTTP stack's limit. */
export async function bareServer(answer: (path: string) => Promise<string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    answer(request.url ?? '/').then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** With a build, a child runs the built server as plain JavaScript, without a TypeScript loader (child.mjs). */
const isBuilt = fs.existsSync(new URL('../dist/server/app.js', import.meta.url));

/**
 * The Node.js options `npm start` gives the server (its heap size), read from package.json: the
 * bench's server and children run as the server runs, and follow it when it changes.
 */
export function serverNodeOptions(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const start = scripts.start ?? '';
  const options = /^node((?: --\S+)*) bin\/cadre\.js serve$/.exec(start);
  if (!options) throw new Error(`package.json's start script is not "node [options] bin/cadre.js serve": ${start}`);
  return options[1]?.trim().split(' ').filter(Boolean) ?? [];
}

/** Runs a bench child task in its own process (its peak RSS its own) and reads the JSON it prints last. */
export function child<T>(task: string, args: string[], env: Record<string, string | undefined>): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...serverNodeOptions(), ...(isBuilt ? [] : ['--import', 'tsx']), 'bench/child.mjs', task, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${task}: ${error.message}\n${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${task} printed no result: ${stdout}\n${stderr}`));
      }
    });
  });
}
