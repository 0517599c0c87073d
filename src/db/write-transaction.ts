// Writes that must land together (an import, an erase) run here. SQLite: BEGIN IMMEDIATE takes the write lock up
// front, so a running sync makes us wait (busy_timeout) instead of failing; a deferred transaction that has read
// cannot wait for the lock once another writer has committed.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
