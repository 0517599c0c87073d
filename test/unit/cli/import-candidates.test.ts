import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { snapshotLibrary } from '../../support/library-snapshot.js';

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
});
afterEach(() => cli.remove());

const LIBRARY = [
  '\ufeffName , EMAIL,skills,status,opening,client,decided_at,owner,cadence_days,snoozed_until,notes',
  'José Núñez,jose@example.com; J.Nunez@Gmail.com,Medical sales; Python,runner_up,Sales Rep,Acme Health,2024-03-01,al@agency.example,45,,"Strong demo; ""close"" second"',
  'José Núñez,jose@example.com,,,Account Manager,Beta Pharma,2024-04-15T10:00:00+02:00,,,,',
  'Ann Lee,ann@example.com,SQL,placed_elsewhere,,,,alice@agency.example,,2024-09-01,"multi',
  'line note"',
  '"Stone, Bob",bob@example.com,,,Sales Rep,ACME HEALTH,,,,,',
].join('\r\n');

const count = (table: 'candidates' | 'candidate_emails' | 'openings' | 'outcomes' | 'audit_log') =>
  cli.withDb(async (db) => (await db.selectFrom(table).selectAll().execute()).length);

describe('keepwarm import candidates', () => {
  it('imports quoted fields, a BOM, CRLF, UTF-8 names, several addresses and one row per runner-up decision', async () => {
    const result = await cli.run('import', 'candidates', cli.write('library.csv', LIBRARY));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'created 3, updated 0, 0 unchanged candidate(s); 2 opening(s) created\n' +
        '  line 2: create José Núñez\n  line 4: create Ann Lee\n  line 6: create Stone, Bob\n',
    );
    const jose = await cli.withDb((db) =>
      db.selectFrom('candidates').selectAll().where('name', '=', 'José Núñez').executeTakeFirstOrThrow(),
    );
    expect(jose).toMatchObject({
      status: 'runner_up',
      cadence_days: 45,
      owner_recruiter_id: 1,
      notes: 'Strong demo; "close" second',
    });
    const emails = await cli.withDb((db) =>
      db
        .selectFrom('candidate_emails')
        .select(['email', 'email_key', 'is_primary'])
        .where('candidate_id', '=', jose.id)
        .execute(),
    );
    expect(emails).toEqual([
      { email: 'jose@example.com', email_key: 'jose@example.com', is_primary: 1 },
      { email: 'J.Nunez@Gmail.com', email_key: 'jnunez@gmail.com', is_primary: 0 },
    ]);
    const outcomes = await cli.withDb((db) =>
      db
        .selectFrom('outcomes')
        .innerJoin('openings', 'openings.id', 'outcomes.opening_id')
        .select(['candidate_id', 'title', 'client', 'stage', 'decided_at'])
        .orderBy('outcomes.id')
        .execute(),
    );
    expect(outcomes).toEqual([
      {
        candidate_id: jose.id,
        title: 'Sales Rep',
        client: 'Acme Health',
        stage: 'runner_up',
        decided_at: '2024-03-01T00:00:00.000Z',
      },
      {
        candidate_id: jose.id,
        title: 'Account Manager',
        client: 'Beta Pharma',
        stage: 'runner_up',
        decided_at: '2024-04-15T08:00:00.000Z',
      },
      { candidate_id: 3, title: 'Sales Rep', client: 'Acme Health', stage: 'runner_up', decided_at: null },
    ]);
    const ann = await cli.withDb((db) =>
      db.selectFrom('candidates').selectAll().where('name', '=', 'Ann Lee').executeTakeFirstOrThrow(),
    );
    expect(ann).toMatchObject({
      status: 'placed_elsewhere',
      snoozed_until: '2024-09-01T00:00:00.000Z',
      notes: 'multi\nline note',
    });
  });

  it('changes nothing at all when the same file is imported again', async () => {
    const file = cli.write('library.csv', LIBRARY);
    await cli.run('import', 'candidates', file);
    const before = await cli.withDb(snapshotLibrary);
    cli.setNow('2024-07-01T12:00:00.000Z');
    const again = await cli.run('import', 'candidates', file, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      dryRun: false,
      candidates: { created: 0, updated: 0, unchanged: 3 },
      openings: { created: 0 },
      changes: [],
      addedAddressKeys: [],
    });
    expect(await cli.withDb(snapshotLibrary)).toEqual(before);
  });

  it('rejects a bad file naming every bad line (counted across a multi-line cell) and writes nothing', async () => {
    const file = cli.write(
      'bad.csv',
      [
        'name,email,notes,status,owner,cadence_days,decided_at,opening,client',
        'Ann Lee,ann@example.com,"first line',
        'second line",active,,,,,',
        'Bob Stone,bob@example.com,,hired,,,,,',
        ',carol@example,,,,,,,',
        'Dee,dee@example.com,,,zed@agency.example,-3,2024-13-01,Rep,Acme',
        'Eve,eve@example.com; ann@example.com,,,,,,,',
      ].join('\n'),
    );
    const result = await cli.run('import', 'candidates', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'keepwarm: the file has 7 problem(s) on 4 line(s); nothing was imported',
        '  - line 4: unknown status "hired" (use one of runner_up, active, placed_elsewhere, do_not_contact, archived)',
        '  - line 5: name is missing',
        '  - line 5: "carol@example" is not an email address',
        '  - line 6: cadence_days "-3" is not a whole number of days from 1 to 3650',
        '  - line 6: decided_at "2024-13-01" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)',
        '  - line 6: unknown owner "zed@agency.example" (add them first: keepwarm recruiter add)',
        '  - line 7: ann@example.com is also on line 2 for a different person ("Ann Lee")',
        '',
      ].join('\n'),
    );
    expect(await count('candidates')).toBe(0);
    expect(await count('openings')).toBe(0);
  });

  it('updates the person found by a secondary address, which becomes primary when listed first', async () => {
    await cli.run(
      'import',
      'candidates',
      cli.write('a.csv', 'name,email\nAnn Lee,ann@example.com; ann.lee@work.example\n'),
    );
    const result = await cli.run(
      'import',
      'candidates',
      cli.write('b.csv', 'name,email,notes\nAnn Lee,Ann.Lee+cv@work.example,met in May\n'),
    );
    expect(result.stdout).toBe(
      'created 0, updated 1, 0 unchanged candidate(s); 0 opening(s) created\n  line 2: update Ann Lee (notes, primary_email)\n',
    );
    expect(await count('candidates')).toBe(1);
    const emails = await cli.withDb((db) =>
      db.selectFrom('candidate_emails').select(['email', 'is_primary']).orderBy('id').execute(),
    );
    expect(emails).toEqual([
      { email: 'ann@example.com', is_primary: 0 },
      { email: 'ann.lee@work.example', is_primary: 1 },
    ]);
  });

  it('refuses one address that belongs to two people already in the library', async () => {
    await cli.run('import', 'candidates', cli.write('a.csv', 'name,email\nAnn,ann@example.com\nBob,bob@example.com\n'));
    const result = await cli.run(
      'import',
      'candidates',
      cli.write('b.csv', 'name,email\nAnn,ann@example.com;bob@example.com\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 2: the addresses ann@example.com, bob@example.com belong to different library candidates',
    );
  });

  it('names unknown columns', async () => {
    const result = await cli.run(
      'import',
      'candidates',
      cli.write('a.csv', 'name,email,phone\nAnn,ann@example.com,555\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: unknown column(s) "phone"');
  });

  it('says what a dry run would do and writes nothing', async () => {
    const result = await cli.run('import', 'candidates', cli.write('library.csv', LIBRARY), '--dry-run');
    expect(result.stdout.split('\n')[0]).toBe(
      'dry run, nothing written: would create 3, update 0, 0 unchanged candidate(s); 2 opening(s) would be created',
    );
    expect(await count('candidates')).toBe(0);
    expect(await count('audit_log')).toBe(1); // only the recruiter
  });

  it('fails with exit 1 for a missing file and a file that is not UTF-8', async () => {
    expect(await cli.run('import', 'candidates', 'missing.csv')).toMatchObject({ code: 1 });
    cli.write('latin1.csv', '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${cli.dir}/latin1.csv`, Buffer.from('name,email\nJos\xe9,jose@example.com\n', 'latin1'));
    const latin1 = await cli.run('import', 'candidates', 'latin1.csv');
    expect(latin1).toMatchObject({
      code: 1,
      stderr: 'keepwarm: latin1.csv is not UTF-8 text; save it as "CSV UTF-8"\n',
    });
  });
});
