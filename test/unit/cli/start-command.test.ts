// `keepwarm start` as an operator runs it: the real executable migrates, serves /healthz, and stops
// cleanly (exit 0) on SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { createCliWorkspace, type CliWorkspace } from '../../support/run-cli.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/keepwarm.js');
let cli: CliWorkspace | undefined;
afterEach(() => cli?.remove());

it('serves /healthz and exits 0 on SIGTERM', async () => {
  cli = createCliWorkspace();
  const child = spawn(process.execPath, [BIN, 'start', '--listen', '127.0.0.1:0'], {
    cwd: cli.dir,
    env: { ...process.env, KEEPWARM_LOG_LEVEL: 'silent' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
  });
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);
