import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies what a SQLite file's write-ahead log holds into the file itself (a checkpoint), on a
 * thread of its own.
 *
 * A connection checkpoints by itself when a commit leaves the log past a thousand pages, and
 * better-sqlite3 runs it on the thread that committed. After a roster of a hundred thousand
 * people the log holds hundreds of megabytes: copying them and flushing the file held the
 * process's only thread for one to two seconds, every request of the server waiting behind the
 * import's answer. SQLite's advice for such a writer is to turn its automatic checkpoints off and
 * checkpoint from another thread (https://sqlite.org/wal.html#application_initiated_checkpoints),
 * which is what the connection of a long write does (database.ts).
 *
 * The checkpoint is PASSIVE: it copies what no reader still needs and never waits, so the
 * process's own connections go on reading and writing meanwhile. What it leaves, the next
 * automatic checkpoint of the main connection takes.
 */

export interface CheckpointResult {
  /** Pages in the log. */
  log: number;
  /** Pages of it now in the file. */
  checkpointed: number;
}

/** The thread's whole work, as a script: it needs nothing of Cadre's own modules, and no loader for them. */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
try {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
} finally {
  db.close();
}
`;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/** Checkpoints `file` on a thread of its own; settles when the thread has closed its connection. */
export function checkpointInBackground(file: string): Promise<CheckpointResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRIPT, { eval: true, workerData: { file, driver: driverPath() } });
    let result: CheckpointResult | undefined;
    worker.once('message', (message: CheckpointResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The checkpoint of ${file} ended (exit code ${code}) without a result.`))));
  });
}
