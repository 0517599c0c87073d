// The one place that turns the `database` URL into a Kysely instance. SQLite today; a postgres://
// URL is recognised so the error is clear, and so that dialect can be added here alone.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.js';
import { KeepwarmError } from '../errors.js';
import { registerSqliteHandle } from './read-rows.js';

export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function parseDatabaseUrl(url: string, baseDir: string): DatabaseLocation | null {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
    if (rest.length === 0) return null;
    return { kind: 'sqlite', file: path.resolve(baseDir, rest) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return null;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The SQLite file, for maintenance such as WAL checkpoints after an erase. */
  file: string;
  close(): Promise<void>;
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query it runs; the admin list's requests and the sync's batches run the same few
 * dozen statements over and over, and preparing them cost about a quarter of a list request (P5). Kysely
 * holds the connection for the whole of a query or stream, so a cached statement is never in use twice.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      let statement = statements.get(source);
      if (statement) statements.delete(source);
      else statement = sqlite.prepare(source);
      statements.set(source, statement); // most recently used last
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

export function openDatabase(location: DatabaseLocation): OpenedDatabase {
  if (location.kind === 'postgres') {
    throw new KeepwarmError('config_invalid', 'database: PostgreSQL is not supported yet; use sqlite:PATH');
  }
  if (location.file !== ':memory:') fs.mkdirSync(path.dirname(location.file), { recursive: true });
  const sqlite = new SQLite(location.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Erased personal data must not linger in freed pages.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  registerSqliteHandle(db, sqlite);
  return { db, file: location.file, close: () => db.destroy() };
}
