// Adding a person later finds their earlier mail (IMAP SEARCH over the configured mailboxes), and a
// message over maxMessageBytes is logged from its headers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, message, startSyncWorld, type SyncWorld } from '../support/sync-world.js';

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
  world.configure({ sync: { maxMessageBytes: 4096 } });
});

afterAll(async () => {
  await world?.stop();
});

describe('backfill', () => {
  it('logs the earlier mail of someone added to the library after it was synced', async () => {
    await world.bench.appendMessage(
      ALICE,
      'INBOX',
      message({
        from: 'Sam Stone <sam@mail.example>',
        to: ALICE,
        subject: 'Coffee next week?',
        messageId: 'sam-1@mail.example',
      }),
    );
    await world.bench.appendMessage(
      ALICE,
      'Sent',
      message({
        from: ALICE,
        to: 'sam@mail.example',
        subject: 'Re: Coffee next week?',
        messageId: 'sam-2@agency.example',
      }),
    );
    expect((await world.sync()).code).toBe(0);
    const triage = await world.cli.withDb((db) => db.selectFrom('unmatched_addresses').select('email').execute());
    expect(triage.map((t) => t.email)).toContain('sam@mail.example');

    world.cli.write('sam.csv', 'name,email\nSam Stone,sam@mail.example\n');
    const imported = await world.cli.run('import', 'candidates', 'sam.csv', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      addedAddressKeys: ['sam@mail.example'],
      backfill: { logged: 2 },
    });
    const shown = JSON.parse((await world.cli.run('candidates', 'show', 'sam@mail.example', '--json')).stdout) as {
      interactions: { subject: string; direction: string }[];
    };
    expect(shown.interactions.map((i) => `${i.direction}:${i.subject}`).sort()).toEqual([
      'inbound:Coffee next week?',
      'outbound:Re: Coffee next week?',
    ]);
    const after = await world.cli.withDb((db) => db.selectFrom('unmatched_addresses').select('email').execute());
    expect(after.map((t) => t.email)).not.toContain('sam@mail.example');

    const again = await world.cli.run('backfill', 'sam@mail.example', '--json');
    expect(again.code, again.stderr).toBe(0);
    const folders = (
      JSON.parse(again.stdout) as { mailboxes: { folders: { logged: number; duplicates: number }[] }[] }
    ).mailboxes.flatMap((m) => m.folders);
    expect(folders.reduce((n, f) => n + f.logged, 0)).toBe(0);
    expect(folders.reduce((n, f) => n + f.duplicates, 0)).toBe(2);
  });

  it('finds the earlier mail of an address added to a candidate', async () => {
    await world.bench.appendMessage(
      ALICE,
      'INBOX',
      message({
        from: 'Omar Haddad <omar.h@work.example>',
        to: ALICE,
        subject: 'From my work address',
        messageId: 'omar-work@work.example',
      }),
    );
    expect((await world.sync()).code).toBe(0);
    const set = await world.cli.run(
      'candidate',
      'set',
      'omar@candidates.example',
      '--add-email',
      'omar.h@work.example',
      '--json',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ backfill: { logged: 1 } });
    const shown = JSON.parse(
      (await world.cli.run('candidates', 'show', 'omar@candidates.example', '--json')).stdout,
    ) as { interactions: { subject: string }[] };
    expect(shown.interactions.map((i) => i.subject)).toContain('From my work address');
  });
});

describe('size limit', () => {
  it('logs a message larger than maxMessageBytes from its headers, marked truncated', async () => {
    const big = message({
      from: 'jane@candidates.example',
      to: ALICE,
      subject: 'My portfolio',
      messageId: 'big-1@candidates.example',
      body: 'x'.repeat(50_000),
    });
    await world.bench.appendMessage(ALICE, 'INBOX', big);
    expect((await world.sync()).code).toBe(0);
    const row = await world.cli.withDb((db) =>
      db
        .selectFrom('interactions')
        .select(['subject', 'truncated', 'snippet', 'direction'])
        .where('message_key', '=', 'big-1@candidates.example')
        .executeTakeFirst(),
    );
    expect(row).toMatchObject({ subject: 'My portfolio', truncated: 1, snippet: '', direction: 'inbound' });
  });
});
