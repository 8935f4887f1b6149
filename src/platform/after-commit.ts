/**
 * Work a request starts once its transaction has committed and does not wait for: what the
 * committed records already imply and what a later read would do anyway if it were lost (a
 * certification's signed credential, which its first reader issues when missing), and an import's
 * run, which a closing server first tells to stop. A failure is reported, never thrown at the
 * request that started it. Before the database closes, the process
 * waits for what is still running (`settled`), so no work is cut off halfway.
 */
export interface AfterCommit {
  /** Starts `task` now, in the background. */
  run(task: () => Promise<unknown>): void;
  /** Settles once everything started so far, and anything it started, has finished. */
  settled(): Promise<void>;
}

export function createAfterCommit(onError: (error: unknown) => void): AfterCommit {
  const running = new Set<Promise<void>>();
  return {
    run(task) {
      // Once the current turn of the event loop is over: the request that started it answers first.
      const done: Promise<void> = new Promise((resolve) => setImmediate(resolve))
        .then(task)
        .then(() => undefined)
        .catch((error: unknown) => onError(error))
        .finally(() => running.delete(done));
      running.add(done);
    },
    async settled() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
