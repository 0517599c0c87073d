// `keepwarm import mail` logs history from files through the same pipeline as the IMAP sync: .eml
// files, folders of them, mbox (Gmail Takeout) and Maildir, and importing twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { CANDIDATES_CSV } from '../../support/sync-world.js';

const FIXTURES = new URL('../../fixtures/mail/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, FIXTURES));
let cli: CliWorkspace;

beforeEach(async () => {
  cli = createCliWorkspace();
  fs.writeFileSync(
    path.join(cli.dir, 'keepwarm.config.json'),
    JSON.stringify({ database: 'sqlite:./data/keepwarm.db', logAddress: 'log@agency.example' }),
  );
  expect((await cli.run('recruiter', 'add', '--email', 'alice@agency.example', '--name', 'Alice Smith')).code).toBe(0);
  expect((await cli.run('recruiter', 'add', '--email', 'bob@agency.example', '--name', 'Bob Jones')).code).toBe(0);
  cli.write('candidates.csv', CANDIDATES_CSV);
  expect((await cli.run('import', 'candidates', 'candidates.csv')).code).toBe(0);
});

afterEach(() => cli.remove());

async function subjects(): Promise<string[]> {
  return cli.withDb(async (db) =>
    (await db.selectFrom('interactions').select('subject').orderBy('subject').execute()).map((r) => r.subject),
  );
}

describe('keepwarm import mail', () => {
  it('logs .eml files and folders of them, and a second import changes nothing', async () => {
    const folder = path.join(cli.dir, 'history');
    fs.mkdirSync(folder);
    for (const name of ['gmail-reply.eml', 'outlook-reply.eml', 'newsletter.eml'])
      fs.writeFileSync(path.join(folder, name), fixture(name));
    fs.writeFileSync(path.join(cli.dir, 'single.eml'), fixture('opt-out-reply.eml'));
    const first = await cli.run('import', 'mail', 'history', 'single.eml', '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ files: 4, logged: 3, ignored: 1 });
    const second = await cli.run('import', 'mail', 'history', 'single.eml', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ files: 4, logged: 0, duplicates: 3 });
    expect(await subjects()).toHaveLength(3);
  });

  it('reads an mbox file one message at a time, unescaping >From lines', async () => {
    const mbox = ['gmail-reply.eml', 'outlook-reply.eml']
      .map(
        (name) =>
          `From MAILER-DAEMON Mon Nov 23 10:00:00 2026\n${fixture(name)
            .toString('latin1')
            .replace(/\r\n/g, '\n')
            .replace(/^From /gm, '>From ')}\n`,
      )
      .join('');
    cli.write('takeout.mbox', mbox);
    const result = await cli.run('import', 'mail', 'takeout.mbox', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 2, logged: 2 });
  });

  it('reads a Maildir and skips its tmp folder', async () => {
    const maildir = path.join(cli.dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
    fs.writeFileSync(path.join(maildir, 'cur', '1700000000.1.host:2,S'), fixture('gmail-reply.eml'));
    fs.writeFileSync(path.join(maildir, 'new', '1700000001.2.host'), fixture('life-event-reply.eml'));
    fs.writeFileSync(path.join(maildir, 'tmp', '1700000002.3.host'), fixture('outlook-reply.eml'));
    const result = await cli.run('import', 'mail', 'Maildir', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 2, logged: 2 });
  });

  it("treats a recruiter's own export (--as) as their Sent and INBOX", async () => {
    const raw = fixture('promise-outbound.eml')
      .toString('latin1')
      .replace(/^Bcc:.*\r\n/m, '');
    cli.write('sent.eml', raw);
    const result = await cli.run('import', 'mail', 'sent.eml', '--as', 'alice@agency.example', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ logged: 1 });
    const rows = await cli.withDb((db) =>
      db.selectFrom('interactions').select(['direction', 'recruiter_id']).execute(),
    );
    expect(rows).toMatchObject([{ direction: 'outbound' }]);
  });

  it('refuses --as for someone who is not a recruiter, and names a missing path', async () => {
    cli.write('x.eml', fixture('gmail-reply.eml').toString('latin1'));
    expect((await cli.run('import', 'mail', 'x.eml', '--as', 'nobody@agency.example')).code).toBe(2);
    const missing = await cli.run('import', 'mail', 'nope.eml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.eml');
  });
});
