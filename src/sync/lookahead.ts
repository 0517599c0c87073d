// Runs a list of async jobs in order while keeping a few of the next ones already started: the folder
// sync fetches the next batches' headers while it decides the current batch, so the server's time and
// ours overlap instead of adding up (bench P1). Nothing new starts once the caller stops asking, so a
// batch that fails to commit ends the look-ahead; settle() waits for what is still running.

export interface Lookahead<T> {
  /** The next job's result; starts it (if it is not running yet) and up to `depth` jobs after it. */
  next(): Promise<T>;
  /** Resolves once every job started ahead (and not handed out) has finished, whether it succeeded or not. */
  settle(): Promise<void>;
  /** How many jobs have been started so far. */
  readonly started: number;
}

export function createLookahead<T>(jobs: readonly (() => Promise<T>)[], depth: number): Lookahead<T> {
  // Only the jobs not handed out yet: a finished batch's result must not stay in memory to the end.
  const running: Promise<T>[] = [];
  let started = 0;

  function start(): void {
    const job = jobs[started++]!;
    let promise: Promise<T>;
    try {
      promise = job();
    } catch (error) {
      promise = Promise.reject(error);
    }
    // A job that fails while an earlier one is still being consumed must not count as unhandled: the
    // failure reaches the caller when it asks for that job.
    promise.catch(() => undefined);
    running.push(promise);
  }

  return {
    next() {
      if (running.length === 0 && started >= jobs.length) return Promise.reject(new Error('lookahead: no jobs left'));
      if (running.length === 0) start();
      const current = running.shift()!;
      while (running.length < depth && started < jobs.length) start();
      return current;
    },
    async settle() {
      await Promise.allSettled(running);
    },
    get started() {
      return started;
    },
  };
}
