// The candidate_activity triggers (migration 0002) keep each candidate's latest personal mail exact whoever
// writes the interactions, so the admin list can sort by last contact from an index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../src/db/open-database.js';
import { migrateToLatest } from '../../../src/db/migrate.js';
import type { InteractionKind } from '../../../src/db/schema.js';
import { eraseCandidate } from '../../../src/library/erase-candidate.js';

let dir: string;
let opened: OpenedDatabase;
let key = 0;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-activity-'));
  opened = openDatabase({ kind: 'sqlite', file: path.join(dir, 'keepwarm.db') });
  await migrateToLatest(opened.db);
});
afterEach(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function candidate(name: string, email: string): Promise<number> {
  const { id } = await opened.db.insertInto('candidates').values({ name }).returning('id').executeTakeFirstOrThrow();
  await opened.db
    .insertInto('candidate_emails')
    .values({ candidate_id: id, email, email_key: email, is_primary: 1 })
    .execute();
  return id;
}

async function mail(candidateId: number, at: string, kind: InteractionKind = 'personal'): Promise<number> {
  const row = await opened.db
    .insertInto('interactions')
    .values({ candidate_id: candidateId, message_key: `m${++key}`, direction: 'inbound', kind, occurred_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const lastContact = async (candidateId: number): Promise<string | null> =>
  (
    await opened.db
      .selectFrom('candidate_activity')
      .select('last_contact_at')
      .where('candidate_id', '=', candidateId)
      .executeTakeFirst()
  )?.last_contact_at ?? null;

describe('candidate_activity', () => {
  it('follows the latest personal mail as mail is logged, moved and removed', async () => {
    const id = await candidate('Jane Roe', 'jane@example.com');
    await mail(id, '2024-05-01T10:00:00.000Z', 'bulk');
    expect(await lastContact(id)).toBeNull();
    const first = await mail(id, '2024-05-02T10:00:00.000Z');
    await mail(id, '2024-04-01T10:00:00.000Z');
    expect(await lastContact(id)).toBe('2024-05-02T10:00:00.000Z');
    await opened.db
      .updateTable('interactions')
      .set({ occurred_at: '2024-03-01T10:00:00.000Z' })
      .where('id', '=', first)
      .execute();
    expect(await lastContact(id)).toBe('2024-04-01T10:00:00.000Z');
    await opened.db
      .updateTable('interactions')
      .set({ kind: 'auto_reply' })
      .where('occurred_at', '=', '2024-04-01T10:00:00.000Z')
      .execute();
    expect(await lastContact(id)).toBe('2024-03-01T10:00:00.000Z');
    await opened.db.deleteFrom('interactions').where('id', '=', first).execute();
    expect(await lastContact(id)).toBeNull();
  });

  it('goes with the candidate when they are erased, as does their search entry', async () => {
    const id = await candidate('Jane Roe', 'jane@example.com');
    await mail(id, '2024-05-02T10:00:00.000Z');
    await mail(id, '2024-05-03T10:00:00.000Z');
    await eraseCandidate(opened.db, 'jane@example.com', { now: new Date('2024-06-01T00:00:00Z') });
    expect(await opened.db.selectFrom('candidate_activity').selectAll().execute()).toEqual([]);
    // The search index (migration 0003) lets go of them too.
    expect(
      (
        await sql<{
          n: number;
        }>`select (select count(*) from candidate_name_search) + (select count(*) from candidate_email_search) as n`.execute(
          opened.db,
        )
      ).rows[0]?.n,
    ).toBe(0);
  });
});
