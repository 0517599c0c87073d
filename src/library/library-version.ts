// A token that changes whenever the library may have changed, so a process can keep something costly it derived
// from the library (every candidate id, at 100,000 people) until then, and still never serve it stale.
// SQLite's data_version moves when another connection commits (a CLI import or erase); total_changes() when
// this one writes (the sync, the admin page), counting rows changed by triggers too. Reading both is one
// statement of no cost. Kysely's SQLite driver runs every query on its one connection, one at a time, so a
// read never sees another flow's uncommitted transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export async function readLibraryVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{
    version: number;
    changes: number;
  }>`select (select data_version from pragma_data_version) as version, total_changes() as changes`.execute(db);
  const row = rows[0];
  return `${row?.version ?? 0}:${row?.changes ?? 0}`;
}

/** compute(), run again only once the library has changed since its last result. */
export function memoizeByLibraryVersion<T>(db: Kysely<Database>, compute: () => Promise<T>): () => Promise<T> {
  let memo: { version: string; value: T } | null = null;
  return async () => {
    const version = await readLibraryVersion(db);
    if (memo?.version === version) return memo.value;
    const value = await compute();
    // Stamped with the version read before computing: a write meanwhile makes the next call compute again.
    memo = { version, value };
    return value;
  };
}

export interface VersionedCache {
  /** The value kept for `key` at the library's current version, computed (and kept) when there is none. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** Small derived values (counts, the recruiters) kept per library version; all are dropped when it changes. */
export function createVersionedCache(db: Kysely<Database>, options: { maxKeys?: number } = {}): VersionedCache {
  const maxKeys = options.maxKeys ?? 256;
  let version = '';
  let values = new Map<string, unknown>();
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const now = await readLibraryVersion(db);
      if (now !== version) {
        values = new Map();
        version = now;
      }
      if (values.has(key)) return values.get(key) as T;
      const value = await compute();
      // Stamped with the version read before computing, so a write meanwhile makes the next call compute
      // again; not kept if another call has already moved on to a newer version.
      if (version === now) {
        if (values.size >= maxKeys) values.clear();
        values.set(key, value);
      }
      return value;
    },
  };
}
