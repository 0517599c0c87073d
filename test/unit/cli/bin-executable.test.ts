import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/keepwarm.js', import.meta.url));
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-bin-'));
  fs.writeFileSync(path.join(dir, 'keepwarm.config.json'), JSON.stringify({ database: 'sqlite:./data/keepwarm.db' }));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function keepwarm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, KEEPWARM_CONFIG: '', KEEPWARM_LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/keepwarm.js', () => {
  it('imports a CSV and lists it through the real executable, with real exit codes', async () => {
    fs.writeFileSync(path.join(dir, 'library.csv'), 'name,email\nJosé Núñez,jose@example.com\n');
    expect(await keepwarm('import', 'candidates', 'library.csv')).toMatchObject({
      code: 0,
      stdout: 'created 1, updated 0, 0 unchanged candidate(s); 0 opening(s) created\n  line 2: create José Núñez\n',
    });
    expect((await keepwarm('candidates', 'show', 'jose@example.com', '--json')).stdout).toContain(
      '"name": "José Núñez"',
    );
    expect((await keepwarm('candidates', 'list', '--status', 'hired')).code).toBe(2);
  }, 30_000);
});
