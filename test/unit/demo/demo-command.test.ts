import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { openDatabase } from '../../../src/db/open-database.js';

let cli: CliWorkspace;
beforeEach(() => {
  cli = createCliWorkspace();
});
afterEach(() => cli.remove());

async function libraryRows<T>(query: string): Promise<T[]> {
  const opened = openDatabase({ kind: 'sqlite', file: path.join(cli.dir, 'demo', 'keepwarm.db') });
  try {
    return (await sql.raw<T>(query).execute(opened.db)).rows;
  } finally {
    await opened.close();
  }
}

interface DigestJson {
  items: { candidate: { name: string }; reasons: { code: string }[] }[];
  confirmOptOut: { candidate: { name: string } }[];
  coaching: { candidate: string; phrase: string }[];
  comingUp: { candidate: { name: string } }[];
}

/** Who Priya's digest lists and why, from `keepwarm digest --json` on the demo's own config. */
async function priyasWeek(at: string): Promise<Record<string, unknown>> {
  const result = await cli.run(
    '--config',
    'demo/keepwarm.config.json',
    'digest',
    '--recruiter',
    'priya.shah@crestline.example',
    '--at',
    at,
    '--json',
  );
  expect(result).toMatchObject({ code: 0, stderr: '' });
  const digest = JSON.parse(result.stdout) as DigestJson;
  return {
    items: digest.items.map((item) => [item.candidate.name, item.reasons.map((reason) => reason.code)]),
    confirmOptOut: digest.confirmOptOut.map((entry) => entry.candidate.name),
    coaching: digest.coaching.map((note) => [note.candidate, note.phrase]),
    comingUp: digest.comingUp.map((entry) => entry.candidate.name),
  };
}

const PRIYAS_WEEK = {
  items: [
    ['Aisha Rahman', ['reply_waiting', 'life_event']],
    ['Jordan Ames', ['reply_waiting']],
    ['Sofia Marin', ['feedback_owed', 'opening_match']],
    ["Kevin O'Neill", ['bounced']],
    ['Grace Liu', ['opening_match']],
    ['Nina Alvarez', ['opening_match']],
    ['Ben Okafor', ['check_in_due']],
    ['Hannah Cole', ['no_reply']],
  ],
  confirmOptOut: ['Derek Simmons'],
  coaching: [['Nina Alvarez', 'I guarantee']],
  comingUp: ['Luis Romero'],
};

describe('keepwarm demo --no-start', () => {
  it('loads the sample agency, logs its mail, prints a digest and exits without starting a server', async () => {
    const result = await cli.run('demo', '--no-start', '--dir', 'demo');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      '  mail        29 messages from import/mail/: 28 logged, 0 duplicates, 0 ignored, 1 from people outside',
    );
    expect(result.stdout).toContain('  library     16 candidates, 6 openings, 28 interactions');
    expect(result.stdout).toContain('Subject: keepwarm: 8 people to contact, 1 opt-out to confirm (week of Mon 3 Jun)');
    expect(result.stdout).not.toContain('keepwarm is running');

    const [counts] = await libraryRows<Record<string, number>>(`select
      (select count(*) from recruiters) as recruiters, (select count(*) from candidates) as candidates,
      (select count(*) from openings) as openings, (select count(*) from outcomes) as outcomes,
      (select count(*) from interactions) as interactions, (select count(*) from unmatched_addresses) as unmatched,
      (select count(*) from quarantine) as quarantined,
      (select count(*) from outcomes where feedback_notes is not null) as feedbackNotes`);
    expect(counts).toEqual({
      recruiters: 3,
      candidates: 16,
      openings: 6,
      outcomes: 16,
      interactions: 28,
      unmatched: 1,
      quarantined: 0,
      feedbackNotes: 3,
    });
  });

  it('lets the mail change the library as it would in production', async () => {
    await cli.run('demo', '--no-start', '--dir', 'demo');
    const kinds = await libraryRows<{ kind: string; direction: string; n: number }>(
      'select kind, direction, count(*) as n from interactions group by kind, direction order by kind, direction',
    );
    expect(kinds).toEqual([
      { kind: 'auto_reply', direction: 'inbound', n: 1 },
      { kind: 'bounce', direction: 'inbound', n: 1 },
      { kind: 'personal', direction: 'inbound', n: 9 },
      { kind: 'personal', direction: 'outbound', n: 17 },
    ]);
    const people = await libraryRows<{ name: string; status: string; snoozed: number; optOut: number }>(
      `select name, status, snoozed_until is not null as snoozed, opt_out_detected_at is not null as optOut from candidates
       where name in ('Grace Liu', 'Derek Simmons', 'Ravi Patel') order by name`,
    );
    expect(people).toEqual([
      { name: 'Derek Simmons', status: 'do_not_contact', snoozed: 0, optOut: 1 }, // "please remove me"
      { name: 'Grace Liu', status: 'placed_elsewhere', snoozed: 0, optOut: 0 }, // "accepted another offer", forwarded
      { name: 'Ravi Patel', status: 'runner_up', snoozed: 1, optOut: 0 }, // out of office until a named day
    ]);
    expect(await libraryRows('select email from candidate_emails where bouncing_since is not null')).toEqual([
      { email: 'kevin.oneill@brookfield-surgical.example' },
    ]);
    // Chris Doyle is not in the library: only the triage entry is kept, never his mail.
    expect(await libraryRows("select count(*) as n from interactions where subject like 'Introduction%'")).toEqual([
      { n: 0 },
    ]);
  });

  it.each([
    ['on a Monday before the digest goes out', '2024-06-03T09:00:00Z', '2024-06-03T08:00:00-04:00'],
    ['on a Sunday night in winter', '2025-01-20T03:00:00Z', '2025-01-13T08:00:00-05:00'],
    ['on a Thursday in the week daylight saving ends', '2026-11-05T15:00:00Z', '2026-11-02T08:00:00-05:00'],
  ])('prints the same week for Priya whatever day it runs: %s', async (_when, now, monday) => {
    cli.setNow(now);
    expect((await cli.run('demo', '--no-start', '--dir', 'demo')).code).toBe(0);
    expect(await priyasWeek(monday)).toEqual(PRIYAS_WEEK);
  });

  it('wipes and rebuilds its own folder on every run', async () => {
    await cli.run('demo', '--no-start', '--dir', 'demo');
    cli.write('demo/leftover.txt', 'from an earlier run');
    const again = await cli.run('demo', '--no-start', '--dir', 'demo');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(path.join(cli.dir, 'demo', 'leftover.txt'))).toBe(false);
    expect(await libraryRows('select count(*) as n from interactions')).toEqual([{ n: 28 }]);
  });

  it('refuses to delete a folder it did not make', async () => {
    fs.mkdirSync(path.join(cli.dir, 'work'));
    cli.write('work/notes.txt', 'mine');
    const result = await cli.run('demo', '--no-start', '--dir', 'work');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/work is not empty and was not made by keepwarm demo; choose another --dir/);
    expect(fs.readFileSync(path.join(cli.dir, 'work', 'notes.txt'), 'utf8')).toBe('mine');
  });
});
