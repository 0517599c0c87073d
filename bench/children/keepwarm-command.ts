// Runs one keepwarm command in this fresh process exactly as `keepwarm ...` would (same runCli), and
// reports how long the command itself took and the process's memory before it and at its peak.
import fs from 'node:fs';
import { runCli } from '../../src/cli/main.js';
import { childInput, peakRssBytes, reportResult } from '../lib/child-process.js';

interface Input {
  args: string[];
  cwd: string;
  /** Keep this many characters of the command's output (its JSON summary); the rest is only counted. */
  keepStdout: number;
  /** Write the whole output here after the command (the digest's JSON is too big for the result line). */
  stdoutFile?: string;
}

const input = childInput<Input>();
// The CLI loads a command's heavy modules when the command runs (c4e1635); the timed window measures the
// command's work, so load them before it, as the process did when the CLI imported everything up front.
// Only what this command loads: the digest's peak RSS must not carry the IMAP libraries.
const LAZY_MODULES: Record<string, string[]> = {
  sync: ['../../src/sync/sync-service.js', '../../src/sync/fault-injection.js'],
  backfill: ['../../src/sync/sync-service.js'],
  status: ['../../src/sync/mailbox-status.js'],
};
for (const module of LAZY_MODULES[input.args.find((arg) => Object.hasOwn(LAZY_MODULES, arg)) ?? ''] ?? [])
  await import(module);
let stdout = '';
let stdoutBytes = 0;
// Written as it comes, like a pipe: holding the output would add its size to the RSS being measured.
const outFd = input.stdoutFile ? fs.openSync(input.stdoutFile, 'w') : null;
let stderr = '';
const io = {
  stdout: {
    write: (text: string) => {
      stdoutBytes += Buffer.byteLength(text);
      if (outFd !== null) fs.writeSync(outFd, text);
      if (stdout.length < input.keepStdout) stdout += text.slice(0, input.keepStdout - stdout.length);
      return true;
    },
  },
  stderr: { write: (text: string) => (stderr = (stderr + text).slice(-8000)) },
  env: { ...process.env, KEEPWARM_LOG_LEVEL: process.env.KEEPWARM_LOG_LEVEL ?? 'warn' },
  cwd: input.cwd,
  now: () => new Date(),
};
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const peakBefore = peakRssBytes();
// The kernel's high-water mark may date from start-up; a sampler sees the command's own peak.
let sampledPeak = rssBefore;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 5);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const code = await runCli(input.args, io);
const workMs = performance.now() - started;
// CPU of every thread of the process (GC helpers included): on a shared machine it drifts less than the wall time.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(sampler);
const peakRss = peakRssBytes();
if (outFd !== null) fs.closeSync(outFd);
// Peak during the command: the kernel's mark when the command raised it, else the sampled one.
const commandPeak = Math.max(sampledPeak, process.memoryUsage().rss, peakRss > peakBefore ? peakRss : 0);
reportResult({ code, workMs, cpuMs, rssBefore, peakBefore, peakRss, commandPeak, stdout, stdoutBytes, stderr });
