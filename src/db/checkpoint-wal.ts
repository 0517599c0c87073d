// After an erase the deleted rows must leave the write-ahead log too, not only the main file (secure_delete
// zeroes freed pages in the file; the WAL still holds the old page images until a checkpoint truncates it).
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** True when every WAL frame was copied back and the WAL truncated; false when a reader held it open. */
export async function checkpointWal(db: Kysely<Database>): Promise<boolean> {
  const result = await sql<{
    busy: number;
    log: number;
    checkpointed: number;
  }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  const row = result.rows[0];
  return row !== undefined && row.busy === 0 && row.log === row.checkpointed;
}
