import { performance } from 'node:perf_hooks';

/**
 * How a flood of wrong passwords affects everyone else: the latency of a signed-in GET, alone
 * and while FLOOD wrong-password sign-ins (each to a made-up account, all from this address)
 * are in flight, against a running Cadre.
 *
 *   BENCH_URL=http://localhost:3412 BENCH_EMAIL=a@b.test BENCH_PASSWORD='…' npm run bench:sign-in-flood
 *
 * BENCH_SPREAD=1 sends each attempt with its own X-Forwarded-For address, as a flood from many
 * addresses looks to a server started with CADRE_TRUST_PROXY=127.0.0.1: no per-address limit
 * applies, so what keeps signed-in requests fast is the hashing gate alone.
 */

const BASE = process.env.BENCH_URL ?? 'http://localhost:3000';
const EMAIL = process.env.BENCH_EMAIL ?? '';
const PASSWORD = process.env.BENCH_PASSWORD ?? '';
const FLOOD = Number(process.env.BENCH_FLOOD ?? 200);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const IS_SPREAD = process.env.BENCH_SPREAD === '1';

async function signIn(email: string, password: string, forwardedFor?: string) {
  return fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) },
    body: JSON.stringify({ email, password }),
  });
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(1));
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), max: at(1) };
}

/** Signed-in GETs one after the other until `until` settles (or SAMPLES of them, when alone). */
async function probe(cookie: string, until?: Promise<unknown>): Promise<number[]> {
  let isDone = false;
  void until?.finally(() => (isDone = true));
  const samples: number[] = [];
  while (until ? !isDone : samples.length < SAMPLES) {
    const start = performance.now();
    const response = await fetch(`${BASE}/api/organizations?limit=20`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`signed-in GET answered ${response.status}`);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main() {
  if (!EMAIL || !PASSWORD) throw new Error('Set BENCH_EMAIL and BENCH_PASSWORD to an account of the server at BENCH_URL.');
  const login = await signIn(EMAIL, PASSWORD);
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const quiet = summary(await probe(cookie));
  const statuses = new Map<number, number>();
  const floodStart = performance.now();
  const flood = Promise.all(
    Array.from({ length: FLOOD }, async (_, i) => {
      const from = IS_SPREAD ? `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}` : undefined;
      const response = await signIn(`flood.${i}.${Date.now()}@example.test`, `wrong password number ${i}`, from);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }),
  );
  const underFlood = summary(await probe(cookie, flood));
  const floodSeconds = Number(((performance.now() - floodStart) / 1000).toFixed(1));

  process.stdout.write(`${JSON.stringify({ url: BASE, flood: FLOOD, isSpread: IS_SPREAD, floodSeconds, floodStatuses: Object.fromEntries(statuses), signedInGetMs: { quiet, underFlood } }, null, 2)}\n`);
}

await main();
