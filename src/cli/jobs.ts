import { buildServices } from '../app.js';
import { systemClock } from '../platform/clock.js';
import { createJobRunner } from '../platform/jobs.js';
import { withRuntime } from './runtime.js';

/**
 * `cadre jobs run <name…>`: runs background jobs now rather than at their next due time (the
 * notices after restoring a backup, or to see a digest go out), as one more run of their
 * schedule; a server running them meanwhile does not run them twice at once.
 */
export async function runJobs(env: Record<string, string | undefined>, names: string[], out: (line: string) => void): Promise<void> {
  await withRuntime(env, async (runtime) => {
    const services = buildServices(runtime);
    let failure: unknown = null;
    const runner = createJobRunner({
      db: runtime.database.db,
      clock: systemClock,
      jobs: services.jobs,
      onError: (_job, error) => {
        failure = error;
      },
    });
    const chosen = names.length ? names : services.jobs.map((job) => job.name);
    const ran = await runner.runNow(chosen);
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    out(ran.length ? `Ran ${ran.join(', ')}.` : 'Nothing ran: another process is running these jobs now.');
  });
}
