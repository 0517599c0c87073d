// P4: `keepwarm digest --format json --at ...` for every recruiter, in a fresh process per run, on the
// generated libraries (10k and 100k candidates, 10 interactions each): the command's time and the
// process's peak RSS. The 10k run is the growth baseline.
import fs from 'node:fs';
import path from 'node:path';
import { LOG, ALICE } from '../generate/bench-world.js';
import { runChild } from '../lib/child-process.js';
import { row, type ResultRow } from '../lib/results.js';

interface CommandResult {
  code: number;
  workMs: number;
  cpuMs: number;
  rssBefore: number;
  peakRss: number;
  commandPeak: number;
  stdout: string;
  stdoutBytes: number;
  stderr: string;
}

export interface DigestRun {
  candidates: number;
  ms: number;
  /** CPU time of the run whose time is the median. */
  cpuMs: number;
  /** Every run's time, in run order. */
  runsMs: number[];
  peakRssMb: number;
  rssBeforeMb: number;
  digests: number;
  items: number;
  outputBytes: number;
}

const MB = 1024 * 1024;

/**
 * A keepwarm workspace whose library is a copy of `libraryFile`. The digest's config names the mailboxes
 * (never contacted: the digest only reports their health); `keepwarm start` for the admin page gets none.
 */
export function libraryWorkspace(
  dir: string,
  libraryFile: string,
  options: { mailboxes: boolean } = { mailboxes: true },
): string {
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const db = path.join(dir, 'data', 'keepwarm.db');
  fs.copyFileSync(libraryFile, db);
  const mailbox = { host: '127.0.0.1', port: 9, tls: 'none', pass: 'unused', folders: ['INBOX'] };
  const config = path.join(dir, 'keepwarm.config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      database: `sqlite:${db}`,
      logAddress: LOG,
      admin: { listen: '127.0.0.1:0' },
      mailboxes: options.mailboxes
        ? [
            { ...mailbox, name: 'log', role: 'log', user: LOG },
            { ...mailbox, name: 'alice', role: 'recruiter', recruiter: ALICE, user: ALICE },
          ]
        : [],
    }),
  );
  return config;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export async function runDigest(
  config: string,
  candidates: number,
  options: { at: string; runs: number; timeoutMs: number },
): Promise<DigestRun> {
  const results: CommandResult[] = [];
  for (let i = 0; i < options.runs; i++) {
    const result = await runChild<CommandResult>(
      'keepwarm-command.ts',
      {
        args: ['-c', config, 'digest', '--format', 'json', '--at', options.at],
        cwd: process.cwd(),
        keepStdout: 0,
        stdoutFile: `${config}.digest-${i}.json`,
      },
      { timeoutMs: options.timeoutMs },
    );
    if (result.code !== 0) throw new Error(`keepwarm digest exited ${result.code}: ${result.stderr.slice(-500)}`);
    results.push(result);
  }
  const json = JSON.parse(fs.readFileSync(`${config}.digest-0.json`, 'utf8')) as { items: unknown[] }[];
  const medianMs = median(results.map((r) => r.workMs));
  return {
    candidates,
    ms: medianMs,
    cpuMs: results.find((r) => r.workMs === medianMs)?.cpuMs ?? 0,
    runsMs: results.map((r) => r.workMs),
    peakRssMb: Math.max(...results.map((r) => r.peakRss)) / MB,
    rssBeforeMb: median(results.map((r) => r.rssBefore)) / MB,
    digests: json.length,
    items: json.reduce((n, d) => n + d.items.length, 0),
    outputBytes: results[0]!.stdoutBytes,
  };
}

export function digestRows(small: DigestRun, large: DigestRun, runs: number): ResultRow[] {
  const k = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  return [
    row({
      id: 'P4.time',
      label:
        `digest for every recruiter (${large.digests}) at ${k(large.candidates)} candidates / ` +
        `${k(large.candidates * 10)} interactions (median of ${runs} fresh processes)`,
      measured: large.ms / 1000,
      baseline: null,
      target: '<= 1 s',
      met: large.ms <= 1000,
      unit: 's',
      note:
        `${large.items.toLocaleString('en-US')} entries, ${(large.outputBytes / MB).toFixed(1)} MB of JSON; ` +
        `runs ${large.runsMs.map((ms) => (ms / 1000).toFixed(2)).join('/')} s; CPU ` +
        `${(large.cpuMs / 1000).toFixed(2)} s in the median run`,
    }),
    row({
      id: 'P4.peak_rss',
      label: `peak RSS of that process (baseline: its RSS before the command, after loading keepwarm)`,
      measured: large.peakRssMb,
      baseline: large.rssBeforeMb,
      target: '<= 300 MB peak',
      met: large.peakRssMb <= 300,
      unit: 'MB',
    }),
    row({
      id: 'G.digest_time',
      label: `digest time at ${k(large.candidates)} vs ${k(small.candidates)} candidates`,
      measured: large.ms / 1000,
      baseline: small.ms / 1000,
      target: '<= 10 x (no worse than linear)',
      met: large.ms <= 10 * small.ms,
      unit: 's',
    }),
    row({
      id: 'G.digest_rss',
      label: `digest peak RSS at ${k(large.candidates)} vs ${k(small.candidates)} candidates`,
      measured: large.peakRssMb,
      baseline: small.peakRssMb,
      target: '<= 10 x (no worse than linear)',
      met: large.peakRssMb <= 10 * small.peakRssMb,
      unit: 'MB',
    }),
  ];
}
