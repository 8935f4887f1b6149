import type { Kysely, Selectable } from 'kysely';
import type { DB, WorkRunsTable } from '../db/schema.js';

export type WorkRunRow = Selectable<WorkRunsTable>;

/** The SQL of runs of long work. */
export function workRepository(db: Kysely<DB>) {
  return {
    /** Queues a run; a run of the same id already there is left as it is. */
    async insert(run: { id: string; kind: string; subject_id: string; message: string | null; created_at: string }): Promise<void> {
      await db
        .insertInto('work_runs')
        .values({ ...run, status: 'queued', progress: 0, claimed_by: null, heartbeat_at: null, outcome: null, started_at: null, finished_at: null })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    /**
     * Moves a run to running for one owner in one UPDATE: a queued run, or one whose last sign of
     * life is older than `staleBefore`. Only one of any number of racing claims changes the row.
     */
    async claim(id: string, owner: string, now: string, staleBefore: string): Promise<boolean> {
      const result = await db
        .updateTable('work_runs')
        .set({ status: 'running', claimed_by: owner, heartbeat_at: now, started_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)])]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** A sign of life, with progress when given; only the owner's claim is touched. */
    async beat(id: string, owner: string, now: string, progress?: { progress: number; message: string }): Promise<boolean> {
      const result = await db
        .updateTable('work_runs')
        .set({ heartbeat_at: now, ...progress })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async finish(id: string, owner: string | null, changes: { status: 'succeeded' | 'failed'; progress?: number; message: string | null; outcome: string | null; finished_at: string }): Promise<void> {
      let query = db.updateTable('work_runs').set({ ...changes, heartbeat_at: changes.finished_at }).where('id', '=', id);
      if (owner) query = query.where('claimed_by', '=', owner);
      await query.execute();
    },

    find(id: string): Promise<WorkRunRow | undefined> {
      return db.selectFrom('work_runs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The runs of each subject, newest first. */
    async latestOf(subjectIds: string[]): Promise<Map<string, WorkRunRow>> {
      if (subjectIds.length === 0) return new Map();
      const rows = await db.selectFrom('work_runs').selectAll().where('subject_id', 'in', subjectIds).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      const latest = new Map<string, WorkRunRow>();
      for (const row of rows) if (!latest.has(row.subject_id)) latest.set(row.subject_id, row);
      return latest;
    },

    /** Removes a subject's finished runs other than `keepId`. */
    async forgetFinished(subjectId: string, keepId: string): Promise<void> {
      await db.deleteFrom('work_runs').where('subject_id', '=', subjectId).where('id', '!=', keepId).where('status', 'in', ['succeeded', 'failed']).execute();
    },
  };
}
