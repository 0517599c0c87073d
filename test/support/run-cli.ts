// Runs the keepwarm CLI in-process against its own temporary folder, config and SQLite library, the way a test
// wants to see it: exit code, stdout and stderr, with a clock the test moves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { openDatabase } from '../../src/db/open-database.js';
import type { Database } from '../../src/db/schema.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  dir: string;
  /** The SQLite file the CLI uses (created by the first command that opens the library). */
  dbFile: string;
  run(...args: string[]): Promise<CliResult>;
  /** Writes a file into the workspace and returns its name, for commands that read files. */
  write(name: string, text: string): string;
  /** The clock the next commands see. */
  setNow(iso: string): void;
  /** Opens the library directly, for assertions and for rows no command writes yet. */
  withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  remove(): void;
}

export function createCliWorkspace(): CliWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-cli-'));
  fs.writeFileSync(path.join(dir, 'keepwarm.config.json'), JSON.stringify({ database: 'sqlite:./data/keepwarm.db' }));
  const dbFile = path.join(dir, 'data', 'keepwarm.db');
  let now = new Date('2024-06-03T09:00:00.000Z');
  return {
    dir,
    dbFile,
    async run(...args) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env: { VITEST: 'true' },
        cwd: dir,
        now: () => now,
      };
      const code = await runCli(args, io);
      return { code, stdout, stderr };
    },
    write(name, text) {
      fs.writeFileSync(path.join(dir, name), text);
      return name;
    },
    setNow(iso) {
      now = new Date(iso);
    },
    async withDb(work) {
      const opened = openDatabase({ kind: 'sqlite', file: dbFile });
      try {
        return await work(opened.db);
      } finally {
        await opened.close();
      }
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
