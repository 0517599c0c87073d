// Malformed and hostile MIME: each message is logged or quarantined with a reason, the sync goes on to
// the next one, and the event loop is never blocked for a second (parsing runs in a worker with limits).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALICE, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { createSilentLogger } from '../../src/log/logger.js';

let world: SyncWorld;
const FROM =
  'From: Jane Roe <jane@candidates.example>\r\nTo: alice@agency.example\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n';

function hostile(): Record<string, string> {
  const parts = Array.from({ length: 10_000 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join(
    '',
  );
  let nested = 'Content-Type: text/plain\r\n\r\nthe innermost text\r\n';
  for (let i = 0; i < 100; i++)
    nested = `Content-Type: message/rfc822\r\n\r\nFrom: x${i}@mail.example\r\nSubject: level ${i}\r\n${nested}`;
  const manyAddresses = Array.from({ length: 200_000 }, (_, i) => `p${i}@mail.example`).join(', ');
  return {
    'missing boundary': `${FROM}Subject: missing boundary\r\nMessage-ID: <h1@x.example>\r\nContent-Type: multipart/mixed; boundary="open"\r\n\r\n--open\r\nContent-Type: text/plain\r\n\r\nno closing boundary\r\n`,
    '10,000 parts': `${FROM}Subject: ten thousand parts\r\nMessage-ID: <h2@x.example>\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`,
    '2 MB header': `${FROM}Subject: huge header\r\nMessage-ID: <h3@x.example>\r\nX-Filler: ${'a'.repeat(2 * 1024 * 1024)}\r\n\r\nbody\r\n`,
    '100 nested messages': `${FROM}Subject: nested\r\nMessage-ID: <h4@x.example>\r\n${nested}`,
    '200,000 recipients': `From: Jane Roe <jane@candidates.example>\r\nTo: alice@agency.example, ${manyAddresses}\r\nSubject: everyone\r\nMessage-ID: <h5@x.example>\r\n\r\nhello all\r\n`,
    'invalid charset': `${FROM}Subject: =?x-no-such-charset?Q?caf=E9?=\r\nMessage-ID: <h6@x.example>\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\ncaf\xe9\r\n`,
    'CR-only line endings': `${FROM}Subject: cr only\r\nMessage-ID: <h7@x.example>\r\n\r\nline one\rline two\r`.replace(
      /\r\n/g,
      '\r',
    ),
  };
}

beforeAll(async () => {
  world = await startSyncWorld();
  for (const raw of Object.values(hostile()))
    await world.bench.appendMessage(ALICE, 'INBOX', Buffer.from(raw, 'latin1'));
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'omar@candidates.example',
      to: ALICE,
      subject: 'After the storm',
      messageId: 'after@candidates.example',
    }),
  );
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

it('logs or quarantines every hostile message, goes on to the next, and keeps the event loop responsive', async () => {
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  const service = createSyncService({ db: opened.db, loaded, logger: createSilentLogger(), now: () => new Date() });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    const [result] = await service.syncOnce({ mailbox: 'alice' });
    delay.disable();
    expect(result!.errors).toEqual([]);
    const inbox = result!.folders.find((f) => f.folder === 'INBOX')!;
    const inFolder = await world.bench.doveadm('search', '-u', ALICE, 'mailbox', 'INBOX', 'all');
    expect(inbox.seen, inFolder).toBe(8);
    expect(inbox.logged + inbox.quarantined + inbox.ignored, JSON.stringify(inbox)).toBe(8);
    expect(delay.max / 1e6).toBeLessThan(1_000);
    const subjects = (await opened.db.selectFrom('interactions').select('subject').execute()).map((r) => r.subject);
    expect(subjects).toContain('After the storm');
    expect(subjects).toContain('cr only'); // bare CR line ends read as the sender meant them
    expect(await opened.db.selectFrom('unmatched_addresses').select('email').execute()).toEqual([]);
    const quarantined = await opened.db.selectFrom('quarantine').select(['reason', 'detail']).execute();
    for (const q of quarantined) expect(q.reason).toMatch(/\w/);
  } finally {
    delay.disable();
    await service.close();
    await opened.close();
  }
});
