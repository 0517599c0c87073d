// Erase means erased: after `keepwarm erase`, syncing every mailbox again from scratch does not bring
// the person back, puts them on no triage list, and their name and address are in no database file.
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALICE, LOG, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'Lena Fischer <lena@candidates.example>',
      to: ALICE,
      subject: 'Lena Fischer: my new certificate',
      messageId: 'lena-1@candidates.example',
      body: 'I just passed my CPA exam!',
    }),
  );
  await world.bench.appendMessage(
    ALICE,
    'Sent',
    message({
      from: ALICE,
      to: 'Lena Fischer <lena@candidates.example>',
      subject: 'Congratulations Lena Fischer',
      messageId: 'lena-2@agency.example',
    }),
  );
  await world.bench.appendMessage(
    LOG,
    'INBOX',
    message({
      from: ALICE,
      to: 'Lena Fischer <lena@candidates.example>',
      subject: 'Checking in',
      messageId: 'lena-3@agency.example',
    }),
  );
});

afterAll(async () => {
  await world?.stop();
});

function databaseBytes(): string {
  return ['', '-wal', '-shm']
    .map((suffix) => world.cli.dbFile + suffix)
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('');
}

it('does not bring an erased person back when the mailboxes are synced again from scratch', async () => {
  expect((await world.sync()).code).toBe(0);
  const before = await world.cli.withDb((db) =>
    db.selectFrom('interactions').select('id').where('message_key', 'like', 'lena-%').execute(),
  );
  expect(before).toHaveLength(3);
  expect(databaseBytes()).toContain('lena@candidates.example');

  const erased = await world.cli.run('erase', 'lena@candidates.example', '--yes');
  expect(erased.code, erased.stderr).toBe(0);
  // Forget every position: the next pass reads every message again.
  await world.cli.withDb((db) => db.deleteFrom('mailbox_positions').execute());
  const resync = await world.sync();
  expect(resync.code, resync.stderr).toBe(0);

  const after = await world.cli.withDb(async (db) => ({
    interactions: await db.selectFrom('interactions').select('id').where('message_key', 'like', 'lena-%').execute(),
    unmatched: await db
      .selectFrom('unmatched_addresses')
      .select('email')
      .where('email_key', '=', 'lena@candidates.example')
      .execute(),
    candidates: await db.selectFrom('candidates').select('id').where('name', '=', 'Lena Fischer').execute(),
  }));
  expect(after).toEqual({ interactions: [], unmatched: [], candidates: [] });
  await world.cli.withDb(async (db) => {
    const { sql } = await import('kysely');
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  });
  const bytes = databaseBytes();
  expect(bytes).not.toContain('lena@candidates.example');
  expect(bytes).not.toContain('Lena Fischer');
});
