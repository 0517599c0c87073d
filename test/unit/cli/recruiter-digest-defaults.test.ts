// The config's digest day and time are the defaults for recruiters added later; each can override them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';

let cli: CliWorkspace;
beforeEach(() => {
  cli = createCliWorkspace();
  fs.writeFileSync(
    path.join(cli.dir, 'keepwarm.config.json'),
    JSON.stringify({ database: 'sqlite:./data/keepwarm.db', digest: { day: 5, time: '16:30' } }),
  );
});
afterEach(() => cli.remove());

it('gives a new recruiter the configured digest day and time unless told otherwise', async () => {
  expect((await cli.run('recruiter', 'add', '--email', 'a@agency.example', '--name', 'A')).code).toBe(0);
  expect(
    (
      await cli.run(
        'recruiter',
        'add',
        '--email',
        'b@agency.example',
        '--name',
        'B',
        '--digest-day',
        '2',
        '--digest-time',
        '07:15',
      )
    ).code,
  ).toBe(0);
  // Re-adding without options keeps what is stored.
  expect((await cli.run('recruiter', 'add', '--email', 'b@agency.example', '--name', 'B')).code).toBe(0);
  const rows = await cli.withDb((db) =>
    db.selectFrom('recruiters').select(['email', 'digest_day', 'digest_time']).orderBy('email').execute(),
  );
  expect(rows).toEqual([
    { email: 'a@agency.example', digest_day: 5, digest_time: '16:30' },
    { email: 'b@agency.example', digest_day: 2, digest_time: '07:15' },
  ]);
});
