import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';
import { snapshotLibrary } from '../../support/library-snapshot.js';
import { isSuppressed } from '../../../src/library/suppressions.js';
import { eraseCandidate } from '../../../src/library/erase-candidate.js';
import { openDatabase } from '../../../src/db/open-database.js';

let cli: CliWorkspace;
beforeEach(async () => {
  cli = createCliWorkspace();
  await cli.run('recruiter', 'add', '--email', 'alice@agency.example', '--name', 'Alice');
  const csv = [
    'name,email,skills,status,opening,client,decided_at,owner,cadence_days,snoozed_until,notes',
    'José Núñez,jose.nunez@example.com; J.Nunez+jobs@Gmail.com,Medical sales; CRM,runner_up,Sales Rep,"Acme, Inc.",2024-03-01,alice@agency.example,45,2024-09-01,"said ""maybe"",',
    'call in May"',
    'José Núñez,jose.nunez@example.com,,,Account Manager,Beta Pharma,,,,,',
    'Ann Lee,ann@example.com,,placed_elsewhere,,,,,,,',
  ].join('\r\n');
  await cli.run('import', 'candidates', cli.write('library.csv', csv));
});
afterEach(() => cli.remove());

async function addMailAbout(candidateId: number, address: string): Promise<void> {
  await cli.withDb(async (db) => {
    const { id } = await db
      .insertInto('interactions')
      .values({
        candidate_id: candidateId,
        recruiter_id: 1,
        message_key: `<${candidateId}@example.com>`,
        direction: 'inbound',
        kind: 'personal',
        occurred_at: '2024-05-02T10:00:00.000Z',
        subject: 'Hola from José Núñez',
        snippet: 'Best, José Núñez',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('interaction_signals')
      .values({
        interaction_id: id,
        code: 'life_event',
        category: 'move',
        text: 'we moved to Madrid',
        detail: '{"where":"Madrid"}',
      })
      .execute();
    await db
      .insertInto('interaction_sources')
      .values({ interaction_id: id, mailbox: 'log', folder: 'INBOX', uidvalidity: '1', uid: '9' })
      .execute();
    await db
      .insertInto('unmatched_addresses')
      .values({
        email_key: 'jose.nunez@example.com',
        email: address,
        display_name: 'José Núñez',
        recruiter_id: 1,
        message_count: 2,
        last_seen_at: '2024-01-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('quarantine')
      .values({
        mailbox: 'log',
        folder: 'INBOX',
        uid: '10',
        sender: `José Núñez <${address}>`,
        subject: 'CV José Núñez',
        reason: 'parse_failed',
      })
      .execute();
  });
}

describe('keepwarm export', () => {
  it('exports the library as CSV that imports back with no change at all', async () => {
    await cli.run(
      'candidate',
      'set',
      'ann@example.com',
      '--add-email',
      'ann.lee@work.example',
      '--notes',
      'line one\nline two',
    );
    const exported = await cli.run('export', '--out', 'library-export.csv');
    expect(exported).toMatchObject({ code: 0, stdout: `wrote ${path.join(cli.dir, 'library-export.csv')}\n` });
    expect(fs.statSync(path.join(cli.dir, 'library-export.csv')).mode & 0o777).toBe(0o600);
    const before = await cli.withDb(snapshotLibrary);
    cli.setNow('2024-08-01T00:00:00.000Z');
    const reimport = await cli.run('import', 'candidates', 'library-export.csv');
    expect(reimport).toMatchObject({
      code: 0,
      stdout: 'created 0, updated 0, 2 unchanged candidate(s); 0 opening(s) created\n',
    });
    expect(await cli.withDb(snapshotLibrary)).toEqual(before);
    expect((await cli.run('export')).stdout).toBe(fs.readFileSync(path.join(cli.dir, 'library-export.csv'), 'utf8'));
  });

  it("exports one person's data as JSON, mail with signals and sources and the audit trail included", async () => {
    await addMailAbout(1, 'jose.nunez@example.com');
    const result = await cli.run('export', 'JNunez@gmail.com');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(data).toMatchObject({
      exportedAt: '2024-06-03T09:00:00.000Z',
      candidate: {
        name: 'José Núñez',
        status: 'runner_up',
        cadence_days: 45,
        notes: 'said "maybe",\ncall in May',
        owner: { name: 'Alice', email: 'alice@agency.example' },
      },
      emails: [
        { email: 'jose.nunez@example.com', is_primary: 1 },
        { email: 'J.Nunez+jobs@Gmail.com', email_key: 'jnunez@gmail.com' },
      ],
      skills: ['Medical sales', 'CRM'],
      outcomes: [
        { opening: 'Sales Rep', client: 'Acme, Inc.', stage: 'runner_up', decided_at: '2024-03-01T00:00:00.000Z' },
        { opening: 'Account Manager', client: 'Beta Pharma' },
      ],
      interactions: [
        {
          subject: 'Hola from José Núñez',
          signals: [{ code: 'life_event', text: 'we moved to Madrid', detail: { where: 'Madrid' } }],
          sources: [{ mailbox: 'log', folder: 'INBOX', uidvalidity: '1', uid: '9' }],
        },
      ],
      unmatchedTriage: [{ email: 'jose.nunez@example.com', display_name: 'José Núñez' }],
      auditLog: [{ action: 'import_create', actor: 'cli', detail: { line: 2, fields: expect.any(Array) as unknown } }],
    });
  });
});

describe('keepwarm erase', () => {
  it('shows what it would erase and exits 2 without --yes, erasing nothing', async () => {
    const result = await cli.run('erase', 'jose.nunez@example.com');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      'would erase José Núñez <jose.nunez@example.com>, <J.Nunez+jobs@Gmail.com>:\n  addresses: 2\n  skills: 2\n  outcomes: 2\n',
    );
    expect(result.stderr).toBe('keepwarm: nothing erased; run again with --yes to erase\n');
    expect((await cli.run('candidates', 'show', 'jose.nunez@example.com')).code).toBe(0);
  });

  it('leaves no trace of the name or any address in any table or in the database file, and keeps them out', async () => {
    await addMailAbout(1, 'jose.nunez@example.com');
    await cli.run('never-log', 'add', 'J.Nunez@gmail.com', '--reason', 'asked by José Núñez');
    // Feedback notes are copied into the digest's per-candidate table too (migration 0007).
    await cli.withDb((db) =>
      db
        .updateTable('outcomes')
        .set({ feedback_notes: 'Great demo in Valencia' })
        .where('candidate_id', '=', 1)
        .execute(),
    );
    const traces = ['José', 'Núñez', 'Nunez', 'nunez', 'jnunez', 'Madrid', 'said "maybe"', 'Valencia'];
    // The check below can fail: before the erase, every trace is in the file.
    for (const trace of traces)
      expect(fs.readFileSync(cli.dbFile).includes(Buffer.from(trace, 'utf8')), trace).toBe(true);

    const result = await cli.run('erase', 'jose.nunez@example.com', '--yes');
    expect(result).toMatchObject({
      code: 0,
      stdout: 'erased; 2 address(es) suppressed so later mail is not stored\n',
      stderr: '',
    });

    const everything = JSON.stringify(await cli.withDb(snapshotLibrary));
    for (const trace of traces) expect(everything).not.toContain(trace);
    expect(everything).toContain('Ann Lee');
    for (const file of [cli.dbFile, `${cli.dbFile}-wal`].filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      for (const trace of traces) expect(bytes.includes(Buffer.from(trace, 'utf8')), `${trace} in ${file}`).toBe(false);
    }

    expect(await cli.withDb((db) => isSuppressed(db, 'jnunez@gmail.com'))).toBe(true);
    expect(await cli.withDb((db) => isSuppressed(db, 'ann@example.com'))).toBe(false);
    const audit = await cli.withDb((db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'detail'])
        .where('entity', '=', 'candidate')
        .where('entity_id', '=', 1)
        .execute(),
    );
    expect(audit).toEqual([
      { action: 'import_create', entity: 'candidate', detail: null },
      { action: 'erase', entity: 'candidate', detail: '{"addresses":2}' },
    ]);
    const again = await cli.run(
      'import',
      'candidates',
      cli.write('again.csv', 'name,email\nJosé Núñez,jnunez@gmail.com\n'),
    );
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain(
      'line 2: jnunez@gmail.com belongs to a person erased on request and cannot be imported again',
    );
    expect((await cli.run('candidate', 'set', 'ann@example.com', '--add-email', 'jose.nunez@example.com')).code).toBe(
      1,
    );
  });

  it('clears the write-ahead log before returning, while the database is still open', async () => {
    const opened = openDatabase({ kind: 'sqlite', file: cli.dbFile });
    try {
      const result = await eraseCandidate(opened.db, 'ann@example.com', { now: new Date('2024-06-04T00:00:00Z') });
      expect(result.walCleared).toBe(true);
      expect(fs.statSync(`${cli.dbFile}-wal`).size).toBe(0);
      expect(fs.readFileSync(cli.dbFile).includes(Buffer.from('ann@example.com'))).toBe(false);
    } finally {
      await opened.close();
    }
  });

  it('fails with exit 1 for an address nobody has', async () => {
    expect((await cli.run('erase', 'nobody@example.com', '--yes')).code).toBe(1);
  });
});

describe('keepwarm never-log', () => {
  it('adds addresses by key, updates a reason, and lists them', async () => {
    expect((await cli.run('never-log', 'add', 'Partner+x@Example.com', '--reason', 'private')).stdout).toBe(
      'added partner@example.com\n',
    );
    expect((await cli.run('never-log', 'add', 'partner@example.com')).stdout).toBe('unchanged partner@example.com\n');
    expect((await cli.run('never-log', 'add', 'partner@example.com', '--reason', 'family')).stdout).toBe(
      'updated partner@example.com\n',
    );
    expect(JSON.parse((await cli.run('never-log', 'list', '--json')).stdout)).toEqual([
      { emailKey: 'partner@example.com', reason: 'family', createdAt: '2024-06-03T09:00:00.000Z' },
    ]);
    expect((await cli.run('never-log', 'add', 'not an address')).code).toBe(2);
  });
});
