// The folder sync fetches the next batches' headers while it decides the current one. The look-ahead
// must stay bounded, hand results out in order, and start nothing new once the caller stops asking.
import { describe, expect, it } from 'vitest';
import { createLookahead } from '../../../src/sync/lookahead.js';

function deferredJobs(count: number) {
  const started: number[] = [];
  const settle: ((value: number) => void)[] = [];
  const fail: ((error: Error) => void)[] = [];
  const jobs = Array.from({ length: count }, (_, i) => () => {
    started.push(i);
    return new Promise<number>((resolve, reject) => {
      settle[i] = resolve;
      fail[i] = reject;
    });
  });
  return { jobs, started, settle, fail };
}

describe('lookahead', () => {
  it('starts the asked-for job and at most `depth` after it, and hands results out in order', async () => {
    const { jobs, started, settle } = deferredJobs(5);
    const ahead = createLookahead(jobs, 2);
    expect(started).toEqual([]);
    const first = ahead.next();
    expect(started).toEqual([0, 1, 2]);
    settle[2]!(20);
    settle[0]!(0);
    expect(await first).toBe(0);
    const second = ahead.next();
    expect(started).toEqual([0, 1, 2, 3]);
    settle[1]!(10);
    expect(await second).toBe(10);
    expect(await ahead.next()).toBe(20);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('starts nothing more once the caller stops asking (a batch that failed to commit)', async () => {
    const { jobs, started, settle } = deferredJobs(10);
    const ahead = createLookahead(jobs, 1);
    const first = ahead.next();
    settle[0]!(0);
    await first;
    // The caller's batch 0 fails here and it stops: only batch 1 was fetched ahead.
    settle[1]!(1);
    await ahead.settle();
    expect(started).toEqual([0, 1]);
    expect(ahead.started).toBe(2);
  });

  it('keeps a job that fails ahead of time from being an unhandled rejection, and reports it when asked for', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { jobs, settle, fail } = deferredJobs(3);
      const ahead = createLookahead(jobs, 2);
      const first = ahead.next();
      fail[1]!(new Error('connection closed'));
      fail[2]!(new Error('connection closed'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      settle[0]!(0);
      expect(await first).toBe(0);
      await expect(ahead.next()).rejects.toThrow('connection closed');
      await ahead.settle();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('turns a job that throws as it starts into a rejection of that job', async () => {
    const ahead = createLookahead<number>(
      [
        async () => 1,
        () => {
          throw new Error('no mailbox selected');
        },
      ],
      1,
    );
    expect(await ahead.next()).toBe(1);
    await expect(ahead.next()).rejects.toThrow('no mailbox selected');
  });

  it('settles at once when nothing runs ahead', async () => {
    const ahead = createLookahead<number>([], 2);
    await ahead.settle();
    await expect(ahead.next()).rejects.toThrow(/no jobs left/);
  });
});
