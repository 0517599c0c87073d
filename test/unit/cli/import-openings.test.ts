import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { snapshotLibrary } from '../../support/library-snapshot.js';

let cli: CliWorkspace;
beforeEach(async () => {
  cli = createCliWorkspace();
  await cli.run('recruiter', 'add', '--email', 'alice@agency.example', '--name', 'Alice');
});
afterEach(() => cli.remove());

const OPENINGS = [
  'Title,Client,Skills,Status,Owner,Opened_At',
  'Sales Rep,Acme Health,Medical sales; CRM,open,alice@agency.example,2024-05-01',
  '"Nurse, night shift",Clínica Núñez,,filled,,',
].join('\r\n');

describe('keepwarm import openings', () => {
  it('creates openings, then upserts them by title and client whatever their case', async () => {
    const first = await cli.run('import', 'openings', cli.write('openings.csv', OPENINGS));
    expect(first).toMatchObject({
      code: 0,
      stdout:
        'created 2, updated 0, 0 unchanged opening(s)\n  line 2: create Sales Rep (Acme Health)\n  line 3: create Nurse, night shift (Clínica Núñez)\n',
    });
    const update = await cli.run(
      'import',
      'openings',
      cli.write('update.csv', 'title,client,status\nSALES REP,acme health,closed\n'),
      '--json',
    );
    expect(JSON.parse(update.stdout)).toMatchObject({
      openings: { created: 0, updated: 1, unchanged: 0 },
      changes: [{ line: 2, fields: ['status'] }],
    });
    const rows = await cli.withDb((db) =>
      db
        .selectFrom('openings')
        .select(['title', 'client', 'status', 'owner_recruiter_id', 'opened_at'])
        .orderBy('id')
        .execute(),
    );
    expect(rows).toEqual([
      {
        title: 'Sales Rep',
        client: 'Acme Health',
        status: 'closed',
        owner_recruiter_id: 1,
        opened_at: '2024-05-01T00:00:00.000Z',
      },
      {
        title: 'Nurse, night shift',
        client: 'Clínica Núñez',
        status: 'filled',
        owner_recruiter_id: null,
        opened_at: '2024-06-03T09:00:00.000Z',
      },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = cli.write('openings.csv', OPENINGS);
    await cli.run('import', 'openings', file);
    const before = await cli.withDb(snapshotLibrary);
    cli.setNow('2024-07-01T00:00:00.000Z');
    expect((await cli.run('import', 'openings', file)).stdout).toBe('created 0, updated 0, 2 unchanged opening(s)\n');
    expect(await cli.withDb(snapshotLibrary)).toEqual(before);
  });

  it('rejects bad rows by line and writes nothing', async () => {
    const file = cli.write(
      'bad.csv',
      'title,client,status,owner,opened_at\nRep,Acme,hiring,,\n,Acme,,,\nRep,ACME,,bob@agency.example,May 1\n',
    );
    const result = await cli.run('import', 'openings', file);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').slice(1, -1)).toEqual([
      '  - line 2: unknown status "hiring" (use one of open, filled, closed)',
      '  - line 3: title is missing',
      '  - line 4: "Rep" for ACME is already on line 2',
      '  - line 4: unknown owner "bob@agency.example" (add them first: keepwarm recruiter add)',
      '  - line 4: opened_at "May 1" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)',
    ]);
    expect(await cli.withDb(async (db) => (await db.selectFrom('openings').selectAll().execute()).length)).toBe(0);
  });
});
