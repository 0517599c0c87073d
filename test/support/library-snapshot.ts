// Every row of every library table, so a test can prove that a command changed nothing at all (not even an
// updated_at), or that an erased person left no trace anywhere.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

export async function snapshotLibrary(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name
  `.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    snapshot[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by rowid`.execute(db)).rows;
  }
  return snapshot;
}
