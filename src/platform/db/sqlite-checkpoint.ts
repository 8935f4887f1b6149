import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies what a SQLite file's write-ahead log holds into the file itself (a checkpoint), on a
 * thread of its own.
 *
 * Left to itself, a connection checkpoints when a commit leaves the log past a thousand pages,
 * and better-sqlite3 runs that on the thread that committed. After a roster of a hundred
 * thousand people the log holds hundreds of megabytes: copying them and flushing the file held
 * the process's only thread for one to two seconds, every request of the server waiting behind
 * it. SQLite's advice for such a process is to turn the automatic checkpoints off and checkpoint
 * from another thread (https://sqlite.org/wal.html#application_initiated_checkpoints), which is
 * what every connection a process opens on its file does (database.ts).
 *
 * The checkpoint follows the writes, a short while after them (once for many), and PASSIVE: it
 * copies what no reader still needs and never waits, so the process's connections go on
 * reading and writing meanwhile; what it leaves, the next one takes. If the thread cannot run,
 * the connections checkpoint themselves again, as SQLite would.
 */

interface CheckpointResult {
  /** Pages in the log. */
  log: number;
  /** Pages of it now in the file. */
  checkpointed: number;
}

/** The thread's whole work, as a script: it needs none of Cadre's own modules, and no loader for them. */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

/** How long after a write the checkpoint starts: the writes of that while are copied once. */
export const CHECKPOINT_DELAY_MS = 250;

export interface Checkpointer {
  /** Says a write was committed: a checkpoint follows, unless one is already due. */
  wrote(): void;
  /** Ends the thread, once the checkpoint under way (if any) is done. */
  close(): Promise<void>;
}

/**
 * The checkpoints of one file in this process, on one thread, started at the first write.
 * `onFailure` is told when the thread cannot checkpoint (it could not start, say): the caller's
 * connections then checkpoint themselves.
 */
export function createCheckpointer(file: string, onFailure: (error: Error) => void, delayMs = CHECKPOINT_DELAY_MS): Checkpointer {
  let worker: Worker | undefined;
  let failed = false;
  let timer: NodeJS.Timeout | undefined;
  /** The checkpoint under way, and whether writes came while it ran (another is then due). */
  let running: Promise<CheckpointResult> | undefined;
  let isDueAgain = false;
  let waiting: { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void } | undefined;

  function fail(error: Error) {
    if (failed) return;
    failed = true;
    waiting?.reject(error);
    waiting = undefined;
    void worker?.terminate();
    worker = undefined;
    onFailure(error);
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = new Worker(SCRIPT, { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    // The thread never keeps the process alive: a checkpoint cut short is taken up by the next opening.
    started.unref();
    started.on('message', (message: CheckpointResult | { error: string }) => {
      const answer = waiting;
      waiting = undefined;
      if ('error' in message) answer?.reject(new Error(message.error));
      else answer?.resolve(message);
    });
    // An error of the driver's own class reaches this thread as a plain object, its code alone kept.
    started.on('error', (error: unknown) =>
      fail(error instanceof Error && error.message ? error : new Error(`The checkpoint thread of ${file} could not run (${(error as { code?: string } | null)?.code ?? String(error)}).`)),
    );
    started.on('exit', (code) => {
      if (worker === started) fail(new Error(`The checkpoint thread of ${file} ended (exit code ${code}).`));
    });
    worker = started;
    return started;
  }

  function run(): Promise<CheckpointResult> {
    const done = new Promise<CheckpointResult>((resolve, reject) => {
      waiting = { resolve, reject };
      thread().postMessage('checkpoint');
    }).finally(() => {
      running = undefined;
      if (isDueAgain) {
        isDueAgain = false;
        schedule();
      }
    });
    running = done;
    return done;
  }

  function schedule() {
    if (failed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      // A checkpoint that cannot run has said so through `fail`.
      run().catch(() => undefined);
    }, delayMs);
    timer.unref();
  }

  return {
    wrote() {
      if (running) isDueAgain = true;
      else schedule();
    },
    async close() {
      clearTimeout(timer);
      timer = undefined;
      isDueAgain = false;
      await running?.catch(() => undefined);
      const ending = worker;
      worker = undefined;
      if (!ending) return;
      const exited = new Promise((resolve) => ending.once('exit', resolve));
      // Held open until the thread has closed its connection, so the file's own closing comes after.
      ending.ref();
      ending.postMessage('close');
      await exited;
    },
  };
}
