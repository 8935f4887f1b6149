import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';

/** The SQL of the schedule of background jobs: when each is next due, and how it last went. */
export function jobsRepository(db: Kysely<DB>) {
  return {
    /** The job's next due instant, the job being entered as due now when it is new. */
    async nextRunAt(name: string, now: string): Promise<string> {
      await db
        .insertInto('jobs')
        .values({ name, next_run_at: now, locked_until: null, last_run_at: null, last_result: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('jobs').select('next_run_at').where('name', '=', name).executeTakeFirstOrThrow();
      return new Date(row.next_run_at).toISOString();
    },

    async ran(name: string, changes: { last_run_at: string; next_run_at: string; last_result: string }): Promise<void> {
      await db.updateTable('jobs').set({ ...changes, locked_until: null }).where('name', '=', name).execute();
    },
  };
}
