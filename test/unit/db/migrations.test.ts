import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../src/db/open-database.js';
import { migrateAllDown, migrateToLatest } from '../../../src/db/migrate.js';
import type { Database } from '../../../src/db/schema.js';
import { migrations } from '../../../migrations/index.js';

let dir: string;
let opened: OpenedDatabase;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-migrate-'));
  opened = openDatabase({ kind: 'sqlite', file: path.join(dir, 'keepwarm.db') });
});
afterEach(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function schema(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name
  `.execute(db);
  return rows.rows.map((row) => `${row.type} ${row.name}: ${row.sql ?? ''}`);
}

describe('migrations', () => {
  it('run up, all the way down, and up again to the same schema', async () => {
    const first = await migrateToLatest(opened.db);
    const names = Object.keys(migrations);
    expect(names.slice(0, 4)).toEqual([
      '0001_talent_library',
      '0002_candidate_activity',
      '0003_candidate_search',
      '0004_candidate_digest',
    ]);
    expect(first.map((result) => [result.migrationName, result.status])).toEqual(
      names.map((name) => [name, 'Success']),
    );
    const upSchema = await schema(opened.db);
    // 20 tables, and two full-text indexes with four FTS5 shadow tables each.
    expect(upSchema.filter((entry) => entry.startsWith('table ')).length).toBe(30);

    const down = await migrateAllDown(opened.db);
    expect(down.map((result) => [result.migrationName, result.direction, result.status])).toEqual(
      [...names].reverse().map((name) => [name, 'Down', 'Success']),
    );
    expect(await schema(opened.db)).toEqual([]);

    await migrateToLatest(opened.db);
    expect(await schema(opened.db)).toEqual(upSchema);
    expect(await migrateToLatest(opened.db)).toEqual([]);
  });

  it('opens SQLite in WAL mode with foreign keys and secure delete on', async () => {
    const pragma = async (name: string): Promise<unknown> =>
      Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(opened.db)).rows[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('secure_delete')).toBe(1);
  });
});
