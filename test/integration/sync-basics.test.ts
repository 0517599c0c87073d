// Mail in, against a real Dovecot: the three ways mail reaches the log mailbox, a recruiter's own
// INBOX and Sent, one interaction for many copies, and only library mail kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, LOG, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
});

afterAll(async () => {
  await world?.stop();
});

async function interactionsOf(email: string) {
  const result = await world.cli.run('candidates', 'show', email, '--json');
  expect(result.code, result.stderr).toBe(0);
  return (
    JSON.parse(result.stdout) as {
      interactions: {
        subject: string;
        direction: string;
        kind: string;
        snippet: string;
        sources: { mailbox: string; folder: string }[];
      }[];
    }
  ).interactions;
}

describe('keepwarm sync --once', () => {
  it('logs a BCC copy in the log mailbox as outbound from the recruiter', async () => {
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({
        from: `Alice Smith <${ALICE}>`,
        to: 'Jane Roe <jane@candidates.example>',
        subject: 'Checking in',
        messageId: 'bcc-1@agency.example',
      }),
    );
    const result = await world.sync();
    expect(result.code, result.stderr).toBe(0);
    const log = result.json.mailboxes.find((m) => m.mailbox === 'log')!;
    expect(log.errors).toEqual([]);
    expect(log.folders[0]).toMatchObject({ folder: 'INBOX', seen: 1, logged: 1 });
    const interactions = await interactionsOf('jane@candidates.example');
    expect(interactions).toMatchObject([{ subject: 'Checking in', direction: 'outbound', kind: 'personal' }]);
  });

  it('keeps the same message seen in Sent and the log mailbox as one interaction with two sources', async () => {
    const raw = message({
      from: ALICE,
      to: 'omar@candidates.example',
      bcc: LOG,
      subject: 'Feedback on your interview',
      messageId: 'same-1@agency.example',
    });
    await world.bench.appendMessage(ALICE, 'Sent', raw);
    await world.bench.appendMessage(LOG, 'INBOX', raw.replace(/^Bcc:.*\r\n/m, ''));
    const result = await world.sync();
    expect(result.code, result.stderr).toBe(0);
    const interactions = await interactionsOf('omar@candidates.example');
    expect(interactions).toHaveLength(1);
    expect(interactions[0]!.sources.map((s) => `${s.mailbox}/${s.folder}`).sort()).toEqual([
      'alice/\\Sent',
      'log/INBOX',
    ]);
  });

  it('logs a candidate reply-all to the log address as inbound to the recruiter on it', async () => {
    await world.bench.appendMessage(
      LOG,
      'INBOX',
      message({
        from: 'jane@candidates.example',
        to: BOB,
        cc: LOG,
        subject: 'Re: Checking in',
        inReplyTo: 'bcc-1@agency.example',
        body: 'Thanks Bob, happy to talk next week.\r\n\r\nOn Mon, Nov 23, 2026 at 9:00 AM Bob wrote:\r\n> Hi Jane',
      }),
    );
    expect((await world.sync()).code).toBe(0);
    const inbound = (await interactionsOf('jane@candidates.example')).find((i) => i.direction === 'inbound');
    expect(inbound).toMatchObject({ subject: 'Re: Checking in', snippet: 'Thanks Bob, happy to talk next week.' });
  });

  it('does not store mail about people outside the library, and lists them for triage', async () => {
    await world.bench.appendMessage(
      ALICE,
      'INBOX',
      message({ from: 'Sam Stranger <sam@mail.example>', to: ALICE, subject: 'Interested in roles' }),
    );
    await world.bench.appendMessage(ALICE, 'INBOX', message({ from: BOB, to: ALICE, subject: 'Lunch?' }));
    await world.bench.appendMessage(
      ALICE,
      'INBOX',
      message({
        from: 'news@mail.example',
        to: ALICE,
        subject: 'Weekly news',
        headers: { 'List-Unsubscribe': '<mailto:unsub@mail.example>' },
      }),
    );
    const result = await world.sync();
    expect(result.code, result.stderr).toBe(0);
    const inbox = result.json.mailboxes.find((m) => m.mailbox === 'alice')!.folders.find((f) => f.folder === 'INBOX')!;
    expect(inbox).toMatchObject({ unmatched: 1, ignored: 2, logged: 0 });
    const rows = await world.cli.withDb((db) => db.selectFrom('unmatched_addresses').selectAll().execute());
    expect(rows).toMatchObject([{ email: 'sam@mail.example', display_name: 'Sam Stranger', message_count: 1 }]);
    const subjects = await world.cli.withDb((db) => db.selectFrom('interactions').select('subject').execute());
    expect(subjects.map((s) => s.subject)).not.toContain('Lunch?');
  });

  it('costs one STATUS and logs nothing new on an idle poll', async () => {
    const result = await world.sync();
    expect(result.code).toBe(0);
    for (const mailbox of result.json.mailboxes)
      for (const folder of mailbox.folders) expect(folder).toMatchObject({ seen: 0, logged: 0 });
  });
});
