// Runs one measurement in a fresh Node process (TypeScript through tsx), so its time and peak memory are
// its own and not the runner's. The child reads its input from BENCH_INPUT and prints one result line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULT_PREFIX = 'BENCH-RESULT ';
const childrenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'children');

export interface ChildOptions {
  timeoutMs: number;
  cwd?: string;
  nodeArgs?: readonly string[];
}

export async function runChild<T>(
  script: string,
  input: unknown,
  options: ChildOptions,
): Promise<T & { wallMs: number }> {
  const started = performance.now();
  // BENCH_CPU_PROF=1 profiles every child (main thread and workers) into bench/results/profiles/.
  const profile = process.env.BENCH_CPU_PROF
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(childrenDir, '..', 'results', 'profiles', script.replace(/\.ts$/, ''))}`,
      ]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, ...(options.nodeArgs ?? []), '--import', 'tsx', path.join(childrenDir, script)],
    {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, BENCH_INPUT: JSON.stringify(input) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString('utf8')).slice(-1_000_000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  const outcome = await new Promise<{ code: number | null; signal: string | null; timedOut: boolean }>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, signal: 'SIGKILL', timedOut: true });
    }, options.timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut: false });
    });
  });
  const wallMs = performance.now() - started;
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(RESULT_PREFIX));
  if (outcome.code !== 0 || !line) {
    const why = outcome.timedOut ? `timed out after ${options.timeoutMs} ms` : `exit ${outcome.code ?? outcome.signal}`;
    throw new Error(`bench child ${script}: ${why}\n${stderr.slice(-4000)}`);
  }
  return { ...(JSON.parse(line.slice(RESULT_PREFIX.length)) as T), wallMs };
}

/** In a child: its input. */
export function childInput<T>(): T {
  const raw = process.env.BENCH_INPUT;
  if (!raw) throw new Error('BENCH_INPUT is not set: run this through bench/run.ts');
  return JSON.parse(raw) as T;
}

/** In a child: hands the result to the runner. */
export function reportResult(result: unknown): void {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/**
 * Peak resident memory of this process so far, in bytes (the kernel's own high-water mark). On Linux from
 * VmHWM, the mark of this process's own memory: getrusage's maxRSS carries the parent's mark across
 * fork and exec, so a child of a runner that had just generated a library in process reported the
 * runner's 907 MB as its own peak.
 */
export function peakRssBytes(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux: getrusage's mark
  }
  return process.resourceUsage().maxRSS * 1024;
}
