// P1: keepwarm's initial sync of the generated mailbox against the bare cost of reading it: (a) an
// imapflow FETCH of every message's source, (b) the same plus mailparser on each. Every run is a fresh
// process talking through one byte-counting relay, after one unmeasured pass that warms Dovecot's
// caches and the page cache for all of them alike.
import { ALICE, LOG, PASSWORD } from '../generate/bench-world.js';
import { startByteCountingProxy, type ByteCountingProxy } from '../lib/byte-counting-proxy.js';
import { runChild } from '../lib/child-process.js';
import { row, type ResultRow } from '../lib/results.js';
import type { MailWorld } from './mail-world.js';

export interface FetchResult {
  workMs: number;
  messages: number;
  bytes: number;
}

export interface CommandResult {
  code: number;
  workMs: number;
  stdout: string;
  stderr: string;
  rssBefore: number;
  commandPeak: number;
}

export interface SyncSummary {
  mailboxes: { mailbox: string; folders: Record<string, number | string>[]; errors: unknown[] }[];
}

/** (a) or (b) through the relay, in a fresh process. */
export async function fetchEverySource(
  proxy: ByteCountingProxy,
  parse: boolean,
  timeoutMs: number,
): Promise<FetchResult & { downloaded: number }> {
  proxy.reset();
  const result = await runChild<FetchResult>(
    'fetch-every-source.ts',
    { host: '127.0.0.1', port: proxy.port, accounts: ACCOUNTS, parse },
    { timeoutMs },
  );
  return { ...result, downloaded: proxy.downloaded() };
}

/** `keepwarm sync --once` of the log and Alice's mailboxes through the relay, on a fresh copy of the library. */
export async function syncThrough(
  world: MailWorld,
  libraryFile: string,
  workspace: string,
  proxy: ByteCountingProxy,
  options: { timeoutMs: number },
): Promise<CommandResult & { downloaded: number }> {
  const { config } = world.workspace(workspace, libraryFile, ['log', 'alice'], proxy.port);
  proxy.reset();
  const run = await runChild<CommandResult>(
    'keepwarm-command.ts',
    { args: ['-c', config, 'sync', '--once', '--json'], cwd: process.cwd(), keepStdout: 1_000_000 },
    { timeoutMs: options.timeoutMs },
  );
  return { ...run, downloaded: proxy.downloaded() };
}

/** Totals of one `sync --once --json` summary, and whether the sync was clean. */
export function syncCounts(run: CommandResult, messages: number): { ok: boolean; counts: string } {
  const summary = JSON.parse(run.stdout || '{"mailboxes":[]}') as SyncSummary;
  const total = (key: string): number =>
    summary.mailboxes.flatMap((m) => m.folders).reduce((n, f) => n + Number(f[key] ?? 0), 0);
  const errors = summary.mailboxes.flatMap((m) => m.errors);
  const ok = run.code === 0 && errors.length === 0 && total('seen') === messages && total('logged') > 0;
  const counts =
    `seen ${total('seen')}, logged ${total('logged')}, duplicates ${total('duplicates')}, ignored ` +
    `${total('ignored')}, unmatched ${total('unmatched')}, quarantined ${total('quarantined')}`;
  return {
    ok,
    counts: ok
      ? counts
      : `sync not clean (exit ${run.code}, ${errors.length} errors): ${counts} ${run.stderr.slice(-300)}`,
  };
}

const ACCOUNTS = [
  { user: ALICE, pass: PASSWORD, folders: ['INBOX', 'Sent'] },
  { user: LOG, pass: PASSWORD, folders: ['INBOX'] },
];

export async function measureInitialSync(
  world: MailWorld,
  libraryFile: string,
  options: { runs: number; log: (line: string) => void; timeoutMs: number },
): Promise<ResultRow[]> {
  const proxy = await startByteCountingProxy({ host: '127.0.0.1', port: world.bench.imapPort });
  try {
    const fetchAll = (parse: boolean): Promise<FetchResult & { downloaded: number }> =>
      fetchEverySource(proxy, parse, options.timeoutMs);
    options.log('P1 warm-up: one unmeasured pass over every message');
    const warm = await fetchAll(false);
    if (warm.messages !== world.stats.messages)
      throw new Error(`the server holds ${warm.messages} messages, expected ${world.stats.messages}`);
    // Rounds of (a), (b), keepwarm in turn, so a change in the machine's load reaches all three alike; medians.
    const bares: (FetchResult & { downloaded: number })[] = [];
    const parses: FetchResult[] = [];
    const syncs: (CommandResult & { downloaded: number })[] = [];
    for (let round = 0; round < options.runs; round++) {
      const tag = options.runs > 1 ? ` (round ${round + 1} of ${options.runs})` : '';
      options.log(`P1 (a) bare fetch${tag}`);
      bares.push(await fetchAll(false));
      options.log(`P1 (b) fetch + simpleParser${tag} (a took ${(bares[round]!.workMs / 1000).toFixed(1)} s)`);
      parses.push(await fetchAll(true));
      options.log(`P1 keepwarm sync --once${tag} (b took ${(parses[round]!.workMs / 1000).toFixed(1)} s)`);
      // A fresh copy of the library each round; the first round's stays synced for P2 and P3.
      const run = await syncThrough(world, libraryFile, round === 0 ? 'p1' : `p1-round${round + 1}`, proxy, options);
      syncs.push(run);
      options.log(
        `P1 keepwarm took ${(run.workMs / 1000).toFixed(1)} s, downloaded ${(run.downloaded / 1e6).toFixed(1)} MB`,
      );
    }
    const median = (values: readonly number[]): number =>
      [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)]!;
    const bare = { workMs: median(bares.map((b) => b.workMs)), downloaded: bares[0]!.downloaded };
    const parsed = { workMs: median(parses.map((b) => b.workMs)) };
    const sync = syncs[0]!;
    const syncMs = median(syncs.map((r) => r.workMs));
    const downloaded = Math.max(...syncs.map((r) => r.downloaded));
    const spread = (label: string, values: readonly number[]): string =>
      `${label} ${values.map((v) => (v / 1000).toFixed(1)).join('/')} s`;
    const rounds =
      options.runs > 1
        ? `; rounds: ${spread(
            'keepwarm',
            syncs.map((r) => r.workMs),
          )}, ${spread(
            '(a)',
            bares.map((r) => r.workMs),
          )}, ${spread(
            '(b)',
            parses.map((r) => r.workMs),
          )}`
        : '';

    const { ok: firstOk, counts: health } = syncCounts(sync, world.stats.messages);
    const ok = firstOk && syncs.every((r) => r.code === 0);
    const seconds = (ms: number): number => ms / 1000;
    const mb = (bytes: number): number => bytes / 1e6;
    const size = `${world.stats.messages.toLocaleString('en-US')} messages, ${mb(world.stats.bytes).toFixed(0)} MB`;
    return [
      row({
        id: 'P1.time_vs_fetch',
        label:
          `initial sync (keepwarm sync --once) vs (a) bare imapflow fetch of every source; ${size}; median of ` +
          `${options.runs}`,
        measured: seconds(syncMs),
        baseline: seconds(bare.workMs),
        target: '<= 1.5 x (a)',
        met: ok && syncMs <= 1.5 * bare.workMs,
        unit: 's',
        note: `${health}${rounds}`,
      }),
      row({
        id: 'P1.time_vs_parse',
        label: 'initial sync vs (b) fetch + mailparser simpleParser on each',
        measured: seconds(syncMs),
        baseline: seconds(parsed.workMs),
        target: '<= 0.2 x (b) (5 x faster)',
        met: ok && syncMs * 5 <= parsed.workMs,
        unit: 's',
      }),
      row({
        id: 'P1.bytes',
        label: 'bytes downloaded by the initial sync vs the mailbox (RFC 822 sizes)',
        measured: mb(downloaded),
        baseline: mb(world.stats.bytes),
        target: '<= 0.15 x mailbox',
        met: ok && downloaded <= 0.15 * world.stats.bytes,
        unit: 'MB',
        note: `(a) downloaded ${mb(bare.downloaded).toFixed(0)} MB through the same relay`,
      }),
    ];
  } finally {
    await proxy.close();
  }
}
