import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { DB } from './db/schema.js';

export interface Job {
  name: string;
  intervalMs: number;
  /** Returns a short account of what it did, kept with the job. */
  run(): Promise<string>;
}

export interface JobRunner {
  /** Runs every job that is due, once across all processes. Returns the names it ran. */
  runDue(): Promise<string[]>;
  start(pollMs?: number): void;
  stop(): Promise<void>;
}

const LEASE_MS = 10 * 60_000;

/**
 * Background work shared by every server process: a job is claimed by moving its lease
 * forward in one UPDATE, which only one process can win, so a job runs once wherever it is due.
 */
export function createJobRunner({ db, clock, jobs, onError }: { db: Kysely<DB>; clock: Clock; jobs: Job[]; onError: (job: string, error: unknown) => void }): JobRunner {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function claim(job: Job, now: Date): Promise<boolean> {
    const at = now.toISOString();
    await db
      .insertInto('jobs')
      .values({ name: job.name, next_run_at: at, locked_until: null, last_run_at: null, last_result: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const result = await db
      .updateTable('jobs')
      .set({ locked_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('name', '=', job.name)
      .where('next_run_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of jobs) {
      const now = clock.now();
      if (!(await claim(job, now))) continue;
      let outcome: string;
      try {
        outcome = await job.run();
      } catch (error) {
        onError(job.name, error);
        outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      const finished = clock.now();
      await db
        .updateTable('jobs')
        .set({ locked_until: null, last_run_at: finished.toISOString(), next_run_at: new Date(finished.getTime() + job.intervalMs).toISOString(), last_result: outcome.slice(0, 500) })
        .where('name', '=', job.name)
        .execute();
      ran.push(job.name);
    }
    return ran;
  }

  return {
    runDue,
    start(pollMs = 60_000) {
      const tick = () => {
        running = runDue().catch((error: unknown) => onError('jobs', error));
      };
      tick();
      timer = setInterval(tick, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
