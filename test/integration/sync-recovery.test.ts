// The sync loses nothing and duplicates nothing when things go wrong: the process killed between
// fetching a batch and committing it, Dovecot restarted mid-sync, and a changed UIDVALIDITY.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { appendMany } from '../support/bulk-mail.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSyncService } from '../../src/sync/sync-service.js';
import { createSilentLogger } from '../../src/log/logger.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/keepwarm.js');
const CANDIDATES = ['jane@candidates.example', 'omar@candidates.example', 'lena@candidates.example'];
const TOTAL = 240;
let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { batchSize: 40 } });
  const mails = Array.from({ length: TOTAL }, (_, i) =>
    message({
      from: CANDIDATES[i % 3]!,
      to: ALICE,
      subject: `Reply ${i}`,
      messageId: `recovery-${i}@candidates.example`,
      date: `Mon, 2 Nov 2026 ${String(8 + (i % 10)).padStart(2, '0')}:00:00 +0000`,
    }),
  );
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

async function loggedState() {
  return world.cli.withDb(async (db) => {
    const interactions = await db
      .selectFrom('interactions')
      .select(['message_key', 'candidate_id'])
      .where('message_key', 'like', 'recovery-%')
      .execute();
    const sources = await db
      .selectFrom('interaction_sources')
      .innerJoin('interactions', 'interactions.id', 'interaction_sources.interaction_id')
      .select(['interaction_sources.uid'])
      .where('message_key', 'like', 'recovery-%')
      .execute();
    const position = await db
      .selectFrom('mailbox_positions')
      .selectAll()
      .where('mailbox', '=', 'alice')
      .where('folder', '=', 'INBOX')
      .executeTakeFirst();
    return {
      keys: new Set(interactions.map((i) => i.message_key)),
      interactions: interactions.length,
      sources: sources.length,
      position,
    };
  });
}

function runKilledSync(killAtCommit: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sync', '--once', '--mailbox', 'alice'], {
      cwd: world.cli.dir,
      env: { ...process.env, KEEPWARM_LOG_LEVEL: 'silent', KEEPWARM_TEST_KILL_BEFORE_COMMIT: String(killAtCommit) },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('crash safety', () => {
  it('ends with every message logged exactly once after the process is killed between fetch and commit, again and again', async () => {
    for (const commit of [2, 1, 3]) expect(await runKilledSync(commit)).toBe('SIGKILL');
    const partial = await loggedState();
    expect(partial.interactions).toBeGreaterThan(0);
    expect(partial.interactions).toBeLessThan(TOTAL);
    expect((await world.sync('--mailbox', 'alice')).code).toBe(0);
    const final = await loggedState();
    expect(final.interactions).toBe(TOTAL);
    expect(final.keys.size).toBe(TOTAL);
    expect(final.sources).toBe(TOTAL);
    expect(final.position?.last_uid).toBe(TOTAL);
  });

  it('resumes after Dovecot is restarted in the middle of a sync, with nothing lost or doubled', async () => {
    // Start from scratch for this folder so there is a sync to interrupt.
    await world.cli.withDb(async (db) => {
      await db.deleteFrom('interactions').where('message_key', 'like', 'recovery-%').execute();
      await db.deleteFrom('mailbox_positions').execute();
    });
    const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
    const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
    let commits = 0;
    try {
      const service = createSyncService({
        db: opened.db,
        loaded,
        logger: createSilentLogger(),
        now: () => new Date(),
        beforeCommit: async () => {
          if (++commits === 2) await world.bench.stopDovecot();
        },
      });
      const interrupted = await service.syncOnce({ mailbox: 'alice' });
      expect(interrupted[0]!.errors.length).toBeGreaterThan(0);
      const status = await world.cli.run('status', '--json');
      expect(JSON.parse(status.stdout).mailboxes.find((m: { name: string }) => m.name === 'alice').state).toBe(
        'failing',
      );
    } finally {
      await opened.close();
      await world.bench.startDovecot();
    }
    const partial = await loggedState();
    expect(partial.interactions).toBe(80); // two committed batches of 40
    expect((await world.sync('--mailbox', 'alice')).code).toBe(0);
    const final = await loggedState();
    expect(final.interactions).toBe(TOTAL);
    expect(final.sources).toBe(TOTAL);
  });

  it('logs nothing new when UIDVALIDITY changes, and keeps every source under the new UIDVALIDITY', async () => {
    const before = await loggedState();
    await world.bench.doveadm('mailbox', 'update', '-u', ALICE, '--uid-validity', '12345', 'INBOX');
    const result = await world.sync('--mailbox', 'alice');
    expect(result.code, result.stderr).toBe(0);
    const inbox = result.json.mailboxes[0]!.folders.find((f) => f.folder === 'INBOX')!;
    expect(inbox).toMatchObject({ logged: 0, duplicates: TOTAL });
    const after = await loggedState();
    expect(after.interactions).toBe(before.interactions);
    expect(after.sources).toBe(TOTAL);
    expect(after.position?.uidvalidity).toBe('12345');
  });
});
