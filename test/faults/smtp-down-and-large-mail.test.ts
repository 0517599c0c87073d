// SMTP down at digest time: the send fails before acceptance, is retried with backoff, and exactly one
// digest arrives once Postfix is back. A 50 MB message is logged from its headers, body truncated, with
// the process's memory growing by far less than the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { ALICE, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { waitFor } from '../support/mail-bench.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSmtpSender } from '../../src/mail-out/smtp-transport.js';
import { createDigestRenderer } from '../../src/digest/render-digest.js';
import { createDigestScheduler } from '../../src/mail-out/digest-scheduler.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { createSilentLogger } from '../../src/log/logger.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({
    smtp: { host: '127.0.0.1', port: world.bench.smtpPort, tls: 'none', from: 'keepwarm <keepwarm@agency.example>' },
  });
});

afterAll(async () => {
  await world?.stop();
});

async function digestCount(): Promise<number> {
  const client = new ImapFlow({
    host: world.bench.host,
    port: world.bench.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: ALICE, pass: PASSWORD },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    let n = 0;
    for await (const m of client.fetch('1:*', { envelope: true }))
      if (m.envelope?.from?.[0]?.address === 'keepwarm@agency.example') n++;
    return n;
  } catch {
    return 0; // an empty INBOX
  } finally {
    await client.logout();
  }
}

describe('digest with SMTP down', () => {
  it('retries with backoff and delivers exactly one digest once SMTP is back', async () => {
    const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
    const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
    const sender = createSmtpSender(loaded.config.smtp!, loaded.baseDir);
    const clock = { now: new Date('2026-11-23T09:00:00Z') };
    const scheduler = createDigestScheduler({
      deps: { db: opened.db, config: loaded.config, renderer: createDigestRenderer(), sender, owner: 'faults' },
      logger: createSilentLogger(),
      now: () => clock.now,
    });
    try {
      await world.bench.stopPostfix();
      const down = await scheduler.tick();
      expect(down.map((r) => r.status)).toEqual(['failed', 'failed']);
      clock.now = new Date('2026-11-23T09:02:00Z'); // before the 5-minute retry: nothing is tried
      expect(await scheduler.tick()).toEqual(
        expect.arrayContaining([expect.objectContaining({ status: 'already_claimed' })]),
      );
      await world.bench.startPostfix();
      clock.now = new Date('2026-11-23T09:06:00Z');
      expect((await scheduler.tick()).map((r) => r.status)).toEqual(['sent', 'sent']);
      clock.now = new Date('2026-11-23T10:00:00Z');
      expect((await scheduler.tick()).every((r) => r.status === 'already_claimed')).toBe(true);
      await waitFor(async () => (await digestCount()) === 1, { timeoutMs: 20_000 });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await digestCount()).toBe(1);
    } finally {
      sender.close();
      await opened.close();
    }
  });
});

describe('a 50 MB message', () => {
  it('is logged from its headers with the body truncated, and memory stays bounded', async () => {
    const body = `${'Portfolio line of text for a very large attachment-like body.\r\n'.repeat(800_000)}`;
    const raw = message({
      from: 'jane@candidates.example',
      to: ALICE,
      subject: 'Huge portfolio',
      messageId: 'huge@candidates.example',
      body,
    });
    expect(raw.length).toBeGreaterThan(50_000_000);
    await world.bench.appendMessage(ALICE, 'INBOX', raw);
    const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
    const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
    const service = createSyncService({ db: opened.db, loaded, logger: createSilentLogger(), now: () => new Date() });
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const [result] = await service.syncOnce({ mailbox: 'alice' });
      expect(result!.errors).toEqual([]);
      const row = await opened.db
        .selectFrom('interactions')
        .select(['subject', 'truncated', 'snippet'])
        .where('message_key', '=', 'huge@candidates.example')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ subject: 'Huge portfolio', truncated: 1, snippet: '' });
      expect((peak - before) / 1024 / 1024).toBeLessThan(200);
    } finally {
      clearInterval(sampler);
      await service.close();
      await opened.close();
    }
  });
});
