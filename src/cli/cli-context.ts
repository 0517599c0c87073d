// Lazily loads the config and opens the library for a CLI command. Commands that need neither
// (--help, init) never touch the file system; those that do get a migrated database.
import type { Kysely } from 'kysely';
import type { CliIo } from './cli-io.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { openDatabase, parseDatabaseUrl } from '../db/open-database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { createLogger, createSilentLogger, type Logger } from '../log/logger.js';
import { KeepwarmError } from '../errors.js';

export interface Library {
  db: Kysely<Database>;
  loaded: LoadedConfig;
  /** The SQLite file (for maintenance after an erase). */
  file: string;
}

export interface CliContext {
  io: CliIo;
  /** A command that printed its result but partly failed (e.g. one mailbox unreachable) sets this to 1. */
  exitCode: number;
  config(): LoadedConfig;
  logger(): Logger;
  /** Opens (and migrates) the library, runs `work`, and always closes it. */
  withLibrary<T>(work: (library: Library) => Promise<T>): Promise<T>;
}

export function createCliContext(io: CliIo, options: () => { config?: string | undefined }): CliContext {
  let loaded: LoadedConfig | undefined;
  let logger: Logger | undefined;
  const context: CliContext = {
    io,
    exitCode: 0,
    config() {
      loaded ??= loadConfig({ explicitPath: options().config, env: io.env, cwd: io.cwd });
      return loaded;
    },
    logger() {
      const level = io.env.KEEPWARM_LOG_LEVEL ?? (io.env.VITEST ? 'silent' : 'info');
      logger ??= level === 'silent' ? createSilentLogger() : createLogger({ level });
      return logger;
    },
    async withLibrary(work) {
      const current = context.config();
      const location = parseDatabaseUrl(current.config.database, current.baseDir);
      if (!location) throw new KeepwarmError('config_invalid', 'database: expected sqlite:PATH');
      const opened = openDatabase(location);
      try {
        await migrateToLatest(opened.db);
        return await work({ db: opened.db, loaded: current, file: opened.file });
      } finally {
        await opened.close();
      }
    },
  };
  return context;
}
