// `npm run bench [-- --size 100k] [--only P1,P4]`: builds the reference data (seeded, so every run reads
// the same bytes), starts its own Dovecot + Postfix like the integration tests, measures P1-P6 and the
// growth rows against baselines taken in the same run, prints a table and writes bench/results/latest.json
// (and latest.md, the table with the machine it ran on, for bench/RESULTS.md). Nothing here asserts on
// time: a missed target is a row that says NO. Every server and child is stopped at the end, also on failure.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLibrary } from './generate/library.js';
import { failedRow, markdownTable, terminalTable, toJson, type ResultRow } from './lib/results.js';
import { startMailWorld, type MailWorld } from './measure/mail-world.js';
import { measureInitialSync } from './measure/p1-initial-sync.js';
import { measureWanSync } from './measure/p1w-wan-sync.js';
import { measureIdlePoll } from './measure/p2-idle-poll.js';
import { measureIdlePush } from './measure/p3-idle-push.js';
import { digestRows, libraryWorkspace, runDigest, type DigestRun } from './measure/p4-digest.js';
import { listRows, measureCandidateList, type ListLoad } from './measure/p5-candidate-list.js';
import { measureLargeMessage } from './measure/p6-large-message.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(benchDir);
const resultsDir = path.join(benchDir, 'results');
const MAIL_SEED = 20261127;
const LIBRARY_SEED = 7;
/** The digest's and admin page's "now"; the generated library's mail falls in the 400 days before it. */
const AT = '2026-11-23T08:00:00Z';
const LIBRARY_SIZES = [10_000, 100_000] as const;
const ALL = ['P1', 'P1W', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;

interface Options {
  size: number;
  only: Set<string>;
  listSeconds: number;
  polls: number;
  pushes: number;
  digestRuns: number;
  /** Rounds of P1 (each a warm (a), (b) and keepwarm sync); default 3 up to 20k messages, else 1. */
  syncRuns: number | null;
  keep: boolean;
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text.trim());
  if (!match) throw new Error(`--size: expected a number like 10k or 100000, got "${text}"`);
  const size = Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
  if (size < 100 || size > 1_000_000) throw new Error('--size: between 100 and 1,000,000 messages');
  return size;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    size: 10_000,
    only: new Set(ALL),
    listSeconds: 10,
    polls: 30,
    pushes: 20,
    digestRuns: 3,
    syncRuns: null,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--size') options.size = parseSize(value());
    else if (arg === '--only')
      options.only = new Set(
        value()
          .toUpperCase()
          .split(',')
          .map((s) => s.trim()),
      );
    else if (arg === '--list-seconds') options.listSeconds = Math.max(1, Math.min(120, Number(value())));
    else if (arg === '--polls') options.polls = Math.max(1, Math.min(1000, Number(value())));
    else if (arg === '--pushes') options.pushes = Math.max(1, Math.min(100, Number(value())));
    else if (arg === '--digest-runs') options.digestRuns = Math.max(1, Math.min(20, Number(value())));
    else if (arg === '--sync-runs') options.syncRuns = Math.max(1, Math.min(10, Number(value())));
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--help') {
      process.stdout.write(
        'npm run bench -- [--size 10k|100k] [--only P1,P1W,P2,P3,P4,P5,P6] [--list-seconds 10] [--polls 30] ' +
          '[--pushes 20] [--digest-runs 3] [--sync-runs 3] [--keep]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine(): Record<string, string> {
  const dirty = command('git', ['status', '--porcelain']).split('\n').filter(Boolean).length;
  return {
    cpus:
      `${os.availableParallelism()} (nproc ${command('nproc', []) || '?'}), ` +
      `${os.cpus()[0]?.model ?? 'unknown model'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit:
      (command('git', ['rev-parse', '--short', 'HEAD']) || 'unknown') +
      (dirty ? ` (+${dirty} uncommitted files in the work tree)` : ''),
    loadAverageAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Generated libraries are cached by everything that shapes them (generator, schema, size, seed). */
async function library(size: number): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['generate/library.ts', 'generate/bench-world.ts', 'lib/prng.ts'])
    hash.update(fs.readFileSync(path.join(benchDir, file)));
  const migrations = path.join(repoDir, 'migrations');
  for (const file of fs.readdirSync(migrations).sort()) hash.update(fs.readFileSync(path.join(migrations, file)));
  hash.update(`${size}:${LIBRARY_SEED}:${AT}`);
  const cacheDir = path.join(resultsDir, 'cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `library-${size}-${hash.digest('hex').slice(0, 12)}.db`);
  if (fs.existsSync(file)) return file;
  for (const stale of fs.readdirSync(cacheDir).filter((f) => f.startsWith(`library-${size}-`)))
    fs.rmSync(path.join(cacheDir, stale), { force: true });
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  log(
    `generating a library of ${size.toLocaleString('en-US')} candidates / ${(size * 10).toLocaleString('en-US')} ` +
      `interactions (cached afterwards)`,
  );
  const started = performance.now();
  await generateLibrary({ file: partial, candidates: size, seed: LIBRARY_SEED, at: new Date(AT) });
  fs.renameSync(partial, file);
  log(`library of ${size.toLocaleString('en-US')} ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

async function attempt(
  rows: ResultRow[],
  id: string,
  label: string,
  target: string,
  unit: string,
  work: () => Promise<ResultRow[]>,
): Promise<void> {
  try {
    rows.push(...(await work()));
  } catch (error) {
    log(`${id} failed: ${(error as Error).stack ?? String(error)}`);
    rows.push(failedRow(id, label, target, unit, error));
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const info = machine();
  log(
    `keepwarm bench: mailbox of ${options.size.toLocaleString('en-US')} messages; ${[...options.only].join(', ')}; ` +
      `${info.cpus}, ${info.memory}, node ${info.node}`,
  );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepwarm-bench-'));
  let world: MailWorld | null = null;
  const cleanup = async (): Promise<void> => {
    await world?.stop();
    world = null;
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the mail servers`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const rows: ResultRow[] = [];
  const started = performance.now();
  const childTimeoutMs = Math.max(10 * 60_000, options.size * 12);
  try {
    const libraries = new Map<number, string>();
    for (const size of LIBRARY_SIZES) libraries.set(size, await library(size));
    const small = libraries.get(10_000)!;
    const large = libraries.get(100_000)!;

    const mail = ['P1', 'P1W', 'P2', 'P3', 'P6'].filter((id) => options.only.has(id));
    if (mail.length > 0) {
      log(`writing the ${options.size.toLocaleString('en-US')}-message mailbox into a private Dovecot`);
      const w = await startMailWorld({ size: options.size, seed: MAIL_SEED, dir: workDir, log });
      world = w;
      if (options.only.has('P1'))
        await attempt(rows, 'P1', 'initial sync', '<= 1.5 x (a)', 's', () =>
          measureInitialSync(w, small, {
            runs: options.syncRuns ?? (options.size <= 20_000 ? 3 : 1),
            log,
            timeoutMs: childTimeoutMs,
          }),
        );
      if (options.only.has('P1W'))
        await attempt(rows, 'P1w', 'initial sync over a WAN link', '<= 0.2 x (a)', 's', () =>
          measureWanSync(w, small, { log, timeoutMs: childTimeoutMs }),
        );
      if (options.only.has('P2')) {
        const { config } = w.workspace('p1', small, ['onek', 'alice']);
        await attempt(rows, 'P2', 'idle poll', '<= 3 commands', 'commands', () =>
          measureIdlePoll(w, config, { polls: options.polls, log }),
        );
      }
      if (options.only.has('P3')) {
        const { config } = w.workspace('p1', small, ['log', 'alice']);
        await attempt(rows, 'P3', 'IDLE push', '<= 2 s', 's', () =>
          measureIdlePush(w, config, { count: options.pushes, log }),
        );
      }
      if (options.only.has('P6')) {
        log('P6 syncing the mailbox that holds the 50 MB message');
        await attempt(rows, 'P6', '50 MB message', '<= 200 MB growth', 'MB', () =>
          measureLargeMessage(w, small, { timeoutMs: childTimeoutMs }),
        );
      }
      await w.stop();
      world = null;
    }

    if (options.only.has('P4')) {
      await attempt(rows, 'P4', 'digest', '<= 1 s', 's', async () => {
        const runs: DigestRun[] = [];
        for (const size of LIBRARY_SIZES) {
          log(
            `P4 keepwarm digest --format json at ${size.toLocaleString('en-US')} candidates ` +
              `(${options.digestRuns} runs)`,
          );
          const config = libraryWorkspace(path.join(workDir, `digest-${size}`), libraries.get(size)!);
          runs.push(await runDigest(config, size, { at: AT, runs: options.digestRuns, timeoutMs: 10 * 60_000 }));
        }
        return digestRows(runs[0]!, runs[1]!, options.digestRuns);
      });
    }
    if (options.only.has('P5')) {
      await attempt(rows, 'P5', 'candidate list', '<= 50 ms p95', 'ms', async () => {
        const loads: ListLoad[] = [];
        for (const size of LIBRARY_SIZES) {
          const config = libraryWorkspace(path.join(workDir, `list-${size}`), size === 10_000 ? small : large, {
            mailboxes: false,
          });
          loads.push(await measureCandidateList(config, size, { at: AT, seconds: options.listSeconds, log }));
        }
        return listRows(loads[0]!, loads[1]!, options.listSeconds);
      });
    }
  } finally {
    await cleanup();
  }

  const minutes = (performance.now() - started) / 60_000;
  const ended = {
    ...info,
    loadAverageAtEnd: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    duration: `${minutes.toFixed(1)} min`,
    mailbox: `${options.size.toLocaleString('en-US')} messages`,
  };
  process.stdout.write(`\n${terminalTable(rows)}\n\n`);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(toJson(rows), null, 2)}\n`);
  const args = process.argv.slice(2).join(' ');
  const machineLines = Object.entries(ended)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
  fs.writeFileSync(
    path.join(resultsDir, 'latest.md'),
    `Run of \`npm run bench${args ? ` -- ${args}` : ''}\` on ` +
      `${new Date().toISOString()}\n\n${machineLines}\n\n${markdownTable(rows)}\n`,
  );
  log(`wrote bench/results/latest.json and latest.md (${minutes.toFixed(1)} min)`);
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
