// Bulk reads as arrays of column values instead of row objects. better-sqlite3 builds an object with one
// property per column for each row, which costs about three times as much as the values alone; the digest
// reads every candidate of the library each week, so it takes rows this way. Queries are still built and
// bound by Kysely; only how the rows come back differs. openDatabase() registers its SQLite handles here.
import type SQLite from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema.js';

const handles = new WeakMap<Kysely<Database>, SQLite.Database>();

/** Lets forEachRow() run this Kysely instance's queries straight on its better-sqlite3 handle. */
export function registerSqliteHandle(db: Kysely<Database>, sqlite: SQLite.Database): void {
  handles.set(db, sqlite);
}

type Query = RawBuilder<unknown> | Compilable;

/** Hands each row, an array of its columns in select order, to `visit` as it is read. */
export async function forEachRow(db: Kysely<Database>, query: Query, visit: (row: unknown[]) => void): Promise<void> {
  // A raw sql`` needs the instance to compile against; a query builder already has it (and ignores it).
  const compiled: CompiledQuery = (query as RawBuilder<unknown>).compile(db);
  const sqlite = handles.get(db);
  if (sqlite) {
    // Holding Kysely's connection keeps the read out of the middle of another flow's transaction.
    await db.connection().execute(async () => {
      for (const row of sqlite
        .prepare(compiled.sql)
        .raw(true)
        .iterate(...(compiled.parameters as unknown[])))
        visit(row as unknown[]);
    });
    return;
  }
  // Any other Kysely (a transaction, another dialect): the same values through the driver.
  const result = await db.executeQuery(compiled);
  for (const row of result.rows) visit(Object.values(row as Record<string, unknown>));
}
