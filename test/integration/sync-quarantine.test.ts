// One message that cannot be parsed is quarantined with its reason and the batch goes on; it is
// retried on later passes and, after failing three times, never again automatically.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { ALICE, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { factsFromParsedMail } from '../../src/core/mail/facts-from-parsed.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'jane@candidates.example',
      to: ALICE,
      subject: 'Before',
      messageId: 'q-before@candidates.example',
    }),
  );
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'jane@candidates.example',
      to: ALICE,
      subject: 'POISON',
      messageId: 'q-poison@candidates.example',
    }),
  );
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({ from: 'omar@candidates.example', to: ALICE, subject: 'After', messageId: 'q-after@candidates.example' }),
  );
});

afterAll(async () => {
  await world?.stop();
});

it('quarantines a message the parser fails on, logs the rest, and gives up after three attempts', async () => {
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  let poisonParses = 0;
  const parse = async (source: Buffer | string) => {
    if (source.toString().includes('Subject: POISON')) {
      poisonParses++;
      throw new Error('boom: unparseable MIME');
    }
    return factsFromParsedMail(await simpleParser(source));
  };
  try {
    const service = createSyncService({
      db: opened.db,
      loaded,
      logger: createSilentLogger(),
      now: () => new Date(),
      parse,
    });
    for (let pass = 0; pass < 5; pass++) await service.syncOnce({ mailbox: 'alice' });
    const quarantined = await opened.db
      .selectFrom('quarantine')
      .select(['reason', 'attempts', 'detail', 'subject'])
      .execute();
    expect(quarantined).toEqual([
      { reason: 'parse_failed', attempts: 3, detail: 'boom: unparseable MIME', subject: 'POISON' },
    ]);
    expect(poisonParses).toBe(3);
    const logged = await opened.db.selectFrom('interactions').select('subject').orderBy('subject').execute();
    expect(logged.map((r) => r.subject)).toEqual(['After', 'Before']);
  } finally {
    await opened.close();
  }
});
