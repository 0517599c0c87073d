// An idle poll costs the same few IMAP commands whatever the folder's size: the position is checked
// with one STATUS (UIDNEXT, UIDVALIDITY, HIGHESTMODSEQ) and nothing else runs when nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { ALICE, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { appendMany } from '../support/bulk-mail.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { imapFlowOptions } from '../../src/sync/imap-connection.js';
import { resolveFolders } from '../../src/sync/sync-mailbox.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { imapCommandLog } from '../support/imap-command-log.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  const newsletter = (i: number) =>
    message({
      from: `news${i % 7}@mail.example`,
      to: ALICE,
      subject: `Update ${i}`,
      headers: { 'List-Id': '<news.mail.example>' },
    });
  await appendMany(
    { host: world.bench.host, port: world.bench.imapPort },
    { user: ALICE, pass: PASSWORD },
    'Small',
    Array.from({ length: 20 }, (_, i) => newsletter(i)),
  );
  await appendMany(
    { host: world.bench.host, port: world.bench.imapPort },
    { user: ALICE, pass: PASSWORD },
    'Large',
    Array.from({ length: 2000 }, (_, i) => newsletter(i)),
  );
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

async function commandsForIdlePoll(folderName: string): Promise<string[]> {
  world.configure({ mailboxes: [] });
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  const mailbox = {
    name: 'alice',
    role: 'recruiter' as const,
    recruiter: ALICE,
    host: world.bench.host,
    port: world.bench.imapPort,
    tls: 'none' as const,
    user: ALICE,
    pass: PASSWORD,
    folders: [folderName],
  };
  const { commands, logger: imapLogger } = imapCommandLog();
  const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  const client = new ImapFlow(
    imapFlowOptions(mailbox, { baseDir: loaded.baseDir, logger: createSilentLogger(), imapLogger }),
  );
  client.on('error', () => undefined);
  await client.connect();
  try {
    const service = createSyncService({ db: opened.db, loaded, logger: createSilentLogger(), now: () => new Date() });
    const { folders } = await resolveFolders(client, mailbox);
    const first = await service.syncWithClient(mailbox, { client, folders });
    expect(first.errors).toEqual([]);
    commands.length = 0;
    const idle = await service.syncWithClient(mailbox, { client, folders });
    expect(idle.folders[0]).toMatchObject({ seen: 0 });
    return [...commands];
  } finally {
    await client.logout();
    await opened.close();
  }
}

describe('an idle poll', () => {
  it('sends at most 3 IMAP commands, the same at 20 and at 2,000 messages', async () => {
    const small = await commandsForIdlePoll('Small');
    const large = await commandsForIdlePoll('Large');
    expect(small.length).toBeLessThanOrEqual(3);
    expect(large).toEqual(small);
    expect(large).toContain('STATUS');
  });
});
