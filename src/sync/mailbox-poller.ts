// Keeps one mailbox in sync while keepwarm runs: one connection that IDLEs on the INBOX (new mail is
// logged within seconds), polls the other folders on an interval, and runs a full safety pass every
// 15 minutes. A dropped connection is replaced with backoff and jitter; an authentication failure
// marks the mailbox failing and keeps retrying slowly until the password is fixed, without a restart.
import type { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../config/config-schema.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_BACKOFF, reconnectDelayMs, type BackoffPolicy } from '../core/sync/backoff.js';
import { isKeepwarmError } from '../errors.js';
import { connectImap, disconnectImap, imapCall, toImapError } from './imap-connection.js';
import { getPosition, markFailure } from './mailbox-positions.js';
import { resolveFolders, type MailboxSyncDeps, type ResolvedFolder } from './sync-mailbox.js';
import type { SyncService } from './sync-service.js';

export interface PollerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const REAL_TIMERS: PollerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  random: Math.random,
};

export interface PollerOptions {
  mailbox: MailboxConfig;
  service: SyncService;
  deps: Pick<MailboxSyncDeps, 'db' | 'logger' | 'now' | 'baseDir'>;
  pollIntervalMs: number;
  safetyIntervalMs?: number;
  idle: boolean;
  backoff?: BackoffPolicy;
  timers?: PollerTimers;
  /** A connection that stayed up this long resets the backoff (so "login, then drop" still backs off). */
  healthyAfterMs?: number;
  /** Replaces connectImap (tests count logins through it). */
  connect?: (mailbox: MailboxConfig) => Promise<ImapFlow>;
  /** Called after every pass, for tests and the admin page's "last sync". */
  onPass?: (event: { mailbox: string; ok: boolean }) => void;
}

export interface MailboxPoller {
  start(): void;
  stop(): Promise<void>;
  /** Runs a pass now (e.g. after a backfill request); resolves when it is done. */
  syncNow(): Promise<void>;
}

export function createMailboxPoller(options: PollerOptions): MailboxPoller {
  const timers = options.timers ?? REAL_TIMERS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  const safetyMs = options.safetyIntervalMs ?? 15 * 60_000;
  const { mailbox } = options;
  const log: Logger = options.deps.logger;
  let stopped = false;
  let client: ImapFlow | null = null;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let sleepHandle: unknown = null;
  let pending: 'none' | 'idle' | 'all' = 'none';
  let running: Promise<void> | null = null;
  const intervalHandles: unknown[] = [];
  let currentFolders: ResolvedFolder[] = [];
  let currentIdleFolder: ResolvedFolder | null = null;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      sleepHandle = timers.setTimeout(resolve, ms);
    });

  async function connect(): Promise<ImapFlow> {
    if (options.connect) return options.connect(mailbox);
    return connectImap(mailbox, { baseDir: options.deps.baseDir, logger: log, idle: options.idle });
  }

  /** Serialises passes on the one connection; a request during a pass runs once after it. */
  function requestPass(
    kind: 'idle' | 'all',
    folders: ResolvedFolder[],
    idleFolder: ResolvedFolder | null,
  ): Promise<void> {
    if (pending !== 'all') pending = kind;
    if (running) return running;
    running = (async () => {
      while (pending !== 'none' && !stopped && client?.usable) {
        const only = pending === 'idle' && idleFolder ? idleFolder.name : undefined;
        pending = 'none';
        log.debug({ mailbox: mailbox.name, only: only ?? 'all' }, 'sync pass');
        const result = await options.service.syncWithClient(mailbox, { client, folders, ...(only ? { only } : {}) });
        options.onPass?.({ mailbox: mailbox.name, ok: result.errors.length === 0 });
        // A pass may have selected another folder (Sent); IDLE belongs on the INBOX.
        if (idleFolder && client?.usable) {
          const opened = await imapCall(
            client,
            client.mailboxOpen(idleFolder.path, { readOnly: true }),
            'SELECT',
          ).catch(() => null);
          // Mail that arrived between the pass's STATUS and this SELECT shows only in the SELECT
          // response, never as an EXISTS during IDLE: without this check it would wait for the next poll.
          const position = opened ? await getPosition(options.deps.db, mailbox.name, idleFolder.name) : undefined;
          const lastUid =
            position && position.uidvalidity === String(opened ? opened.uidValidity : '') ? position.last_uid : 0;
          if (opened && opened.uidNext - 1 > lastUid && pending === 'none') pending = 'idle';
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function session(): Promise<{ lastedMs: number; authFailed: boolean }> {
    const startedAt = options.deps.now().getTime();
    let authFailed = false;
    try {
      client = await connect();
      const current = client;
      const closed = new Promise<void>((resolve) => current.once('close', () => resolve()));
      const { folders } = await resolveFolders(current, mailbox);
      const idleFolder = options.idle ? (folders.find((f) => f.role === 'inbox') ?? null) : null;
      currentFolders = folders;
      currentIdleFolder = idleFolder;
      current.on(
        'exists',
        () =>
          void requestPass('idle', folders, idleFolder).catch((err: unknown) =>
            log.warn({ mailbox: mailbox.name, err }, 'idle pass failed'),
          ),
      );
      await requestPass('all', folders, idleFolder);
      const every = (ms: number): void => {
        const tick = (): void => {
          if (stopped) return;
          void requestPass('all', folders, idleFolder).catch((err: unknown) =>
            log.warn({ mailbox: mailbox.name, err }, 'poll failed'),
          );
          intervalHandles.push(timers.setTimeout(tick, ms));
        };
        intervalHandles.push(timers.setTimeout(tick, ms));
      };
      every(options.pollIntervalMs);
      if (safetyMs !== options.pollIntervalMs) every(safetyMs);
      log.debug({ mailbox: mailbox.name }, 'watching for new mail');
      await closed;
      log.debug({ mailbox: mailbox.name }, 'connection closed: session over');
    } catch (error) {
      const failure = isKeepwarmError(error) ? error : toImapError(mailbox.name, error);
      authFailed = failure.code === 'imap_auth';
      log.warn(
        { mailbox: mailbox.name, code: failure.code, err: { message: failure.message } },
        'mailbox connection failed',
      );
      await markFailure(
        options.deps.db,
        mailbox.name,
        '*',
        { code: failure.code, message: failure.message },
        options.deps.now().toISOString(),
      ).catch(() => undefined);
    } finally {
      for (const handle of intervalHandles.splice(0)) timers.clearTimeout(handle);
      if (running) await running.catch(() => undefined);
      if (client) await disconnectImap(client);
      client = null;
    }
    return { lastedMs: options.deps.now().getTime() - startedAt, authFailed };
  }

  async function run(): Promise<void> {
    let attempt = 0;
    while (!stopped) {
      const { lastedMs, authFailed } = await session();
      if (stopped) break;
      attempt = lastedMs >= healthyAfterMs ? 1 : attempt + 1;
      const delay = reconnectDelayMs(attempt, timers.random(), backoff, authFailed ? 'auth' : 'transient');
      log.info({ mailbox: mailbox.name, attempt, delayMs: delay }, 'reconnecting to mailbox');
      await sleep(delay);
    }
  }

  return {
    start() {
      if (loop) return;
      loop = run().catch((error: unknown) =>
        log.error({ mailbox: mailbox.name, err: error }, 'mailbox poller stopped unexpectedly'),
      );
    },
    async stop() {
      stopped = true;
      if (sleepHandle !== null) timers.clearTimeout(sleepHandle);
      wake?.();
      client?.close();
      await loop;
    },
    async syncNow() {
      if (client?.usable) await requestPass('all', currentFolders, currentIdleFolder).catch(() => undefined);
    },
  };
}
