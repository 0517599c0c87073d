// Soak: keepwarm runs (a real `keepwarm start` process) against the mail bench while a driver delivers
// candidate mail through Postfix, kicks the IMAP connections every minute and restarts Dovecot every ten.
// Prints the RSS trend (slope), the IMAP connection count, and a final consistency check: every
// delivered candidate message logged exactly once. Usage: npm run soak -- --minutes 30
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { ALICE, LOG, message, startSyncWorld } from '../test/support/sync-world.js';
import { waitFor } from '../test/support/mail-bench.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const minutesArg = process.argv.indexOf('--minutes');
const MINUTES = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 30;
const CANDIDATES = ['jane@candidates.example', 'omar@candidates.example', 'lena@candidates.example'];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function imapConnections(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const lines = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n');
  // State 01 = ESTABLISHED, counted on the server side of the port.
  return lines.filter(
    (l) => l.includes(`:${hex} `) && l.trim().split(/\s+/)[3] === '01' && l.trim().split(/\s+/)[1]?.endsWith(`:${hex}`),
  ).length;
}

function slopeMbPerHour(samples: { t: number; mb: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  const num = samples.reduce((s, x) => s + (x.t - mt) * (x.mb - mm), 0);
  const den = samples.reduce((s, x) => s + (x.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 3600_000;
}

async function main(): Promise<void> {
  const world = await startSyncWorld();
  world.configure({ sync: { pollIntervalSeconds: 60 } });
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/keepwarm.js'), 'start', '--listen', '127.0.0.1:0'], {
    cwd: world.cli.dir,
    env: { ...process.env, KEEPWARM_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: world.bench.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const delivered: string[] = [];
  const rss: { t: number; mb: number }[] = [];
  let maxConnections = 0;
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  let nextKick = started + 60_000;
  let nextRestart = started + 10 * 60_000;
  let i = 0;
  try {
    await new Promise((r) => setTimeout(r, 3_000));
    while (Date.now() < end) {
      const id = `soak-${i}@soak.example`;
      const inbound = i % 2 === 0;
      const raw = inbound
        ? message({ from: CANDIDATES[i % 3]!, to: ALICE, cc: LOG, subject: `Soak reply ${i}`, messageId: id })
        : message({ from: ALICE, to: CANDIDATES[i % 3]!, subject: `Soak check-in ${i}`, messageId: id });
      try {
        await transport.sendMail({ envelope: { from: inbound ? CANDIDATES[i % 3]! : ALICE, to: [LOG] }, raw });
        delivered.push(id);
      } catch {
        // Postfix queues while Dovecot restarts; a refused SMTP connection is not delivered mail.
      }
      i++;
      if (Date.now() >= nextKick) {
        await world.bench.kick(LOG).catch(() => undefined);
        await world.bench.kick(ALICE).catch(() => undefined);
        nextKick += 60_000;
      }
      if (Date.now() >= nextRestart) {
        await world.bench.stopDovecot();
        await new Promise((r) => setTimeout(r, 5_000));
        await world.bench.startDovecot();
        nextRestart += 10 * 60_000;
      }
      if (rss.length === 0 || Date.now() - rss[rss.length - 1]!.t - started >= 10_000) {
        rss.push({ t: Date.now() - started, mb: rssMb(child.pid!) });
        maxConnections = Math.max(maxConnections, imapConnections(world.bench.imapPort));
        process.stdout.write(
          `\r${Math.round((Date.now() - started) / 1000)} s: ${delivered.length} delivered, RSS ` +
            `${rss[rss.length - 1]!.mb.toFixed(0)} MB   `,
        );
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
    // Everything delivered must be logged exactly once (Postfix may still be delivering its queue).
    const counts = async () =>
      world.cli.withDb(async (db) => {
        const rows = await db
          .selectFrom('interactions')
          .select('message_key')
          .where('message_key', 'like', 'soak-%')
          .execute();
        return rows.map((r) => r.message_key);
      });
    await waitFor(async () => new Set(await counts()).size >= delivered.length, {
      timeoutMs: 300_000,
      intervalMs: 2_000,
    }).catch(() => undefined);
    const keys = await counts();
    const missing = delivered.filter((id) => !keys.includes(id));
    const duplicates = keys.length - new Set(keys).size;
    const result = {
      minutes: MINUTES,
      delivered: delivered.length,
      logged: new Set(keys).size,
      missing: missing.length,
      duplicates,
      rssStartMb: Number(rss[0]?.mb.toFixed(1)),
      rssEndMb: Number(rss[rss.length - 1]?.mb.toFixed(1)),
      rssMaxMb: Number(Math.max(...rss.map((s) => s.mb)).toFixed(1)),
      rssSlopeMbPerHour: Number(slopeMbPerHour(rss.slice(Math.floor(rss.length / 4))).toFixed(2)),
      maxImapConnections: maxConnections,
      processAlive: child.exitCode === null,
      consistent: missing.length === 0 && duplicates === 0,
      node: process.version,
      cores: Number(execFileSync('nproc').toString().trim()),
    };
    process.stdout.write(`\n${JSON.stringify(result, null, 2)}\n`);
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/soak-latest.json'), JSON.stringify(result, null, 2));
    if (!result.consistent || !result.processAlive) {
      process.stderr.write(`soak failed; keepwarm stderr tail:\n${stderr}\n`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    transport.close();
    await world.stop();
  }
}

await main();
