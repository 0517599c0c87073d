// The IMAP adapter's front door: builds an ImapFlow client from a mailbox's config (TLS modes,
// certificate verification, deadlines) and turns its errors into keepwarm error codes the poller
// switches on. Listeners go on before connect() so a dropped socket can never crash the process.
import fs from 'node:fs';
import path from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { MailboxConfig } from '../config/config-schema.js';
import { KeepwarmError, type ErrorCode } from '../errors.js';
import type { Logger } from '../log/logger.js';

export interface ImapConnectOptions {
  /** Folder relative paths (caFile) are resolved against this. */
  baseDir: string;
  logger: Logger;
  /** Deadline for connect and for any single command to make progress. */
  timeoutMs?: number;
  /** Keep an IDLE open on the selected folder between commands (the poller's connection). */
  idle?: boolean;
  /** ImapFlow's own logger (tests and benchmarks count the commands sent through it). */
  imapLogger?: ImapFlowOptions['logger'];
}

/** IDLE is re-issued well before servers drop it (RFC 2177: 29 minutes); a dead socket shows up then. */
export const MAX_IDLE_MS = 5 * 60_000;

export function imapFlowOptions(mailbox: MailboxConfig, options: ImapConnectOptions): ImapFlowOptions {
  const tls = mailbox.tls;
  const port = mailbox.port ?? (tls === 'implicit' ? 993 : 143);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ca = mailbox.caFile ? fs.readFileSync(path.resolve(options.baseDir, mailbox.caFile)) : undefined;
  return {
    host: mailbox.host,
    port,
    secure: tls === 'implicit',
    // 'starttls' is required, never opportunistic: an attacker could strip the capability.
    doSTARTTLS: tls === 'starttls' ? true : tls === 'none' ? false : undefined,
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(ca ? { ca } : {}) },
    auth: mailbox.accessToken
      ? { user: mailbox.user, accessToken: mailbox.accessToken }
      : { user: mailbox.user, pass: mailbox.pass ?? '' },
    logger: options.imapLogger ?? false,
    disableAutoIdle: !options.idle,
    ...(options.idle ? { autoIdleDelay: 500, maxIdleTime: MAX_IDLE_MS } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: Math.min(timeoutMs, 16_000),
    socketTimeout: Math.max(timeoutMs, 5 * 60_000),
    clientInfo: { name: 'keepwarm' },
  };
}

/** Classifies any error from ImapFlow or the socket into a keepwarm code. */
export function imapErrorCode(error: unknown): ErrorCode {
  const e = error as {
    authenticationFailed?: boolean;
    tlsFailed?: boolean;
    code?: string;
    serverResponseCode?: string;
    message?: string;
  };
  if (e?.authenticationFailed || e?.serverResponseCode === 'AUTHENTICATIONFAILED') return 'imap_auth';
  if (e?.tlsFailed) return 'imap_tls';
  const code = e?.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|EPROTO|HOSTNAME/i.test(code)) return 'imap_tls';
  if (/STARTTLS|certificate|self[- ]signed/i.test(e?.message ?? '')) return 'imap_tls';
  if (code === 'MissingServerExtension') return 'imap_tls';
  if (code.startsWith('Parser') || code === 'InvalidResponse') return 'imap_protocol';
  return 'imap_transient';
}

export function toImapError(mailbox: string, error: unknown): KeepwarmError {
  if (error instanceof KeepwarmError) return error;
  const code = imapErrorCode(error);
  const message = (error as Error)?.message ?? String(error);
  const what =
    code === 'imap_auth'
      ? 'login refused (check user and password or token)'
      : code === 'imap_tls'
        ? `TLS failed (${message}); no credentials were sent`
        : message;
  return new KeepwarmError(code, `mailbox ${mailbox}: ${what}`, { cause: error });
}

/** Connects a new client. The caller owns it and must logout()/close() it. */
export async function connectImap(mailbox: MailboxConfig, options: ImapConnectOptions): Promise<ImapFlow> {
  const client = new ImapFlow(imapFlowOptions(mailbox, options));
  // Without these listeners an 'error' event would be unhandled and end the process.
  client.on('error', (error: Error) => {
    options.logger.warn(
      { mailbox: mailbox.name, code: imapErrorCode(error), err: { message: error.message } },
      'imap connection error',
    );
  });
  client.on('close', () => options.logger.debug({ mailbox: mailbox.name }, 'imap connection closed'));
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw toImapError(mailbox.name, error);
  }
  return client;
}

export async function disconnectImap(client: ImapFlow): Promise<void> {
  try {
    if (client.usable) await withDeadline(client.logout(), 5_000, 'logout');
  } catch {
    // a logout that fails still ends in close()
  } finally {
    client.close();
  }
}

/** Rejects with imap_transient when `work` takes longer than `ms`; the caller closes the client. */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string, abort?: Promise<never>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeepwarmError('imap_transient', `${what} took longer than ${ms} ms`)), ms);
  });
  // The losing promise may still reject later; that must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race(abort ? [work, deadline, abort] : [work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const closings = new WeakMap<ImapFlow, Promise<never>>();

/** Rejects once the client's connection is gone: no command may wait on a dead socket. */
export function whenClosed(client: ImapFlow): Promise<never> {
  let closing = closings.get(client);
  if (!closing) {
    closing = new Promise<never>((_, reject) => {
      const gone = (): void => reject(new KeepwarmError('imap_transient', 'the IMAP connection closed'));
      if (!client.usable) gone();
      else client.once('close', gone);
    });
    closing.catch(() => undefined);
    closings.set(client, closing);
  }
  return closing;
}

/** An IMAP call with a deadline that also fails at once when the connection closes. */
export function imapCall<T>(client: ImapFlow, work: Promise<T>, what: string, ms = 60_000): Promise<T> {
  return withDeadline(work, ms, what, whenClosed(client));
}
