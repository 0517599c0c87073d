// Every row of every library table, so a test can prove that a command changed nothing at all (not even an
// updated_at), or that an erased person left no trace anywhere.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

export async function snapshotLibrary(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  // Full-text indexes (the candidate search indexes and their FTS5 shadow tables) are derived from the tables listed here;
  // the database file itself is what the erase tests search for traces.
  const tables = await sql<{ name: string }>`
    select name from sqlite_master m where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
      and sql not like 'CREATE VIRTUAL TABLE%'
      and not exists (select 1 from sqlite_master v where v.sql like 'CREATE VIRTUAL TABLE%' and substr(m.name, 1, length(v.name) + 1) = v.name || '_')
    order by name
  `.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    snapshot[name] = (
      await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by rowid`.execute(db)
    ).rows;
  }
  return snapshot;
}
