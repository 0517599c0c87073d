import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { updateCandidate } from '../../../src/library/update-candidate.js';

let cli: CliWorkspace;
beforeEach(async () => {
  cli = createCliWorkspace();
  await cli.run(
    'recruiter',
    'add',
    '--email',
    'alice@agency.example',
    '--name',
    'Alice',
    '--alias',
    'al@agency.example',
  );
  await cli.run('recruiter', 'add', '--email', 'bob@agency.example', '--name', 'Bob');
  const csv = [
    'name,email,skills,status,opening,client,decided_at,owner',
    'José Núñez,jose@example.com;jose.n@work.example,Python;Medical sales,runner_up,Sales Rep,Acme,2024-03-01,alice@agency.example',
    'Ann Lee,ann@example.com,SQL,placed_elsewhere,,,,bob@agency.example',
  ].join('\n');
  await cli.run('import', 'candidates', cli.write('library.csv', csv));
});
afterEach(() => cli.remove());

const show = async (email: string) =>
  JSON.parse((await cli.run('candidates', 'show', email, '--json')).stdout) as Record<string, unknown>;
const auditActions = () =>
  cli.withDb((db) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'detail'])
      .where('entity', '=', 'candidate')
      .orderBy('id')
      .execute(),
  );

describe('keepwarm candidates list', () => {
  it('lists name, primary email, status, owner and skills, filtered by status or owner alias', async () => {
    const table = await cli.run('candidates', 'list');
    expect(table.stdout).toBe(
      'NAME        EMAIL             STATUS            OWNER                 SKILLS\n' +
        'Ann Lee     ann@example.com   placed_elsewhere  bob@agency.example    SQL\n' +
        'José Núñez  jose@example.com  runner_up         alice@agency.example  Python, Medical sales\n',
    );
    const byOwner = JSON.parse(
      (await cli.run('candidates', 'list', '--owner', 'AL@agency.example', '--json')).stdout,
    ) as { name: string }[];
    expect(byOwner.map((c) => c.name)).toEqual(['José Núñez']);
    const byStatus = JSON.parse(
      (await cli.run('candidates', 'list', '--status', 'placed_elsewhere', '--json')).stdout,
    ) as { name: string }[];
    expect(byStatus.map((c) => c.name)).toEqual(['Ann Lee']);
  });

  it('rejects an unknown status with exit 2 and an unknown owner with exit 1', async () => {
    expect((await cli.run('candidates', 'list', '--status', 'hired')).code).toBe(2);
    expect(await cli.run('candidates', 'list', '--owner', 'zed@agency.example')).toMatchObject({
      code: 1,
      stderr: 'keepwarm: no recruiter has the address zed@agency.example\n',
    });
  });
});

describe('keepwarm candidates show', () => {
  it('shows the profile and the mail timeline with signals and sources', async () => {
    await cli.withDb(async (db) => {
      const { id } = await db
        .insertInto('interactions')
        .values({
          candidate_id: 1,
          recruiter_id: 1,
          message_key: '<m1@example.com>',
          direction: 'inbound',
          kind: 'personal',
          occurred_at: '2024-05-02T10:00:00.000Z',
          subject: 'Re: catching up',
          snippet: 'I just passed my CPR exam',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('interaction_signals')
        .values({ interaction_id: id, code: 'life_event', category: 'credential', text: 'passed my CPR exam' })
        .execute();
      await db
        .insertInto('interaction_sources')
        .values({ interaction_id: id, mailbox: 'log', folder: 'INBOX', uidvalidity: '7', uid: '42' })
        .execute();
    });
    expect(await show('Jose.N@work.example')).toEqual({
      name: 'José Núñez',
      emails: [
        { email: 'jose@example.com', primary: true, bouncingSince: null },
        { email: 'jose.n@work.example', primary: false, bouncingSince: null },
      ],
      status: 'runner_up',
      skills: ['Python', 'Medical sales'],
      notes: null,
      cadenceDays: null,
      snoozedUntil: null,
      snoozeReason: null,
      owner: 'alice@agency.example',
      outcomes: [
        {
          opening: 'Sales Rep',
          client: 'Acme',
          stage: 'runner_up',
          decidedAt: '2024-03-01T00:00:00.000Z',
          feedbackNotes: null,
        },
      ],
      interactions: [
        {
          at: '2024-05-02T10:00:00.000Z',
          direction: 'inbound',
          kind: 'personal',
          subject: 'Re: catching up',
          snippet: 'I just passed my CPR exam',
          signals: [{ code: 'life_event', category: 'credential', text: 'passed my CPR exam' }],
          sources: [{ mailbox: 'log', folder: 'INBOX', uid: '42' }],
        },
      ],
    });
    const text = await cli.run('candidates', 'show', 'jose@example.com');
    expect(text.stdout).toContain('2024-05-02 10:00  inbound personal  Re: catching up  [life_event]');
  });

  it('fails with exit 1 for an address nobody has', async () => {
    expect(await cli.run('candidates', 'show', 'nobody@example.com')).toMatchObject({
      code: 1,
      stderr: 'keepwarm: no candidate has the address nobody@example.com\n',
    });
  });
});

describe('keepwarm candidate set', () => {
  it('sets the status and audits the change without personal data', async () => {
    const result = await cli.run(
      'candidate',
      'set',
      'jose@example.com',
      '--status',
      'Placed_Elsewhere',
      '--cadence-days',
      '90',
    );
    expect(result).toMatchObject({ code: 0, stdout: 'updated jose@example.com: status, cadence_days\n' });
    expect(await show('jose@example.com')).toMatchObject({ status: 'placed_elsewhere', cadenceDays: 90 });
    const audit = (await auditActions()).at(-1);
    expect(audit).toEqual({
      action: 'update',
      entity: 'candidate',
      detail: JSON.stringify({
        fields: ['status', 'cadence_days'],
        status: { from: 'runner_up', to: 'placed_elsewhere' },
      }),
    });
    expect((await cli.run('candidate', 'set', 'jose@example.com', '--status', 'placed_elsewhere')).stdout).toBe(
      'no change to jose@example.com\n',
    );
  });

  it('records feedback notes for a decision, an owner by alias, a name and notes', async () => {
    const result = await cli.run(
      'candidate',
      'set',
      'jose@example.com',
      '--feedback-notes',
      'Great demo; earn the CSP certificate',
      '--opening',
      'sales rep',
      '--owner',
      'bob@agency.example',
      '--name',
      'José A. Núñez',
      '--notes',
      'prefers phone',
    );
    expect(result.stdout).toBe('updated jose@example.com: name, notes, owner, feedback_notes\n');
    expect(await show('jose@example.com')).toMatchObject({
      name: 'José A. Núñez',
      notes: 'prefers phone',
      owner: 'bob@agency.example',
      outcomes: [{ opening: 'Sales Rep', feedbackNotes: 'Great demo; earn the CSP certificate' }],
    });
    expect((await cli.run('candidate', 'set', 'jose@example.com', '--notes', '')).stdout).toBe(
      'updated jose@example.com: notes\n',
    );
    expect(await show('jose@example.com')).toMatchObject({ notes: null });
  });

  it('removes an owner and a cadence override with "none" and "default"', async () => {
    await cli.run('candidate', 'set', 'jose@example.com', '--owner', 'bob@agency.example', '--cadence-days', '45');
    expect(await show('jose@example.com')).toMatchObject({ owner: 'bob@agency.example', cadenceDays: 45 });
    const result = await cli.run(
      'candidate',
      'set',
      'jose@example.com',
      '--owner',
      'none',
      '--cadence-days',
      'default',
    );
    expect(result.stdout).toBe('updated jose@example.com: cadence_days, owner\n');
    expect(await show('jose@example.com')).toMatchObject({ owner: null, cadenceDays: null });
    expect((await cli.run('candidate', 'set', 'jose@example.com', '--cadence-days', 'often')).code).toBe(2);
  });

  it("adds an address that then finds the person, and refuses one that is somebody else's", async () => {
    expect(
      (await cli.run('candidate', 'set', 'jose@example.com', '--add-email', 'jose.nunez@gmail.com', '--json')).stdout,
    ).toBe(
      `${JSON.stringify({ candidateId: 1, changed: ['email'], addedAddressKeys: ['josenunez@gmail.com'] }, null, 2)}\n`,
    );
    expect(await show('JoseNunez@gmail.com')).toMatchObject({ name: 'José Núñez' });
    expect(await cli.run('candidate', 'set', 'jose@example.com', '--add-email', 'ann@example.com')).toMatchObject({
      code: 1,
      stderr: 'keepwarm: ann@example.com already belongs to another candidate\n',
    });
  });

  it('hands added addresses to the backfill seam after the commit', async () => {
    const calls: [number, readonly string[]][] = [];
    await cli.withDb((db) =>
      updateCandidate(
        db,
        'ann@example.com',
        { addEmail: 'ann.lee@work.example' },
        { now: new Date('2024-06-04T00:00:00Z'), backfill: async (id, keys) => void calls.push([id, keys]) },
      ),
    );
    expect(calls).toEqual([[2, ['ann.lee@work.example']]]);
  });

  it.each([
    [[], 'nothing to change; give at least one option'],
    [['--status', 'hired'], "option '--status <status>' argument 'hired' is invalid"],
    [['--cadence-days', '-3'], "argument '-3' is invalid"],
    [['--feedback-notes', 'x'], '--feedback-notes needs --opening TITLE'],
    [['--add-email', 'nope'], "argument 'nope' is invalid"],
  ])('rejects %j as bad usage (exit 2)', async (args, message) => {
    const result = await cli.run('candidate', 'set', 'jose@example.com', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('fails with exit 1 for an unknown owner or opening', async () => {
    expect((await cli.run('candidate', 'set', 'jose@example.com', '--owner', 'zed@agency.example')).code).toBe(1);
    expect(
      (await cli.run('candidate', 'set', 'jose@example.com', '--feedback-notes', 'x', '--opening', 'Nurse')).code,
    ).toBe(1);
  });
});

describe('keepwarm candidate snooze', () => {
  it('snoozes until a date with a reason, then clears it, auditing both', async () => {
    const snoozed = await cli.run(
      'candidate',
      'snooze',
      'ann@example.com',
      '--until',
      '2024-09-01',
      '--reason',
      'parental leave',
    );
    expect(snoozed).toMatchObject({ code: 0, stdout: 'ann@example.com is snoozed until 2024-09-01T00:00:00.000Z\n' });
    expect(await show('ann@example.com')).toMatchObject({
      snoozedUntil: '2024-09-01T00:00:00.000Z',
      snoozeReason: 'parental leave',
    });
    expect((await cli.run('candidate', 'snooze', 'ann@example.com', '--clear')).stdout).toBe(
      'ann@example.com is not snoozed\n',
    );
    expect(await show('ann@example.com')).toMatchObject({ snoozedUntil: null, snoozeReason: null });
    expect((await auditActions()).slice(-2).map((a) => [a.action, a.detail])).toEqual([
      ['snooze', JSON.stringify({ until: '2024-09-01T00:00:00.000Z' })],
      ['unsnooze', null],
    ]);
  });

  it.each([
    [[], 'give either --until DATE or --clear'],
    [['--until', '2024-01-01'], 'is not in the future'],
    [['--until', 'next week'], "argument 'next week' is invalid"],
    [['--until', '2024-09-01', '--clear'], 'give either --until DATE or --clear'],
  ])('rejects %j as bad usage (exit 2)', async (args, message) => {
    const result = await cli.run('candidate', 'snooze', 'ann@example.com', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
