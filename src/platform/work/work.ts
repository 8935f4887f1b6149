import type { Kysely } from 'kysely';
import { type Clock, instant } from '../clock.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';
import { type WorkRunRow, workRepository } from './work.repository.js';

export type { WorkRunRow } from './work.repository.js';
export type WorkStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * The one definition of an abandoned run: queued or running, with no sign of life for this long
 * (its process stopped). Such a run is shown failed and may be claimed again.
 */
export const ABANDONED_AFTER_MS = 30 * 60_000;
/** How often a running run says it is alive, well inside ABANDONED_AFTER_MS. */
export const HEARTBEAT_MS = 30_000;

/** Reports how far a run has got; each report is also a sign of life. */
export type Progress = (percent: number, message: string) => Promise<void>;

export interface WorkDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Names this process in the claims it makes. */
  owner?: string;
}

/**
 * Long work kept in the database: a run is queued, claimed once across every server process,
 * says while it works how far it has got, and ends succeeded or failed with an outcome. Whatever
 * process shows a run reads it from the database, so restarting that process loses nothing.
 */
export function createWork({ db, clock, owner = newId() }: WorkDeps) {
  const repo = workRepository(db);

  function isAbandoned(run: Pick<WorkRunRow, 'status' | 'heartbeat_at' | 'created_at'>): boolean {
    if (run.status !== 'queued' && run.status !== 'running') return false;
    return Date.parse(run.heartbeat_at ?? run.created_at) < clock.now().getTime() - ABANDONED_AFTER_MS;
  }

  const staleBefore = () => new Date(clock.now().getTime() - ABANDONED_AFTER_MS).toISOString();

  return {
    owner,
    isAbandoned,

    /**
     * Queues a run of `kind` over `subjectId`; `within` lets it be written in the caller's
     * transaction. Given an `id` already queued (by another process), it is left as it is.
     */
    async enqueue(input: { kind: string; subjectId: string; id?: string; message?: string }, within: Kysely<DB> = db): Promise<string> {
      const id = input.id ?? newId();
      await workRepository(within).insert({ id, kind: input.kind, subject_id: input.subjectId, message: input.message ?? null, created_at: instant(clock) });
      return id;
    },

    /** Takes a queued (or abandoned) run for this process; false when another process has it. */
    claim(id: string): Promise<boolean> {
      return repo.claim(id, owner, instant(clock), staleBefore());
    },

    /** A sign of life with progress; false once the run is no longer this process's. */
    progress(id: string, percent: number, message: string): Promise<boolean> {
      return repo.beat(id, owner, instant(clock), { progress: clampPercent(percent), message });
    },

    /** A sign of life alone; false once the run is no longer this process's. */
    heartbeat(id: string): Promise<boolean> {
      return repo.beat(id, owner, instant(clock));
    },

    /** Ends a run as failed; `anyOwner` for reporting an abandoned run failed. */
    fail(id: string, message: string, options: { anyOwner?: boolean } = {}): Promise<void> {
      return repo.finish(id, options.anyOwner ? null : owner, { status: 'failed', message, outcome: null, finished_at: instant(clock) });
    },

    find: (id: string) => repo.find(id),
    latestOf: (subjectIds: string[]) => repo.latestOf(subjectIds),
    /** Keeps only the latest of a recurring subject's finished runs (a job's), so they do not pile up. */
    forgetFinished: (subjectId: string, keepId: string) => repo.forgetFinished(subjectId, keepId),

    /**
     * Runs a claimed run's work, saying it is alive every HEARTBEAT_MS while it goes, and records
     * how it ended. The work's own result or error is passed on.
     */
    async perform<T>(id: string, work: (progress: Progress) => Promise<T>, describe: (result: T) => { message: string | null; outcome?: string | null }): Promise<T> {
      // Signs of life and progress are written one after another, in the order they come, and all
      // of them before the outcome.
      let writes: Promise<unknown> = Promise.resolve();
      const write = (progress?: { progress: number; message: string }) => {
        writes = writes.then(() => repo.beat(id, owner, instant(clock), progress)).catch(() => undefined);
        return writes.then(() => undefined);
      };
      const timer = setInterval(() => void write(), HEARTBEAT_MS);
      timer.unref();
      const settle = async () => {
        clearInterval(timer);
        await writes;
      };
      try {
        const result = await work((percent, message) => write({ progress: clampPercent(percent), message }));
        await settle();
        const { message, outcome = null } = describe(result);
        await repo.finish(id, owner, { status: 'succeeded', progress: 100, message, outcome, finished_at: instant(clock) });
        return result;
      } catch (error) {
        await settle();
        await repo.finish(id, owner, { status: 'failed', message: error instanceof Error ? error.message : String(error), outcome: null, finished_at: instant(clock) });
        throw error;
      }
    },
  };
}

export type Work = ReturnType<typeof createWork>;

function clampPercent(percent: number): number {
  return Math.max(0, Math.min(100, Math.round(percent)));
}
