// keepwarm start keeps an IDLE connection on the log INBOX: a candidate reply delivered through the
// real Postfix is logged within seconds, without waiting for the poll interval.
import { afterAll, beforeAll, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { ALICE, LOG, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { waitFor } from '../support/mail-bench.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startKeepwarm, type RunningKeepwarm } from '../../src/app/start-keepwarm.js';
import { createSilentLogger } from '../../src/log/logger.js';

let world: SyncWorld;
let running: RunningKeepwarm | undefined;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { pollIntervalSeconds: 3600 } }); // only IDLE can explain a quick log
});

afterAll(async () => {
  await running?.stop();
  await world?.stop();
});

it('logs mail delivered to the log mailbox within seconds through IDLE', async () => {
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  running = await startKeepwarm({ loaded, logger: createSilentLogger(), now: () => new Date(), listen: '127.0.0.1:0' });
  // Let the first pass finish and IDLE begin.
  await waitFor(
    () =>
      world.cli.withDb(
        async (db) =>
          (await db
            .selectFrom('mailbox_positions')
            .select('mailbox')
            .where('mailbox', '=', 'log')
            .executeTakeFirst()) !== undefined,
      ),
    { timeoutMs: 15_000 },
  );
  await new Promise((r) => setTimeout(r, 1_500));

  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: world.bench.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const sentAt = Date.now();
  await transport.sendMail({
    envelope: { from: ALICE, to: [LOG] },
    raw: message({
      from: ALICE,
      to: 'jane@candidates.example',
      subject: 'Quick question',
      messageId: 'idle-1@agency.example',
    }),
  });
  await waitFor(
    () =>
      world.cli.withDb(
        async (db) =>
          (await db
            .selectFrom('interactions')
            .select('id')
            .where('message_key', '=', 'idle-1@agency.example')
            .executeTakeFirst()) !== undefined,
      ),
    { timeoutMs: 10_000, intervalMs: 100 },
  );
  expect(Date.now() - sentAt).toBeLessThan(10_000);
});
