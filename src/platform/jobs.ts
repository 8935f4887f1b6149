import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { DB } from './db/schema.js';
import { jobsRepository } from './jobs.repository.js';
import { createWork } from './work/work.js';

export interface Job {
  name: string;
  intervalMs: number;
  /** Returns a short account of what it did, kept with the job. */
  run(): Promise<string>;
}

export interface JobRunner {
  /** Runs every job that is due, once across all processes. Returns the names it ran. */
  runDue(): Promise<string[]>;
  /** Runs these jobs now, whatever their schedule (an operator's "run it now"); each is due again an interval later. */
  runNow(names: readonly string[]): Promise<string[]>;
  start(pollMs?: number): void;
  stop(): Promise<void>;
}

/**
 * Background work shared by every server process, as a schedule over work runs: each time a job
 * falls due is one work run, named by the job and the instant, which only one process can claim.
 * A process that stops mid-job leaves a run that another takes over once it is abandoned.
 */
export function createJobRunner({ db, clock, jobs, onError }: { db: Kysely<DB>; clock: Clock; jobs: Job[]; onError: (job: string, error: unknown) => void }): JobRunner {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = jobsRepository(db);
  const work = createWork({ db, clock });

  /** The work run of the job's due time (now, when forced) when this process has claimed it. */
  async function claim(job: Job, now: Date, isForced: boolean): Promise<string | null> {
    // Enters a job new to the schedule as due now.
    const scheduled = await schedule.nextRunAt(job.name, now.toISOString());
    const dueAt = isForced ? now.toISOString() : scheduled;
    if (Date.parse(dueAt) > now.getTime()) return null;
    const id = `job:${job.name}:${dueAt}`;
    await work.enqueue({ id, kind: 'job', subjectId: job.name });
    return (await work.claim(id)) ? id : null;
  }

  async function runJobs(chosen: readonly Job[], isForced: boolean): Promise<string[]> {
    const ran: string[] = [];
    for (const job of chosen) {
      const id = await claim(job, clock.now(), isForced);
      if (!id) continue;
      let outcome: string;
      try {
        outcome = await work.perform(id, () => job.run(), (result) => ({ message: result.slice(0, 500) }));
      } catch (error) {
        onError(job.name, error);
        outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      const finished = clock.now();
      await schedule.ran(job.name, { last_run_at: finished.toISOString(), next_run_at: new Date(finished.getTime() + job.intervalMs).toISOString(), last_result: outcome.slice(0, 500) });
      await work.forgetFinished(job.name, id);
      ran.push(job.name);
    }
    return ran;
  }

  const runDue = () => runJobs(jobs, false);

  return {
    runDue,
    runNow(names) {
      const unknown = names.filter((name) => !jobs.some((job) => job.name === name));
      if (unknown.length) throw new Error(`No such job: ${unknown.join(', ')}. The jobs are: ${jobs.map((job) => job.name).join(', ')}.`);
      return runJobs(
        jobs.filter((job) => names.includes(job.name)),
        true,
      );
    },
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
