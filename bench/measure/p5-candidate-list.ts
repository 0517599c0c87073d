// P5: the admin candidate list (search + filter + sort, rotating through realistic queries) under 10
// concurrent clients, against /healthz under the same load, with autocannon in this process and the
// server in its own. p95 comes from every response's latency (autocannon's histogram stops at p90/p97.5).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { row, type ResultRow } from '../lib/results.js';

export interface ListLoad {
  candidates: number;
  mounted: string;
  list: LoadStats;
  health: LoadStats;
  serverRssMb: number;
  /** Each query alone, no concurrency (median of 3): where the time goes. */
  alone: { path: string; ms: number }[];
}

interface LoadStats {
  requests: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
}

const MB = 1024 * 1024;
const childrenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'children');

/** Search, filter and sort as an admin uses the page; "due" and "overdue" read the cached digest snapshot. */
export const LIST_QUERIES = [
  '/candidates?q=Jane&sort=name',
  '/candidates?q=Rossi&status=runner_up&sort=last_contact',
  '/candidates?q=skill%2042&sort=name&page=2',
  '/candidates?q=c4242%40candidates.example',
  '/candidates?owner=bob%40agency.example&status=active&sort=last_contact&page=3',
  '/candidates?status=placed_elsewhere&sort=name&page=10',
  '/candidates?due=any&sort=overdue',
  '/candidates?sort=last_contact&page=40',
];

async function startServer(config: string, at: string): Promise<{ url: string; mounted: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(childrenDir, 'admin-server.ts')], {
    env: { ...process.env, BENCH_INPUT: JSON.stringify({ config, at }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin server did not start within 60 s\n${stderr}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('BENCH-READY '));
      if (!line) return;
      clearTimeout(timer);
      const ready = JSON.parse(line.slice('BENCH-READY '.length)) as { url: string; mounted: string };
      resolve({ ...ready, child });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`admin server exited (${code})\n${stderr}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A process's peak resident memory (VmHWM), in bytes; the bench runs on Linux only, like the mail bench. */
function peakRssOf(pid: number | undefined): number {
  const status = pid === undefined ? '' : fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(
  url: string,
  paths: readonly string[],
  options: { connections: number; seconds: number; cookie: string },
): Promise<LoadStats> {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        headers: options.cookie ? { cookie: options.cookie } : {},
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export async function measureCandidateList(
  config: string,
  candidates: number,
  options: { at: string; seconds: number; log: (line: string) => void },
): Promise<ListLoad> {
  const server = await startServer(config, options.at);
  try {
    // A browser's session: the first page sets the cookie the later ones send. The warm-up also builds the
    // digest snapshot that the "due" filter and "overdue" sort read (cached for minutes, as in use).
    const first = await fetch(`${server.url}/candidates`);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const p of LIST_QUERIES) {
      const response = await fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${p} answered ${response.status}`);
    }
    const alone: { path: string; ms: number }[] = [];
    for (const p of LIST_QUERIES) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await (await fetch(`${server.url}${p}`, { headers: cookie ? { cookie } : {} })).arrayBuffer();
        times.push(performance.now() - started);
      }
      alone.push({ path: p, ms: times.sort((a, b) => a - b)[1]! });
    }
    options.log(
      `P5 ${candidates.toLocaleString('en-US')} candidates: ${options.seconds} s of /candidates, then ` +
        `${options.seconds} s of /healthz (${server.mounted})`,
    );
    const list = await load(server.url, LIST_QUERIES, { connections: 10, seconds: options.seconds, cookie });
    const health = await load(server.url, ['/healthz'], { connections: 10, seconds: options.seconds, cookie: '' });
    return { candidates, mounted: server.mounted, list, health, serverRssMb: peakRssOf(server.child.pid) / MB, alone };
  } finally {
    await stopServer(server.child);
  }
}

export function listRows(small: ListLoad, large: ListLoad, seconds: number): ResultRow[] {
  const k = (n: number): string => `${n / 1000}k`;
  const clean = (l: ListLoad): boolean => l.list.non2xx === 0 && l.list.errors === 0 && l.health.errors === 0;
  const stats = (s: LoadStats): string =>
    `${s.requests} requests, p50 ${s.p50.toFixed(1)} ` +
    `ms${s.non2xx ? `, ${s.non2xx} non-2xx` : ''}${s.errors ? `, ${s.errors} errors` : ''}`;
  return [
    row({
      id: 'P5.list_p95',
      label:
        `admin candidate list at ${k(large.candidates)} candidates, 10 concurrent clients, ${seconds} s ` +
        `(baseline: /healthz, same load)`,
      measured: large.list.p95,
      baseline: large.health.p95,
      target: '<= 50 ms p95',
      met: clean(large) && large.list.p95 <= 50,
      unit: 'ms',
      note: `${large.mounted}; list: ${stats(large.list)}; /healthz: ${stats(large.health)}; each query alone: ${[
        ...large.alone,
      ]
        .sort((a, b) => b.ms - a.ms)
        .map((q) => `${q.path.replace('/candidates', '')} ${q.ms.toFixed(0)} ms`)
        .join(', ')}`,
    }),
    row({
      id: 'G.list_p95',
      label: `candidate list p95 at ${k(large.candidates)} vs ${k(small.candidates)} candidates`,
      measured: large.list.p95,
      baseline: small.list.p95,
      target: '<= 2 x (indexed: nearly flat)',
      met: clean(small) && large.list.p95 <= 2 * small.list.p95,
      unit: 'ms',
      note: `at ${k(small.candidates)}: ${stats(small.list)}`,
    }),
    row({
      id: 'G.list_server_rss',
      label: `admin server peak RSS under that load at ${k(large.candidates)} vs ${k(small.candidates)} candidates`,
      measured: large.serverRssMb,
      baseline: small.serverRssMb,
      target: '<= 10 x (no worse than linear)',
      met: large.serverRssMb <= 10 * small.serverRssMb,
      unit: 'MB',
    }),
  ];
}
