// The folder sync fetches the next batches' headers while it decides the current one. That must change
// nothing about what is logged: each batch commits with its position before the next is screened, a
// batch whose commit fails ends the pass with the position at the last committed batch, and only a
// bounded number of header batches was fetched ahead of it.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { appendMany } from '../support/bulk-mail.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { imapFlowOptions } from '../../src/sync/imap-connection.js';
import { resolveFolders } from '../../src/sync/sync-mailbox.js';
import { createSilentLogger } from '../../src/log/logger.js';

const TOTAL = 60;
const BATCH = 10;
const THREAD_ROOT_UID = 25; // in the third batch (21-30), whose commit fails the first time
const THREAD_REPLY_UID = 35; // in the fourth, fetched ahead but never screened before the failure
let world: SyncWorld;

/** UID n (1-based): odd UIDs are Jane's replies (logged), even ones strangers (triage only). */
function mailFor(uid: number): string {
  if (uid === THREAD_ROOT_UID)
    return message({
      from: 'jane@candidates.example',
      to: ALICE,
      subject: 'Thread root',
      messageId: 'lookahead-root@candidates.example',
    });
  // From an address the library does not know: only the thread says it is Jane's.
  if (uid === THREAD_REPLY_UID) {
    return message({
      from: 'jane.new-job@elsewhere.example',
      to: ALICE,
      subject: 'Re: Thread root',
      messageId: 'lookahead-reply@elsewhere.example',
      inReplyTo: 'lookahead-root@candidates.example',
    });
  }
  return uid % 2 === 1
    ? message({
        from: 'jane@candidates.example',
        to: ALICE,
        subject: `Reply ${uid}`,
        messageId: `lookahead-${uid}@candidates.example`,
      })
    : message({
        from: `vendor${uid}@vendors.example`,
        to: ALICE,
        subject: `Offer ${uid}`,
        messageId: `lookahead-${uid}@vendors.example`,
      });
}

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { batchSize: BATCH } });
  const mails = Array.from({ length: TOTAL }, (_, i) => mailFor(i + 1));
  await appendMany(
    { host: world.bench.host, port: world.bench.imapPort },
    { user: ALICE, pass: PASSWORD },
    'INBOX',
    mails,
  );
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

async function state() {
  return world.cli.withDb(async (db) => {
    const logged = await db
      .selectFrom('interaction_sources')
      .innerJoin('interactions', 'interactions.id', 'interaction_sources.interaction_id')
      .select(['interaction_sources.uid', 'interactions.message_key'])
      .where('interaction_sources.mailbox', '=', 'alice')
      .execute();
    const position = await db
      .selectFrom('mailbox_positions')
      .select('last_uid')
      .where('mailbox', '=', 'alice')
      .where('folder', '=', 'INBOX')
      .executeTakeFirst();
    const triage = await db
      .selectFrom('unmatched_addresses')
      .select(['email_key', 'message_count'])
      .where('email_key', 'like', '%@vendors.example')
      .execute();
    return {
      uids: logged.map((l) => Number(l.uid)).sort((a, b) => a - b),
      keys: logged.map((l) => l.message_key),
      position: position?.last_uid ?? 0,
      triage,
    };
  });
}

describe('header look-ahead', () => {
  it('stops at a batch whose commit fails: the position stays at the last committed batch, and few headers were fetched ahead', async () => {
    const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
    const mailbox = { ...loaded.config.mailboxes.find((m) => m.name === 'alice')!, folders: ['INBOX'] };
    const sent: string[] = [];
    const imapLogger = {
      debug: (entry: { src?: string; msg?: string }) =>
        void (entry.src === 'c' && entry.msg ? sent.push(entry.msg) : undefined),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    const client = new ImapFlow(
      imapFlowOptions(mailbox, { baseDir: loaded.baseDir, logger: createSilentLogger(), imapLogger }),
    );
    client.on('error', () => undefined);
    await client.connect();
    const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
    let commits = 0;
    try {
      const service = createSyncService({
        db: opened.db,
        loaded,
        logger: createSilentLogger(),
        now: () => new Date(),
        beforeCommit: () => {
          if (++commits === 3) throw new Error('disk full');
        },
      });
      const { folders } = await resolveFolders(client, mailbox);
      const result = await service.syncWithClient(mailbox, { client, folders });
      await service.close();
      expect(result.errors.map((e) => e.message)).toEqual([expect.stringContaining('disk full')]);
    } finally {
      await client.logout().catch(() => client.close());
      await opened.close();
    }

    const after = await state();
    expect(after.position).toBe(2 * BATCH);
    expect(after.uids).toEqual(Array.from({ length: BATCH }, (_, i) => 2 * i + 1)); // Jane's replies in UIDs 1-20
    // Three batches were decided; at most two more had their headers on the wire, none past them.
    const headerFetches = sent.filter((line) => /BODY\.PEEK\[HEADER\]/.test(line));
    expect(headerFetches.length).toBeGreaterThanOrEqual(3);
    expect(headerFetches.length).toBeLessThanOrEqual(5);
    const fetchedUids = headerFetches.flatMap((line) =>
      (/FETCH ([\d,:]+)/.exec(line)?.[1] ?? '').split(',').map(Number),
    );
    expect(Math.max(...fetchedUids)).toBeLessThanOrEqual(5 * BATCH);
  });

  it('then ends exactly as a clean run, and a reply in the next batch matches the thread its parent just logged', async () => {
    const result = await world.sync('--mailbox', 'alice');
    expect(result.code, result.stderr).toBe(0);
    const after = await state();
    const janes = Array.from({ length: TOTAL }, (_, i) => i + 1).filter(
      (uid) => uid % 2 === 1 || uid === THREAD_REPLY_UID,
    );
    expect(after.uids).toEqual(janes);
    expect(new Set(after.keys).size).toBe(after.keys.length);
    expect(after.keys).toContain('lookahead-reply@elsewhere.example');
    expect(after.position).toBe(TOTAL);
    // Each stranger once on the triage list, the failed batch's included once, not twice.
    const strangers = Array.from({ length: TOTAL }, (_, i) => i + 1).filter(
      (uid) => uid % 2 === 0 && uid !== THREAD_REPLY_UID && uid !== THREAD_ROOT_UID,
    );
    expect(after.triage.length).toBe(strangers.length);
    expect(after.triage.every((t) => t.message_count === 1)).toBe(true);
  });
});
