// P2: one idle poll (no new mail) of a 1,000-message INBOX and of the generated mailbox's INBOX, on
// connections kept open as the poller keeps them. IMAP commands are counted from ImapFlow's own log
// (entries with src 'c'); polls alternate between the two folders so load on the machine hits both alike.
import { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.js';
import type { MailboxConfig } from '../../src/config/config-schema.js';
import { openDatabase, parseDatabaseUrl } from '../../src/db/open-database.js';
import type { Database } from '../../src/db/schema.js';
import { createSilentLogger } from '../../src/log/logger.js';
import { imapFlowOptions } from '../../src/sync/imap-connection.js';
import { resolveFolders, type ResolvedFolder } from '../../src/sync/sync-mailbox.js';
import { createSyncService, type SyncService } from '../../src/sync/sync-service.js';
import { row, type ResultRow } from '../lib/results.js';
import { SMALL_MAILBOX_SIZE, type MailWorld } from './mail-world.js';
import { imapCommandLog } from '../../test/support/imap-command-log.js';

interface Poller {
  mailbox: MailboxConfig;
  client: ImapFlow;
  folders: ResolvedFolder[];
  commands: string[];
}

async function openPoller(loaded: LoadedConfig, name: string): Promise<Poller> {
  const configured = loaded.config.mailboxes.find((m) => m.name === name);
  if (!configured) throw new Error(`no mailbox ${name} in the bench config`);
  const mailbox: MailboxConfig = { ...configured, folders: ['INBOX'] };
  const { commands, logger: imapLogger } = imapCommandLog();
  const client = new ImapFlow(
    imapFlowOptions(mailbox, { baseDir: loaded.baseDir, logger: createSilentLogger(), imapLogger }),
  );
  client.on('error', () => undefined);
  await client.connect();
  const { folders } = await resolveFolders(client, mailbox);
  return { mailbox, client, folders, commands };
}

async function poll(service: SyncService, poller: Poller): Promise<{ ms: number; commands: string[]; seen: number }> {
  poller.commands.length = 0;
  const started = performance.now();
  const result = await service.syncWithClient(poller.mailbox, { client: poller.client, folders: poller.folders });
  const ms = performance.now() - started;
  if (result.errors.length > 0)
    throw new Error(`poll of ${poller.mailbox.name} failed: ${JSON.stringify(result.errors)}`);
  return { ms, commands: [...poller.commands], seen: result.folders.reduce((n, f) => n + f.seen, 0) };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * `configFile` must hold the 'onek' and 'alice' mailboxes; Alice's INBOX was synced by P1 (else it is synced here
 * first).
 */
export async function measureIdlePoll(
  world: MailWorld,
  configFile: string,
  options: { polls: number; log: (line: string) => void },
): Promise<ResultRow[]> {
  const loaded = loadConfig({ explicitPath: configFile, env: {}, cwd: process.cwd() });
  const opened = openDatabase(parseDatabaseUrl(loaded.config.database, loaded.baseDir)!);
  const db: Kysely<Database> = opened.db;
  const service = createSyncService({ db, loaded, logger: createSilentLogger(), now: () => new Date() });
  const pollers: Poller[] = [];
  try {
    // The STATUS command alone, as the poll sends it: tells the server's share from keepwarm's.
    const statusTimes = { small: [] as number[], large: [] as number[] };
    const statusOnly = async (p: Poller): Promise<number> => {
      const started = performance.now();
      await p.client.status(p.folders[0]!.path, { uidNext: true, uidValidity: true, highestModseq: true });
      return performance.now() - started;
    };
    const small = await openPoller(loaded, 'onek');
    pollers.push(small);
    const large = await openPoller(loaded, 'alice');
    pollers.push(large);
    const largeCount = world.stats.byFolder['alice@agency.example/INBOX']?.messages ?? 0;
    options.log(
      `P2 first passes (the 1k INBOX, then the ${largeCount.toLocaleString('en-US')}-message INBOX if P1 did not ` +
        `sync it)`,
    );
    await poll(service, small);
    await poll(service, large);
    // Unselected, Dovecot reopens the folder's index for every STATUS: measured, then put in the state the
    // poller keeps its IDLE folder in (selected read-only), which is what the rows below measure.
    const unselected = { small: [] as number[], large: [] as number[] };
    for (const p of [small, large]) await p.client.mailboxClose().catch(() => undefined);
    for (let i = 0; i < Math.min(10, options.polls); i++) {
      unselected.small.push(await statusOnly(small));
      unselected.large.push(await statusOnly(large));
    }
    for (const p of [small, large]) await p.client.mailboxOpen(p.folders[0]!.path, { readOnly: true });
    const times = { small: [] as number[], large: [] as number[] };
    let smallCommands: string[] = [];
    let largeCommands: string[] = [];
    for (let i = 0; i < options.polls; i++) {
      const s = await poll(service, small);
      const l = await poll(service, large);
      if (s.seen !== 0 || l.seen !== 0) throw new Error('an idle poll saw new mail: the folders are not idle');
      times.small.push(s.ms);
      times.large.push(l.ms);
      statusTimes.small.push(await statusOnly(small));
      statusTimes.large.push(await statusOnly(large));
      if (s.commands.length > smallCommands.length) smallCommands = s.commands;
      if (l.commands.length > largeCommands.length) largeCommands = l.commands;
    }
    const label = `${largeCount.toLocaleString('en-US')} vs ${SMALL_MAILBOX_SIZE.toLocaleString('en-US')} messages`;
    const statusNote =
      `; STATUS alone: ${median(statusTimes.large).toFixed(2)} ms vs ${median(statusTimes.small).toFixed(2)} ms ` +
      `with the folder selected (as the IDLE poller keeps it), ` +
      `${median(unselected.large).toFixed(2)} ms vs ${median(unselected.small).toFixed(2)} ms unselected (Dovecot ` +
      `reopens the index)`;
    const note =
      `commands at ${largeCount.toLocaleString('en-US')}: ${largeCommands.join(', ') || 'none'}; at ` +
      `1,000: ${smallCommands.join(', ') || 'none'} (most in any of ${options.polls} polls)`;
    return [
      row({
        id: 'P2.commands',
        label: `IMAP commands in one idle poll, ${label}`,
        measured: largeCommands.length,
        baseline: smallCommands.length,
        target: '<= 3',
        met: largeCommands.length <= 3 && smallCommands.length <= 3,
        unit: 'commands',
        note,
      }),
      row({
        id: 'P2.time',
        label: `idle poll time (median of ${options.polls}), ${label}, IDLE folder selected as the poller keeps it`,
        measured: median(times.large),
        baseline: median(times.small),
        target: '<= 1.5 x the 1k poll',
        met: median(times.large) <= 1.5 * median(times.small),
        unit: 'ms',
        note: statusNote.slice(2),
      }),
    ];
  } finally {
    for (const p of pollers) await p.client.logout().catch(() => p.client.close());
    await service.close();
    await opened.close();
  }
}
