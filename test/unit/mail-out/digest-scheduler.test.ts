// The scheduler on a fake clock: each recruiter's digest once per ISO week at their local time, across
// the US and EU daylight-saving weeks; retries after a failure before acceptance; never a second copy
// after an acceptance that was not recorded; two processes on one database send one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { openDatabase } from '../../../src/db/open-database.js';
import type { Database } from '../../../src/db/schema.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createDigestRenderer } from '../../../src/digest/render-digest.js';
import { createDigestScheduler } from '../../../src/mail-out/digest-scheduler.js';
import type { MailSender, OutgoingMail, SendOutcome } from '../../../src/mail-out/smtp-transport.js';
import { createSilentLogger } from '../../../src/log/logger.js';

let cli: CliWorkspace;
const config = parseConfig(
  {
    timezone: 'UTC',
    logAddress: 'log@agency.example',
    smtp: { host: '127.0.0.1', tls: 'none', from: 'keepwarm <keepwarm@agency.example>' },
  },
  {},
  'test',
  '/tmp',
);

class FakeSender implements MailSender {
  sent: { at: Date; mail: OutgoingMail }[] = [];
  next: SendOutcome[] = [];
  constructor(private readonly clock: () => Date) {}
  send(mail: OutgoingMail): Promise<SendOutcome> {
    const outcome = this.next.shift() ?? { status: 'accepted', response: '250 ok' };
    if (outcome.status === 'accepted') this.sent.push({ at: this.clock(), mail });
    return Promise.resolve(outcome);
  }
  close(): void {}
}

beforeEach(async () => {
  cli = createCliWorkspace();
  expect(
    (
      await cli.run(
        'recruiter',
        'add',
        '--email',
        'ny@agency.example',
        '--name',
        'New York',
        '--timezone',
        'America/New_York',
      )
    ).code,
  ).toBe(0);
  expect(
    (
      await cli.run(
        'recruiter',
        'add',
        '--email',
        'berlin@agency.example',
        '--name',
        'Berlin',
        '--timezone',
        'Europe/Berlin',
      )
    ).code,
  ).toBe(0);
});

afterEach(() => cli.remove());

async function withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const opened = openDatabase({ kind: 'sqlite', file: cli.dbFile });
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

/** Ticks a scheduler every `stepMinutes` from `from` to `to` on a fake clock. */
async function runClock(
  db: Kysely<Database>,
  sender: FakeSender,
  clock: { now: Date },
  from: string,
  to: string,
  stepMinutes = 15,
) {
  const scheduler = createDigestScheduler({
    deps: { db, config, renderer: createDigestRenderer(), sender, owner: 'a' },
    logger: createSilentLogger(),
    now: () => clock.now,
  });
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMinutes * 60_000) {
    clock.now = new Date(t);
    await scheduler.tick();
  }
}

describe('digest scheduler', () => {
  it.each([
    // US fall back on Sunday 1 Nov 2026, EU on Sunday 25 Oct: the Monday after each.
    // The clock starts on the Monday 05:00 UTC: a new week in both zones, before either slot (a start
    // earlier in the week would rightly catch up on the previous week's digest).
    [
      'the US fall-back week',
      '2026-11-02T05:00:00Z',
      '2026-11-08T23:00:00Z',
      '2026-11-02T13:00:00.000Z',
      '2026-11-02T07:00:00.000Z',
    ],
    [
      'the EU fall-back week',
      '2026-10-26T05:00:00Z',
      '2026-11-01T00:00:00Z',
      '2026-10-26T12:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ],
    [
      'the US spring-forward week',
      '2026-03-09T05:00:00Z',
      '2026-03-15T00:00:00Z',
      '2026-03-09T12:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
    ],
    [
      'the EU spring-forward week',
      '2026-03-30T05:00:00Z',
      '2026-04-05T00:00:00Z',
      '2026-03-30T12:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ],
  ])('sends once to each recruiter at 08:00 local time in %s', async (_name, from, to, nyAt, berlinAt) => {
    await withDb(async (db) => {
      const clock = { now: new Date(from) };
      const sender = new FakeSender(() => clock.now);
      await runClock(db, sender, clock, from, to);
      const byRecipient = (address: string) =>
        sender.sent.filter((s) => s.mail.to.address === address).map((s) => s.at.toISOString());
      expect(byRecipient('ny@agency.example')).toEqual([nyAt]);
      expect(byRecipient('berlin@agency.example')).toEqual([berlinAt]);
    });
  });

  it('catches up when keepwarm was down at the slot, within the same week only', async () => {
    await withDb(async (db) => {
      const clock = { now: new Date('2026-11-25T15:00:00Z') }; // Wednesday
      const sender = new FakeSender(() => clock.now);
      await runClock(db, sender, clock, '2026-11-25T15:00:00Z', '2026-11-25T15:00:00Z');
      expect(sender.sent).toHaveLength(2);
    });
  });

  it('retries a send that failed before the server accepted it, and delivers exactly one', async () => {
    await withDb(async (db) => {
      const clock = { now: new Date('2026-11-23T05:00:00Z') };
      const sender = new FakeSender(() => clock.now);
      const down: SendOutcome = { status: 'failed', code: 'smtp_transient', message: 'connect ECONNREFUSED' };
      sender.next = [down, down, down, down];
      await runClock(db, sender, clock, '2026-11-23T05:00:00Z', '2026-11-23T23:00:00Z', 5);
      expect(sender.sent.map((s) => s.mail.to.address).sort()).toEqual(['berlin@agency.example', 'ny@agency.example']);
      const runs = await db.selectFrom('digest_runs').select(['state', 'attempts']).execute();
      expect(runs.every((r) => r.state === 'sent')).toBe(true);
      expect(runs.reduce((n, r) => n + r.attempts, 0)).toBe(6);
    });
  });

  it('never sends a second copy when the process died after the server accepted it', async () => {
    await withDb(async (db) => {
      // A run left "sending" by a process that died mid-send.
      const ny = await db
        .selectFrom('recruiters')
        .select('id')
        .where('email', '=', 'ny@agency.example')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('digest_runs')
        .values({
          recruiter_id: ny.id,
          iso_week: '2026-W48',
          state: 'sending',
          attempts: 1,
          claimed_by: 'dead',
          created_at: '2026-11-23T13:00:00.000Z',
          updated_at: '2026-11-23T13:00:00.000Z',
        })
        .execute();
      const clock = { now: new Date('2026-11-23T13:05:00Z') };
      const sender = new FakeSender(() => clock.now);
      await runClock(db, sender, clock, '2026-11-23T13:05:00Z', '2026-11-29T23:00:00Z', 60);
      expect(sender.sent.map((s) => s.mail.to.address)).toEqual(['berlin@agency.example']);
      const run = await db
        .selectFrom('digest_runs')
        .select('state')
        .where('recruiter_id', '=', ny.id)
        .executeTakeFirstOrThrow();
      expect(run.state).toBe('unknown');
    });
  });
});
