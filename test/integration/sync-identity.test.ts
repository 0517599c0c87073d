// What counts as one message: the same mail in three folders is one interaction; two different mails
// without Message-ID but with identical headers are two. keepwarm's own digest, forwarded back to the
// log address or answered by an auto-reply, is never logged and never answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, LOG, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({
    mailboxes: [
      {
        name: 'log',
        role: 'log',
        host: world.bench.host,
        port: world.bench.imapPort,
        tls: 'none',
        user: LOG,
        pass: 'bench-password-1',
        folders: ['INBOX'],
      },
      {
        name: 'alice',
        role: 'recruiter',
        recruiter: ALICE,
        host: world.bench.host,
        port: world.bench.imapPort,
        tls: 'none',
        user: ALICE,
        pass: 'bench-password-1',
        folders: ['INBOX', '\\Sent', 'Archive'],
      },
    ],
  });
});

afterAll(async () => {
  await world?.stop();
});

const count = (where: (db: Parameters<Parameters<SyncWorld['cli']['withDb']>[0]>[0]) => Promise<unknown[]>) =>
  world.cli.withDb(where).then((rows) => rows.length);

describe('message identity', () => {
  it('logs the same message in three folders once, with three sources', async () => {
    const raw = message({
      from: 'jane@candidates.example',
      to: ALICE,
      cc: LOG,
      subject: 'Three copies',
      messageId: 'three@candidates.example',
    });
    await world.bench.appendMessage(ALICE, 'INBOX', raw);
    await world.bench.appendMessage(ALICE, 'Archive', raw);
    await world.bench.appendMessage(LOG, 'INBOX', raw);
    expect((await world.sync()).code).toBe(0);
    const rows = await world.cli.withDb((db) =>
      db
        .selectFrom('interactions')
        .innerJoin('interaction_sources as s', 's.interaction_id', 'interactions.id')
        .select(['interactions.id', 's.mailbox', 's.folder'])
        .where('message_key', '=', 'three@candidates.example')
        .execute(),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(rows.map((r) => `${r.mailbox}/${r.folder}`).sort()).toEqual(['alice/Archive', 'alice/INBOX', 'log/INBOX']);
  });

  it('logs nothing new when a folder is deleted and recreated with the same messages', async () => {
    const before = await count((db) => db.selectFrom('interactions').select('id').execute());
    await world.bench.doveadm('mailbox', 'delete', '-u', ALICE, 'Archive');
    const raw = message({
      from: 'jane@candidates.example',
      to: ALICE,
      cc: LOG,
      subject: 'Three copies',
      messageId: 'three@candidates.example',
    });
    await world.bench.appendMessage(ALICE, 'Archive', raw);
    const result = await world.sync();
    expect(result.code, result.stderr).toBe(0);
    const archive = result.json.mailboxes
      .find((m) => m.mailbox === 'alice')!
      .folders.find((f) => f.folder === 'Archive')!;
    expect(archive).toMatchObject({ seen: 1, logged: 0, duplicates: 1 });
    expect(await count((db) => db.selectFrom('interactions').select('id').execute())).toBe(before);
    const sources = await count((db) =>
      db
        .selectFrom('interaction_sources')
        .select('id')
        .where('mailbox', '=', 'alice')
        .where('folder', '=', 'Archive')
        .execute(),
    );
    expect(sources).toBe(1);
  });

  it('keeps two different messages without Message-ID but with identical headers apart', async () => {
    const headers = {
      from: 'omar@candidates.example',
      to: ALICE,
      subject: 'Same headers',
      date: 'Tue, 24 Nov 2026 10:00:00 +0000',
      messageId: null,
    };
    await world.bench.appendMessage(ALICE, 'INBOX', message({ ...headers, body: 'First message.' }));
    await world.bench.appendMessage(ALICE, 'INBOX', message({ ...headers, body: 'A different second message.' }));
    expect((await world.sync()).code).toBe(0);
    expect(
      await count((db) => db.selectFrom('interactions').select('id').where('subject', '=', 'Same headers').execute()),
    ).toBe(2);
  });
});

describe('keepwarm talking to itself', () => {
  it('logs nothing from a digest forwarded to the log address or an auto-reply to a digest', async () => {
    const before = await count((db) => db.selectFrom('interactions').select('id').execute());
    const digest = message({
      from: 'keepwarm <keepwarm@agency.example>',
      to: ALICE,
      subject: 'Your keepwarm week: 3 people to contact',
      messageId: 'keepwarm-digest.1.2026-W48@agency.example',
      headers: { 'Auto-Submitted': 'auto-generated', 'Reply-To': LOG },
      body: 'Jane Roe (jane@candidates.example) asked you a question.',
    });
    const forwarded = message({
      from: ALICE,
      to: LOG,
      subject: 'Fwd: Your keepwarm week: 3 people to contact',
      body: `FYI\r\n\r\n---------- Forwarded message ---------\r\nFrom: keepwarm <keepwarm@agency.example>\r\nDate: Mon, Nov 23, 2026 at 8:00 AM\r\nSubject: Your keepwarm week: 3 people to contact\r\nTo: Alice Smith <${ALICE}>\r\n\r\nJane Roe (jane@candidates.example) asked you a question.\r\n`,
    });
    const autoReply = message({
      from: ALICE,
      to: LOG,
      subject: 'Automatic reply: Your keepwarm week',
      headers: { 'Auto-Submitted': 'auto-replied' },
      body: 'I am out of the office.',
    });
    await world.bench.appendMessage(LOG, 'INBOX', digest);
    await world.bench.appendMessage(LOG, 'INBOX', forwarded);
    await world.bench.appendMessage(LOG, 'INBOX', autoReply);
    const result = await world.sync();
    expect(result.code).toBe(0);
    expect(await count((db) => db.selectFrom('interactions').select('id').execute())).toBe(before);
    expect(await count((db) => db.selectFrom('digest_runs').select('id').execute())).toBe(0);
  });
});
