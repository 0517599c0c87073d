// A real, migrated SQLite library in a temporary folder, for tests that write library rows directly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../src/db/open-database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TempLibrary extends OpenedDatabase {
  dir: string;
  remove(): Promise<void>;
}

export async function createTempLibrary(file = 'keepwarm.db'): Promise<TempLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-library-'));
  const opened = openDatabase({ kind: 'sqlite', file: path.join(dir, file) });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    dir,
    async remove() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
