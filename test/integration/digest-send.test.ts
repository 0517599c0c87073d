// The weekly digest end to end: candidates and real mail in Dovecot, synced; the digest sent through
// the real Postfix and read back over IMAP from the recruiter's INBOX. Exactly once a week.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { ALICE, BOB, LOG, PASSWORD, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';
import { waitFor } from '../support/mail-bench.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSmtpSender } from '../../src/mail-out/smtp-transport.js';
import { createDigestRenderer } from '../../src/digest/render-digest.js';
import { sendDigest, type SendDigestDeps } from '../../src/mail-out/send-digest.js';

let world: SyncWorld;
const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/keepwarm.js');

function cliProcess(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: world.cli.dir,
      env: { ...process.env, KEEPWARM_LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}
const NOW = new Date('2026-11-30T14:00:00Z'); // Monday of ISO week 2026-W49, after 08:00 in UTC

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({
    smtp: { host: '127.0.0.1', port: world.bench.smtpPort, tls: 'none', from: 'keepwarm <keepwarm@agency.example>' },
  });
  // Jane asked Alice a question five days ago and has had no answer; its subject carries markup.
  await world.bench.appendMessage(
    ALICE,
    'INBOX',
    message({
      from: 'Jane Roe <jane@candidates.example>',
      to: ALICE,
      subject: 'Question <script>alert(1)</script> about Acme',
      date: 'Wed, 25 Nov 2026 10:00:00 +0000',
      messageId: 'digest-q@candidates.example',
      body: 'Is the role still open?',
    }),
  );
  expect((await world.sync()).code).toBe(0);
});

afterAll(async () => {
  await world?.stop();
});

async function withSendDeps<T>(work: (deps: SendDigestDeps, aliceId: number) => Promise<T>): Promise<T> {
  const loaded = loadConfig({ env: {}, cwd: world.cli.dir });
  const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  const sender = createSmtpSender(loaded.config.smtp!, loaded.baseDir);
  try {
    const alice = await opened.db
      .selectFrom('recruiters')
      .select('id')
      .where('email', '=', ALICE)
      .executeTakeFirstOrThrow();
    return await work(
      { db: opened.db, config: loaded.config, renderer: createDigestRenderer(), sender, owner: 'test' },
      alice.id,
    );
  } finally {
    sender.close();
    await opened.close();
  }
}

async function digestsIn(user: string) {
  const client = new ImapFlow({
    host: world.bench.host,
    port: world.bench.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: PASSWORD },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    const found = [];
    for await (const m of client.fetch('1:*', { source: true, envelope: true })) {
      if (m.envelope?.from?.[0]?.address === 'keepwarm@agency.example' && m.source)
        found.push(await simpleParser(m.source));
    }
    return found;
  } finally {
    await client.logout();
  }
}

describe('sending the weekly digest', () => {
  it('delivers one digest with HTML and text parts, the right people and reasons, and mail content as text', async () => {
    const result = await withSendDeps((deps, aliceId) => sendDigest(deps, aliceId, { now: NOW }));
    expect(result).toMatchObject({ status: 'sent', isoWeek: '2026-W49' });
    const [digest] = await waitFor(async () => {
      const found = await digestsIn(ALICE);
      return found.length > 0 ? found : null;
    });
    expect(digest!.to && 'value' in digest!.to ? digest!.to.value.map((a) => a.address) : []).toEqual([ALICE]);
    expect(digest!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(digest!.headers.get('x-auto-response-suppress')).toBe('All');
    expect(digest!.replyTo?.value[0]?.address).toBe(LOG);
    expect(digest!.messageId).toMatch(/^<keepwarm-digest\.\d+\.2026-W49@agency\.example>$/);
    expect(digest!.text).toContain('Jane Roe');
    expect(digest!.text).toMatch(/Question <script>alert\(1\)<\/script> about Acme/); // plain text part: the subject as written
    expect(digest!.text).toMatch(/repl|answer|waiting/i);
    expect(digest!.html).toContain('Jane Roe');
    expect(digest!.html).not.toContain('<script>alert(1)</script>');
    expect(digest!.html).toContain('&lt;script&gt;');
  });

  it('sends nothing more that week, and a forced resend sends exactly one more', async () => {
    const again = await withSendDeps((deps, aliceId) =>
      sendDigest(deps, aliceId, { now: new Date(NOW.getTime() + 3600_000) }),
    );
    expect(again.status).toBe('already_claimed');
    const forced = await withSendDeps((deps, aliceId) => sendDigest(deps, aliceId, { now: NOW, force: true }));
    expect(forced.status).toBe('sent');
    await waitFor(async () => (await digestsIn(ALICE)).length === 2);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await digestsIn(ALICE)).toHaveLength(2);
    const runs = await world.cli.withDb((db) =>
      db.selectFrom('digest_runs').select(['state', 'forced', 'iso_week']).orderBy('id').execute(),
    );
    expect(runs).toEqual([
      { state: 'sent', forced: 0, iso_week: '2026-W49' },
      { state: 'sent', forced: 1, iso_week: '2026-W49' },
    ]);
  });

  it('sends one digest per recruiter when two keepwarm processes send at the same moment', async () => {
    const at = '2026-12-07T14:00:00Z'; // the next week
    const [a, b] = await Promise.all([
      cliProcess('digest', '--send', '--at', at, '--json'),
      cliProcess('digest', '--send', '--at', at, '--json'),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const statuses = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)]
      .map((r: { recruiter: string; status: string }) => `${r.recruiter}:${r.status}`)
      .sort();
    expect(statuses).toEqual([
      'alice@agency.example:already_claimed',
      'alice@agency.example:sent',
      'bob@agency.example:already_claimed',
      'bob@agency.example:sent',
    ]);
    await waitFor(async () => (await digestsIn(ALICE)).length === 3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await digestsIn(ALICE)).toHaveLength(3);
  });

  it('keeps exactly one recipient when a recruiter name carries CR/LF and a Bcc header', async () => {
    await world.cli.withDb((db) =>
      db
        .updateTable('recruiters')
        .set({ name: 'Alice\r\nBcc: bob@agency.example\r\nX-Evil: 1' })
        .where('email', '=', ALICE)
        .execute(),
    );
    const result = await world.cli.run(
      'digest',
      '--send',
      '--force',
      '--recruiter',
      ALICE,
      '--at',
      '2026-12-07T15:00:00Z',
    );
    expect(result.code, result.stderr).toBe(0);
    const digests = await waitFor(async () => {
      const found = await digestsIn(ALICE);
      return found.length === 4 ? found : null;
    });
    const last = digests[3]!;
    expect(last.headers.has('bcc')).toBe(false);
    expect(last.headers.has('x-evil')).toBe(false);
    expect(
      (await digestsIn(BOB)).filter((d) => d.subject === last.subject && d.messageId === last.messageId),
    ).toHaveLength(0);
  });
});
