// The keepwarm process killed with SIGKILL at random points of a 2,000-message sync, again and again:
// the final database equals one clean run (same interactions, same positions, no duplicates, no gaps).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALICE, LOG, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { appendMany } from '../support/bulk-mail.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/keepwarm.js');
const TOTAL = 2_000;
const KILLS = 22;
const CANDIDATES = [
  'jane@candidates.example',
  'omar@candidates.example',
  'lena@candidates.example',
  'maria.garcia@candidates.example',
];
let world: SyncWorld;

/** A seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { batchSize: 50 } });
  const inbox = Array.from({ length: TOTAL / 2 }, (_, i) =>
    message({
      from: CANDIDATES[i % 4]!,
      to: ALICE,
      subject: `Reply ${i}`,
      messageId: `kill-in-${i}@candidates.example`,
    }),
  );
  const log = Array.from({ length: TOTAL / 2 }, (_, i) =>
    message({
      from: ALICE,
      to: CANDIDATES[i % 4]!,
      subject: `Check-in ${i}`,
      messageId: `kill-out-${i}@agency.example`,
    }),
  );
  await appendMany(
    { host: world.bench.host, port: world.bench.imapPort },
    { user: ALICE, pass: PASSWORD },
    'INBOX',
    inbox,
  );
  await appendMany({ host: world.bench.host, port: world.bench.imapPort }, { user: LOG, pass: PASSWORD }, 'INBOX', log);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

function killedSync(killAtCommit: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sync', '--once'], {
      cwd: world.cli.dir,
      env: { ...process.env, KEEPWARM_LOG_LEVEL: 'silent', KEEPWARM_TEST_KILL_BEFORE_COMMIT: String(killAtCommit) },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

async function state() {
  return world.cli.withDb(async (db) => ({
    interactions: (
      await db
        .selectFrom('interactions')
        .select(['message_key', 'candidate_id', 'direction'])
        .orderBy('message_key')
        .execute()
    ).map((r) => `${r.message_key}:${r.candidate_id}:${r.direction}`),
    sources: (
      await db
        .selectFrom('interaction_sources')
        .select(['mailbox', 'folder', 'uid'])
        .orderBy('mailbox')
        .orderBy('folder')
        .orderBy('uid')
        .execute()
    ).map((r) => `${r.mailbox}/${r.folder}/${r.uid}`),
    positions: (
      await db
        .selectFrom('mailbox_positions')
        .select(['mailbox', 'folder', 'last_uid'])
        .orderBy('mailbox')
        .orderBy('folder')
        .execute()
    ).map((r) => `${r.mailbox}/${r.folder}:${r.last_uid}`),
  }));
}

it(`ends where one clean run ends after ${KILLS} SIGKILLs at random commits`, async () => {
  const random = prng(20261127);
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const signal = await killedSync(1 + Math.floor(random() * 4));
    if (signal === 'SIGKILL') killed++;
  }
  expect(killed).toBeGreaterThanOrEqual(20);
  expect((await world.sync()).code).toBe(0);
  const afterKills = await state();

  // The clean run: forget everything mail-related and sync once.
  await world.cli.withDb(async (db) => {
    await db.deleteFrom('interactions').execute();
    await db.deleteFrom('mailbox_positions').execute();
    await db.deleteFrom('unmatched_addresses').execute();
  });
  expect((await world.sync()).code).toBe(0);
  const clean = await state();

  expect(afterKills.interactions).toHaveLength(TOTAL);
  expect(new Set(afterKills.interactions).size).toBe(TOTAL);
  expect(afterKills).toEqual(clean);
}, 600_000);
