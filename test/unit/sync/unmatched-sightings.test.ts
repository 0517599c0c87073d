// Strangers are counted on the triage list a batch at a time. The rows must come out exactly as
// recording each sighting on its own did: a count per sighting, the latest date, the last name given,
// the address first seen, ids in the order first seen, and NULL-recruiter rows never doubled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../src/db/open-database.js';
import { migrateToLatest } from '../../../src/db/migrate.js';
import type { Database } from '../../../src/db/schema.js';
import { recordUnmatchedSightings, tallySightings, type UnmatchedSighting } from '../../../src/sync/library-writes.js';

let dir: string;
const opened: OpenedDatabase[] = [];

async function freshLibrary(): Promise<Kysely<Database>> {
  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, `library-${opened.length}.db`) });
  opened.push(db);
  await migrateToLatest(db.db);
  await db.db
    .insertInto('recruiters')
    .values([
      { name: 'Alice', email: 'alice@agency.example' },
      { name: 'Bob', email: 'bob@agency.example' },
    ])
    .execute();
  // Already on the list before the sync: one with a recruiter, one without, one dismissed.
  await db.db
    .insertInto('unmatched_addresses')
    .values([
      {
        email_key: 'rep1@vendor.example',
        email: 'Rep1@Vendor.example',
        display_name: 'Old Name',
        recruiter_id: 1,
        message_count: 4,
        last_seen_at: '2026-11-30T00:00:00.000Z',
      },
      {
        email_key: 'hr@client.example',
        email: 'hr@client.example',
        display_name: null,
        recruiter_id: null,
        message_count: 2,
        last_seen_at: '2026-01-01T00:00:00.000Z',
      },
      {
        email_key: 'gone@vendor.example',
        email: 'gone@vendor.example',
        display_name: 'Gone',
        recruiter_id: 2,
        message_count: 1,
        last_seen_at: '2026-01-01T00:00:00.000Z',
        dismissed_at: '2026-02-01T00:00:00.000Z',
      },
    ])
    .execute();
  return db.db;
}

/** The one-by-one recording the batch replaces, as it was written. */
async function recordOneByOne(db: Kysely<Database>, sightings: readonly UnmatchedSighting[]): Promise<void> {
  for (const item of sightings) {
    const name = item.party.name.trim() || null;
    const at = item.at;
    const existing = await db
      .selectFrom('unmatched_addresses')
      .select(['id', 'last_seen_at'])
      .where('email_key', '=', item.key)
      .where((eb) =>
        item.recruiterId === null ? eb('recruiter_id', 'is', null) : eb('recruiter_id', '=', item.recruiterId),
      )
      .executeTakeFirst();
    if (existing) {
      await db
        .updateTable('unmatched_addresses')
        .set((eb) => ({
          message_count: eb('message_count', '+', 1),
          last_seen_at: existing.last_seen_at > at ? existing.last_seen_at : at,
          ...(name ? { display_name: name } : {}),
        }))
        .where('id', '=', existing.id)
        .execute();
    } else {
      await db
        .insertInto('unmatched_addresses')
        .values({
          email_key: item.key,
          email: item.party.address.trim(),
          display_name: name,
          recruiter_id: item.recruiterId,
          message_count: 1,
          last_seen_at: at,
        })
        .execute();
    }
  }
}

function sighting(address: string, name: string, recruiterId: number | null, at: string): UnmatchedSighting {
  return { party: { address, name }, key: address.trim().toLowerCase(), recruiterId, at };
}

const SIGHTINGS: UnmatchedSighting[] = [
  sighting('Rep1@Vendor.example', '', 1, '2026-11-01T00:00:00.000Z'), // older than the stored date
  sighting('new@vendor.example', 'First Name', 1, '2026-05-01T00:00:00.000Z'),
  sighting('hr@client.example', 'HR Team', null, '2026-03-01T00:00:00.000Z'),
  sighting('New@Vendor.example ', '', 1, '2026-06-01T00:00:00.000Z'), // same key, other spelling: the first address stays
  sighting('new@vendor.example', 'Later Name', 2, '2026-04-01T00:00:00.000Z'), // another recruiter: its own row
  sighting('solo@nowhere.example', '  ', null, '2026-02-01T00:00:00.000Z'),
  sighting('new@vendor.example', 'Last Name', 1, '2026-05-15T00:00:00.000Z'),
  sighting('solo@nowhere.example', 'Solo', null, '2026-01-15T00:00:00.000Z'),
  sighting('gone@vendor.example', '', 2, '2026-12-01T00:00:00.000Z'), // dismissed: counted, stays dismissed
  sighting('rep1@vendor.example', 'Rep One', 1, '2026-12-24T00:00:00.000Z'),
];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-unmatched-'));
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recordUnmatchedSightings', () => {
  it('leaves the triage list exactly as recording each sighting on its own did', async () => {
    const oneByOne = await freshLibrary();
    const batched = await freshLibrary();
    await recordOneByOne(oneByOne, SIGHTINGS);
    await recordOneByOne(oneByOne, SIGHTINGS.slice(2, 6));
    await recordUnmatchedSightings(batched, SIGHTINGS);
    await recordUnmatchedSightings(batched, SIGHTINGS.slice(2, 6));
    const rows = (db: Kysely<Database>) => db.selectFrom('unmatched_addresses').selectAll().orderBy('id').execute();
    const expected = await rows(oneByOne);
    expect(expected.length).toBe(6);
    expect(await rows(batched)).toEqual(expected);
  });

  it('tallies one row per address and recruiter, in the order first seen', () => {
    const tallies = tallySightings(SIGHTINGS);
    expect(tallies.map((t) => [t.key, t.recruiterId, t.count])).toEqual([
      ['rep1@vendor.example', 1, 2],
      ['new@vendor.example', 1, 3],
      ['hr@client.example', null, 1],
      ['new@vendor.example', 2, 1],
      ['solo@nowhere.example', null, 2],
      ['gone@vendor.example', 2, 1],
    ]);
    expect(tallies[1]).toMatchObject({
      email: 'new@vendor.example',
      name: 'Last Name',
      lastSeenAt: '2026-06-01T00:00:00.000Z',
    });
  });

  it('writes nothing for an empty batch', async () => {
    const db = await freshLibrary();
    await recordUnmatchedSightings(db, []);
    expect(await db.selectFrom('unmatched_addresses').select('id').execute()).toHaveLength(3);
  });
});
