// Sends each recruiter's digest on their day and local time while keepwarm runs. Every tick asks
// the pure schedule who is due this ISO week; the once-a-week guard in digest_runs makes a tick that
// comes twice, a restart, or a second process harmless. A keepwarm that was down at the slot sends
// when it is back within the same week.
import type { Logger } from '../log/logger.js';
import { isDigestDue } from '../core/digest-schedule.js';
import { markAbandonedSends } from './digest-runs.js';
import { sendDigest, type SendDigestDeps, type SendDigestResult } from './send-digest.js';

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DigestSchedulerOptions {
  deps: SendDigestDeps;
  logger: Logger;
  now: () => Date;
  timers?: SchedulerTimers;
  tickMs?: number;
}

export interface DigestScheduler {
  start(): void;
  stop(): Promise<void>;
  /** One pass: send every digest that is due now. */
  tick(): Promise<SendDigestResult[]>;
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const timers = options.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  const tickMs = options.tickMs ?? 60_000;
  const { db, config } = options.deps;
  let handle: unknown = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function tick(): Promise<SendDigestResult[]> {
    const now = options.now();
    const abandoned = await markAbandonedSends(db, now);
    if (abandoned > 0)
      options.logger.warn({ runs: abandoned }, 'digest sends interrupted by a stop are marked unknown, not resent');
    const recruiters = await db
      .selectFrom('recruiters')
      .select(['id', 'email', 'timezone', 'digest_day', 'digest_time'])
      .execute();
    const results: SendDigestResult[] = [];
    for (const recruiter of recruiters) {
      const schedule = {
        day: recruiter.digest_day,
        time: recruiter.digest_time,
        zone: recruiter.timezone ?? config.timezone,
      };
      if (!isDigestDue(now, schedule)) continue;
      const result = await sendDigest(options.deps, recruiter.id, { now });
      if (result.status !== 'already_claimed') {
        options.logger.info(
          { recruiter: recruiter.id, isoWeek: result.isoWeek, status: result.status },
          'weekly digest',
        );
      }
      results.push(result);
    }
    return results;
  }

  function schedule(): void {
    if (stopped) return;
    handle = timers.setTimeout(() => {
      running = tick()
        .catch((error: unknown) => options.logger.error({ err: error }, 'digest scheduler tick failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, tickMs);
  }

  return {
    start() {
      stopped = false;
      running = tick()
        .catch((error: unknown) => options.logger.error({ err: error }, 'digest scheduler tick failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    },
    async stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      await running;
    },
    tick,
  };
}
