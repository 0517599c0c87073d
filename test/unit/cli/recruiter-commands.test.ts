import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';

let cli: CliWorkspace;
beforeEach(() => {
  cli = createCliWorkspace();
});
afterEach(() => cli.remove());

describe('keepwarm recruiter', () => {
  it('adds a recruiter with aliases stored as address keys, and lists them', async () => {
    const added = await cli.run(
      'recruiter',
      'add',
      '--email',
      'Alice@Agency.example',
      '--name',
      'Alice Smith',
      '--alias',
      'alice.smith+jobs@agency.example',
      '--alias',
      'Alice.Smith@gmail.com',
      '--timezone',
      'Europe/Paris',
      '--digest-day',
      '5',
      '--digest-time',
      '7:30',
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: 'created recruiter Alice@Agency.example (name, timezone, digest_day, digest_time, aliases)\n',
    });
    const listed = await cli.run('recruiter', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id: 1,
        name: 'Alice Smith',
        email: 'Alice@Agency.example',
        aliases: ['alice.smith@agency.example', 'alicesmith@gmail.com'],
        timezone: 'Europe/Paris',
        digestDay: 5,
        digestTime: '07:30',
      },
    ]);
    expect((await cli.run('recruiter', 'list')).stdout).toContain('Fri 07:30');
  });

  it('updates the recruiter with the same address instead of adding another', async () => {
    await cli.run('recruiter', 'add', '--email', 'alice@agency.example', '--name', 'Alice');
    const again = await cli.run('recruiter', 'add', '--email', 'ALICE@agency.example', '--name', 'Alice');
    expect(again.stdout).toBe('unchanged recruiter alice@agency.example\n');
    const renamed = await cli.run(
      'recruiter',
      'add',
      '--email',
      'alice@agency.example',
      '--name',
      'Alice Smith',
      '--json',
    );
    expect(JSON.parse(renamed.stdout)).toMatchObject({ action: 'updated', fields: ['name'] });
    const count = await cli.withDb(async (db) => (await db.selectFrom('recruiters').selectAll().execute()).length);
    expect(count).toBe(1);
  });

  it("refuses an alias that is another recruiter's address", async () => {
    await cli.run('recruiter', 'add', '--email', 'alice@agency.example', '--name', 'Alice');
    const clash = await cli.run(
      'recruiter',
      'add',
      '--email',
      'bob@agency.example',
      '--name',
      'Bob',
      '--alias',
      'Alice@Agency.example',
    );
    expect(clash).toMatchObject({
      code: 1,
      stderr: 'keepwarm: Alice@Agency.example is already an address of another recruiter\n',
    });
  });

  it.each([
    [['--email', 'not-an-address', '--name', 'X'], "option '--email <address>' argument 'not-an-address' is invalid"],
    [['--email', 'x@agency.example', '--name', 'X', '--digest-day', '8'], 'expected 1 (Monday) to 7 (Sunday)'],
    [['--email', 'x@agency.example', '--name', 'X', '--timezone', 'Mars/Olympus'], 'not an IANA time zone'],
    [['--email', 'x@agency.example'], "required option '--name <name>' not specified"],
  ])('rejects bad usage %j with exit 2', async (args, message) => {
    const result = await cli.run('recruiter', 'add', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
