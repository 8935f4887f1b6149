import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** The SQL of report runs: what was asked and, once done, the document. Their state is a work run's. */
export function reportRunsRepository(db: Kysely<DB>) {
  return {
    async insert(run: { id: string; kind: DB['report_runs']['kind']; parameters: string; created_by: string | null; created_at: string }): Promise<void> {
      await db
        .insertInto('report_runs')
        .values({ ...run, status: 'running', message: 'starting', finished_at: null, content_type: null, filename: null, result: null })
        .execute();
    },

    async finish(id: string, changes: { status: 'done' | 'failed'; progress?: number; message: string | null; finished_at: string; content_type?: string; filename?: string; result?: string }): Promise<void> {
      await db.updateTable('report_runs').set(changes).where('id', '=', id).execute();
    },

    find(id: string) {
      return db.selectFrom('report_runs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    ofUser(userId: string | null, limit: number) {
      return db.selectFrom('report_runs').selectAll().where('created_by', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
    },
  };
}
