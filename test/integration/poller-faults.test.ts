// The long-running poller under faults, on a scaled clock: a kicked IDLE connection reconnects and
// misses nothing; a changed password marks the mailbox failing and recovers without a restart; a
// server that accepts the login and drops the connection gets at most 30 logins per 10 minutes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, LOG, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { waitFor } from '../support/mail-bench.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { appendMany } from '../support/bulk-mail.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl, type OpenedDatabase } from '../../src/db/open-database.js';
import { createSyncService, type SyncService } from '../../src/sync/sync-service.js';
import { createMailboxPoller, type MailboxPoller } from '../../src/sync/mailbox-poller.js';
import { DEFAULT_BACKOFF, scaleBackoff } from '../../src/core/sync/backoff.js';
import { readMailboxStatus } from '../../src/sync/mailbox-status.js';
import { createSilentLogger } from '../../src/log/logger.js';
import type { MailboxConfig } from '../../src/config/config-schema.js';

/** 1 real millisecond stands for 100: ten minutes of backoff pass in six seconds. */
const SCALE = 0.01;
let world: SyncWorld;
let opened: OpenedDatabase;
let service: SyncService;
let poller: MailboxPoller | undefined;
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { batchSize: 25 } });
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  service = createSyncService({ db: opened.db, loaded, logger: createSilentLogger(), now: () => new Date() });
});

afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  await proxy?.close();
  proxy = undefined;
});

afterAll(async () => {
  await service?.close();
  await opened?.close();
  await world?.stop();
});

function logMailbox(port = world.bench.imapPort): MailboxConfig {
  return {
    name: 'log',
    role: 'log',
    host: '127.0.0.1',
    port,
    tls: 'none',
    user: LOG,
    pass: PASSWORD,
    folders: ['INBOX'],
  };
}

function startPoller(mailbox: MailboxConfig, extra: { onConnect?: () => void } = {}): MailboxPoller {
  const p = createMailboxPoller({
    mailbox,
    service,
    deps: { db: opened.db, logger: createSilentLogger(), now: () => new Date(), baseDir: world.cli.dir },
    pollIntervalMs: 3_600_000,
    idle: true,
    backoff: scaleBackoff(DEFAULT_BACKOFF, SCALE),
    healthyAfterMs: 60_000 * SCALE,
    ...(extra.onConnect ? { onPass: extra.onConnect } : {}),
  });
  p.start();
  return p;
}

const logged = (key: string) =>
  waitFor(
    async () =>
      (await opened.db.selectFrom('interactions').select('id').where('message_key', '=', key).executeTakeFirst()) !==
      undefined,
    { timeoutMs: 20_000, intervalMs: 100 },
  );

describe('mailbox poller', () => {
  it('reconnects after its IDLE connection is kicked and logs the mail that arrived meanwhile', async () => {
    poller = startPoller(logMailbox());
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({
        from: ALICE,
        to: 'jane@candidates.example',
        subject: 'Before the kick',
        messageId: 'kick-1@agency.example',
      }),
    );
    await logged('kick-1@agency.example');
    await world.bench.kick(LOG);
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({
        from: ALICE,
        to: 'jane@candidates.example',
        subject: 'After the kick',
        messageId: 'kick-2@agency.example',
      }),
    );
    await logged('kick-2@agency.example');
  });

  it('shows a changed password as failing, and recovers without a restart once it is restored', async () => {
    poller = startPoller(logMailbox());
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({ from: ALICE, to: 'omar@candidates.example', subject: 'Password 1', messageId: 'pw-1@agency.example' }),
    );
    await logged('pw-1@agency.example');
    await world.bench.setPassword(LOG, 'changed-elsewhere');
    await world.bench.kick(LOG);
    const config = loadConfig({ env: {}, cwd: world.cli.dir }).config;
    await waitFor(
      async () =>
        (await readMailboxStatus(opened.db, config, new Date())).mailboxes.find((m) => m.name === 'log')?.state ===
        'failing',
      { timeoutMs: 20_000 },
    );
    await world.bench.setPassword(LOG, PASSWORD);
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({ from: ALICE, to: 'omar@candidates.example', subject: 'Password 2', messageId: 'pw-2@agency.example' }),
    );
    await logged('pw-2@agency.example');
    await waitFor(
      async () =>
        (await readMailboxStatus(opened.db, config, new Date())).mailboxes.find((m) => m.name === 'log')?.state ===
        'ok',
      { timeoutMs: 20_000 },
    );
  });

  it('survives its connection being cut in the middle of a fetch, and misses nothing', async () => {
    const mails = Array.from({ length: 300 }, (_, i) =>
      message({
        from: ALICE,
        to: 'lena@candidates.example',
        subject: `Cut ${i}`,
        messageId: `cut-${i}@agency.example`,
      }),
    );
    await appendMany(
      { host: world.bench.host, port: world.bench.imapPort },
      { user: LOG, pass: PASSWORD },
      'INBOX',
      mails,
    );
    proxy = await startTcpProxy(world.bench.imapPort);
    poller = startPoller(logMailbox(proxy.port));
    const cutCount = async () =>
      (await opened.db.selectFrom('interactions').select('id').where('message_key', 'like', 'cut-%').execute()).length;
    // Cut every connection a few times while the batches are being fetched.
    for (let cut = 0; cut < 3; cut++) {
      await new Promise((r) => setTimeout(r, 150));
      proxy.cut();
    }
    await waitFor(async () => (await cutCount()) === 300, { timeoutMs: 60_000, intervalMs: 200 });
    expect(proxy.connections).toBeGreaterThan(1);
  });

  it('gets past a connection that stalls (no bytes either way) and logs the mail that came meanwhile', async () => {
    const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
    const quick = createSyncService({
      db: opened.db,
      loaded,
      logger: createSilentLogger(),
      now: () => new Date(),
      commandTimeoutMs: 400,
    });
    proxy = await startTcpProxy(world.bench.imapPort);
    const stalled = createMailboxPoller({
      mailbox: logMailbox(proxy.port),
      service: quick,
      deps: { db: opened.db, logger: createSilentLogger(), now: () => new Date(), baseDir: world.cli.dir },
      pollIntervalMs: 500, // the poll is what notices a stalled IDLE: its STATUS misses its deadline
      idle: true,
      backoff: scaleBackoff(DEFAULT_BACKOFF, SCALE),
      healthyAfterMs: 60_000 * SCALE,
    });
    poller = stalled;
    stalled.start();
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      proxy.setMode({ kind: 'stall' });
      await world.bench.appendMessage(
        LOG,
        'INBOX',
        message({
          from: ALICE,
          to: 'jane@candidates.example',
          subject: 'During the stall',
          messageId: 'stall-1@agency.example',
        }),
      );
      await new Promise((r) => setTimeout(r, 2_000));
      const connectionsDuringStall = proxy.connections;
      proxy.setMode({ kind: 'pass' });
      await logged('stall-1@agency.example');
      expect(connectionsDuringStall).toBeGreaterThan(1); // it gave up on the stalled connection and tried again
    } finally {
      await stalled.stop();
      poller = undefined;
      await quick.close();
    }
  });

  it('logs in at most 30 times in 10 (scaled) minutes against a server that drops every connection after login', async () => {
    proxy = await startTcpProxy(world.bench.imapPort, { kind: 'drop-after', ms: 150 });
    poller = startPoller(logMailbox(proxy.port));
    await new Promise((r) => setTimeout(r, 600_000 * SCALE));
    const logins = proxy.connections;
    await poller.stop();
    poller = undefined;
    expect(logins).toBeGreaterThan(3);
    expect(logins).toBeLessThanOrEqual(30);
  });
});
