import { verifyAuditChain } from '../platform/audit.js';
import { withRuntime } from './runtime.js';

/** Returns the exit code: 0 when the chain is intact, 1 when it is not. */
export async function verifyAudit(env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  return withRuntime(env, async ({ database }) => {
    const report = await verifyAuditChain(database.db);
    if (report.problems.length === 0) {
      out(`The audit log is intact: ${report.events} events, chained from the first to event ${report.lastSeq}.`);
      return 0;
    }
    out(`The audit log has been tampered with (${report.problems.length} problems in ${report.events} events):`);
    for (const problem of report.problems) out(`  event ${problem.seq}: ${problem.problem}`);
    return 1;
  });
}
