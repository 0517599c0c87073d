import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { addCandidate, addInteraction, addOpening, addOutcome } from './seed-library.js';

const NOW = '2026-11-23T13:00:00.000Z'; // Monday 08:00 in New York
const ago = (days: number): string => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

let cli: CliWorkspace;
beforeEach(async () => {
  cli = createCliWorkspace();
  cli.write(
    'keepwarm.config.json',
    JSON.stringify({ database: 'sqlite:./data/keepwarm.db', timezone: 'America/New_York' }),
  );
  cli.setNow(NOW);
  expect(
    (
      await cli.run(
        'recruiter',
        'add',
        '--email',
        'alice@agency.example',
        '--name',
        'Alice Archer',
        '--alias',
        'a.archer@agency.example',
      )
    ).code,
  ).toBe(0);
  expect((await cli.run('recruiter', 'add', '--email', 'bob@agency.example', '--name', 'Bob Baker')).code).toBe(0);
  await cli.withDb(async (db) => {
    const jane = await addCandidate(db, { name: 'Jane Roe', emails: ['jane@mail.example'], owner: 1 });
    const opening = await addOpening(db, { title: 'Territory Manager', client: 'Acme Medical', openedAt: ago(60) });
    await addOutcome(db, { candidateId: jane, openingId: opening, decidedAt: ago(45), notes: 'Strong closer.' });
    await addInteraction(db, {
      candidateId: jane,
      recruiterId: 1,
      direction: 'outbound',
      at: ago(20),
      subject: 'Checking in',
    });
    await addInteraction(db, {
      candidateId: jane,
      recruiterId: 1,
      direction: 'inbound',
      at: ago(6),
      subject: 'Question <script>alert(1)</script>',
    });
    const sam = await addCandidate(db, { name: 'Sam Lee', emails: ['sam@mail.example'], owner: 2 });
    await addInteraction(db, {
      candidateId: sam,
      recruiterId: 2,
      direction: 'outbound',
      at: ago(40),
      subject: 'Hello',
    });
  });
});
afterEach(() => cli.remove());

describe('keepwarm digest', () => {
  it('prints one recruiter’s digest as the JSON of the interface', async () => {
    const result = await cli.run('digest', '--recruiter', 'alice@agency.example', '--format', 'json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      recruiter: 'alice@agency.example',
      at: NOW,
      items: [
        {
          candidate: { name: 'Jane Roe', email: 'jane@mail.example' },
          reasons: [
            {
              code: 'reply_waiting',
              detail: 'Wrote to you 4 working days ago and has had no reply.',
              evidence: { at: ago(6), subject: 'Question <script>alert(1)</script>' },
            },
          ],
          lastContact: { at: ago(6), direction: 'inbound', subject: 'Question <script>alert(1)</script>' },
        },
      ],
      confirmOptOut: [],
      coaching: [],
      comingUp: [],
      health: [],
    });
  });

  it('prints every recruiter’s digest as a JSON array, and finds a recruiter by alias', async () => {
    const all = JSON.parse((await cli.run('digest', '--json')).stdout) as { recruiter: string; items: unknown[] }[];
    expect(all.map((d) => [d.recruiter, d.items.length])).toEqual([
      ['alice@agency.example', 1],
      ['bob@agency.example', 1],
    ]);
    const byAlias = JSON.parse(
      (await cli.run('digest', '--recruiter', 'A.Archer@agency.example', '--json')).stdout,
    ) as { recruiter: string };
    expect(byAlias.recruiter).toBe('alice@agency.example');
  });

  it('prints text by default, with the mail headers it would carry', async () => {
    const { code, stdout } = await cli.run('digest', '--recruiter', 'alice@agency.example');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^To: Alice Archer <alice@agency\.example>\nSubject: keepwarm: 1 person to contact \(week of Mon 23 Nov\)\n\n/,
    );
    expect(stdout).toContain('1. Jane Roe (jane@mail.example)');
    expect(stdout).toContain('Runner-up for Territory Manager at Acme Medical (decided Fri 9 Oct 2026)');
    expect(stdout).toContain('Their mail of Tue 17 Nov 2026: “Question <script>alert(1)</script>”');
  });

  it('prints HTML with text from mail escaped', async () => {
    const { code, stdout } = await cli.run('digest', '--recruiter', 'alice@agency.example', '--format', 'html');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!-- keepwarm digest for Alice Archer <alice@agency\.example> -->\n<!DOCTYPE html>/);
    expect(stdout).toContain('Question &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdout).not.toContain('<script>');
  });

  it('replays another moment with --at, ignoring mail that came later', async () => {
    // Monday 2 November, before Alice's "Checking in" of the 3rd: the feedback was still owed.
    const result = await cli.run('digest', '--recruiter', 'alice@agency.example', '--at', '2026-11-02T08:00', '--json');
    const digest = JSON.parse(result.stdout) as {
      at: string;
      items: { reasons: { code: string; detail: string }[]; lastContact: unknown }[];
    };
    expect(digest.at).toBe('2026-11-02T13:00:00.000Z');
    expect(digest.items).toHaveLength(1);
    expect(digest.items[0]?.reasons).toMatchObject([
      { code: 'feedback_owed', detail: expect.stringContaining('Notes: Strong closer.') as string },
    ]);
    expect(digest.items[0]?.lastContact).toBeNull();
  });

  it('reports sync health from the configured mailboxes', async () => {
    cli.write(
      'keepwarm.config.json',
      JSON.stringify({
        database: 'sqlite:./data/keepwarm.db',
        timezone: 'America/New_York',
        logAddress: 'log@agency.example',
        mailboxes: [{ name: 'log', role: 'log', host: 'imap.agency.example', user: 'log@agency.example', pass: 'x' }],
      }),
    );
    const digest = JSON.parse((await cli.run('digest', '--recruiter', 'bob@agency.example', '--json')).stdout) as {
      health: { code: string }[];
    };
    expect(digest.health.map((h) => h.code)).toEqual(['mailbox_stale', 'no_log_copy']);
  });

  it.each([
    [['--recruiter', 'nobody@agency.example'], 1, 'no recruiter with the address nobody@agency.example'],
    [['--format', 'pdf'], 2, '--format: expected one of json, text, html'],
    [['--at', 'next tuesday'], 2, '--at: expected an ISO-8601 date or time'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const result = await cli.run('digest', ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });
});
