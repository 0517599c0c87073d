// P3: a running keepwarm (startKeepwarm, IDLE on the INBOXes) against the same mailboxes P1 synced: a
// candidate's reply-all, delivered by nodemailer -> Postfix -> Dovecot LMTP to the log mailbox, timed from
// the SMTP submission until its interaction is in the library. Median of `count` deliveries, one at a time.
import SQLite from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { startKeepwarm } from '../../src/app/start-keepwarm.js';
import { loadConfig } from '../../src/config/load-config.js';
import { parseDatabaseUrl } from '../../src/db/open-database.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { ALICE, LOG, candidateAddress, candidateName } from '../generate/bench-world.js';
import { row, type ResultRow } from '../lib/results.js';
import type { MailWorld } from './mail-world.js';

const DELIVERY_TIMEOUT_MS = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureIdlePush(
  world: MailWorld,
  configFile: string,
  options: { count: number; log: (line: string) => void },
): Promise<ResultRow[]> {
  const loaded = loadConfig({ explicitPath: configFile, env: {}, cwd: process.cwd() });
  const location = parseDatabaseUrl(loaded.config.database, loaded.baseDir);
  if (location?.kind !== 'sqlite') throw new Error('P3 needs a SQLite library');
  const startedAt = new Date().toISOString();
  const keepwarm = await startKeepwarm({
    loaded,
    logger: createSilentLogger(),
    now: () => new Date(),
    listen: '127.0.0.1:0',
  });
  const reader = new SQLite(location.file, { readonly: true, fileMustExist: true });
  const transport = nodemailer.createTransport({
    host: world.bench.host,
    port: world.bench.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const synced = reader.prepare(
      "select count(*) as n from mailbox_positions where folder <> '*' and last_success_at >= ?",
    );
    const folders = loaded.config.mailboxes.reduce((n, m) => n + (m.folders?.length ?? 1), 0);
    const deadline = Date.now() + 600_000;
    while ((synced.get(startedAt) as { n: number }).n < folders) {
      if (Date.now() > deadline) throw new Error('keepwarm did not finish its first pass within 10 minutes');
      await sleep(50);
    }
    await sleep(1500); // the first pass done, the connections go back to IDLE
    const logged = reader.prepare('select 1 from interactions where message_key = ?');
    const latencies: number[] = [];
    let missed = 0;
    options.log(`P3 ${options.count} deliveries`);
    for (let i = 0; i < options.count; i++) {
      const candidate = 1 + ((i * 37) % 1000);
      const key = `p3.${Date.now()}.${i}@candidates.example`;
      const started = performance.now();
      await transport.sendMail({
        envelope: { from: candidateAddress(candidate), to: [LOG] },
        from: `${candidateName(candidate)} <${candidateAddress(candidate)}>`,
        to: `Alice Smith <${ALICE}>`,
        cc: LOG,
        subject: 'Re: Medical Sales Rep - keeping in touch',
        messageId: `<${key}>`,
        text: 'Hi Alice,\n\nThanks, Tuesday works for me. Talk then.\n\nBest',
      });
      let done = false;
      while (performance.now() - started < DELIVERY_TIMEOUT_MS) {
        if (logged.get(key)) {
          done = true;
          break;
        }
        await sleep(10);
      }
      if (done) latencies.push((performance.now() - started) / 1000);
      else missed++;
      await sleep(300);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
    return [
      row({
        id: 'P3.push_latency',
        label:
          `IDLE push: SMTP submission of a candidate reply to the log mailbox until logged (median of ` +
          `${options.count})`,
        measured: median,
        baseline: null,
        target: '<= 2 s',
        met: median !== null && missed === 0 && median <= 2,
        unit: 's',
        note:
          `min ${sorted[0]?.toFixed(2) ?? '-'} s, max ${sorted[sorted.length - 1]?.toFixed(2) ?? '-'} ` +
          `s${missed ? `, ${missed} not logged within ${DELIVERY_TIMEOUT_MS / 1000} s` : ''}`,
      }),
    ];
  } finally {
    transport.close();
    reader.close();
    await keepwarm.stop();
  }
}
