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
 * The checkpoint follows the writes, a short while after them (once for many). It takes the
 * process's writer turn (sqlite-writers.ts) once no writer holds it or waits for it, and holds it
 * while it runs, as the automatic one held the committing thread: a writer that comes meanwhile
 * waits for it without blocking anything else, and none writes while it runs, so it completes and
 * the next writer starts the log again from its beginning instead of lengthening it. Writers that
 * had queued go first: after a long import, the progress and the outcome it held back are written
 * before the log it left is copied. (After a hundred writers one after another, without the turn
 * ever free, it queues like them: steady writes do not hold it off for ever.) It is PASSIVE:
 * readers are never waited for. What it could not copy (a reader still on an older state, another
 * process checkpointing) is tried again a while later. Should the thread fail, the connections
 * checkpoint themselves again, as SQLite would.
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
db.pragma('synchronous = NORMAL');
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
    parentPort.postMessage({ error: String((error && error.code) || (error && error.message) || error) });
  }
});
`;

/**
 * How long after a write the checkpoint starts: the writes of that while are copied once, and the
 * file is flushed at most about once a second under steady writes (a quarter of a second made the
 * API suites a tenth slower, their writers waiting for the flushes).
 */
export const CHECKPOINT_DELAY_MS = 1000;

export interface Checkpointer {
  /** Says a write was committed: a checkpoint follows, unless one is already due. */
  wrote(): void;
  /** Ends the thread, once the checkpoint under way (if any) is done; what is written after is left to the file's closing. */
  close(): Promise<void>;
}

/** The process's writer turn: waited for, it answers the function that gives it back. */
export type TakeTurn = () => Promise<() => void>;

/**
 * The checkpoints of one file in this process, on one thread, started at the first write.
 * `onFailure` is told once, when the thread cannot checkpoint (it could not start, or SQLite
 * refused a checkpoint): the caller's connections then checkpoint themselves.
 */
export function createCheckpointer(file: string, takeTurn: TakeTurn, onFailure: (error: Error) => void, delayMs = CHECKPOINT_DELAY_MS): Checkpointer {
  let worker: Worker | undefined;
  let state: 'working' | 'failed' | 'closed' = 'working';
  let timer: NodeJS.Timeout | undefined;
  /** The checkpoint under way, and whether another is due once it ends (writes came meanwhile, or it left pages). */
  let running: Promise<void> | undefined;
  let isDueAgain = false;
  let answer: ((message: CheckpointResult | { error: string }) => void) | undefined;

  function stop() {
    clearTimeout(timer);
    timer = undefined;
    isDueAgain = false;
  }

  function fail(error: Error) {
    if (state !== 'working') return;
    state = 'failed';
    stop();
    answer?.({ error: error.message });
    void worker?.terminate();
    worker = undefined;
    onFailure(error);
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = new Worker(SCRIPT, { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    // The thread never keeps the process alive: a checkpoint cut short is taken up by the next opening.
    started.unref();
    started.on('message', (message: CheckpointResult | { error: string }) => answer?.(message));
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

  async function checkpoint(): Promise<void> {
    const leave = await takeTurn();
    try {
      if (state !== 'working') return;
      const message = await new Promise<CheckpointResult | { error: string }>((resolve) => {
        answer = resolve;
        thread().postMessage('checkpoint');
      });
      answer = undefined;
      if ('error' in message) fail(new Error(`The checkpoint of ${file} failed (${message.error}).`));
      else if (message.checkpointed < message.log) isDueAgain = true;
    } finally {
      leave();
    }
  }

  function schedule() {
    if (state !== 'working' || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      // Nothing it meets is thrown: a failure is told through `onFailure`, a writer turn not given is tried at the next write.
      running = checkpoint()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          if (isDueAgain) {
            isDueAgain = false;
            schedule();
          }
        });
    }, delayMs);
    timer.unref();
  }

  return {
    wrote() {
      if (running) isDueAgain = true;
      else schedule();
    },
    async close() {
      if (state === 'working') state = 'closed';
      stop();
      await running;
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
