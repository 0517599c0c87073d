// The mail-in use cases, wired once: sync every mailbox, import mail files, backfill an address.
// The CLI, the long-running pollers and the admin page all call these, never the parts below them.
import type { Kysely } from 'kysely';
import type { LoadedConfig } from '../config/load-config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import { KeepwarmError } from '../errors.js';
import { addressKey } from '../core/email-address.js';
import { createLibraryPipeline, type ParseMail } from './library-pipeline.js';
import { createParsePool } from './parse-pool.js';
import {
  resolveFolders,
  syncMailboxOnce,
  withImapClient,
  recruiterIdFor,
  type MailboxSyncResult,
  type SyncOnClient,
} from './sync-mailbox.js';
import { syncFolder } from './sync-folder.js';
import { imapCall } from './imap-connection.js';
import type { MailboxConfig } from '../config/config-schema.js';

export interface SyncServiceDeps {
  db: Kysely<Database>;
  loaded: LoadedConfig;
  logger: Logger;
  now: () => Date;
  /** Fault injection for crash tests (see fault-injection.ts); never set in production. */
  beforeCommit?: () => void | Promise<void>;
  parse?: ParseMail;
  /** Deadline for one IMAP command (default 60 s); tests of stalled connections shorten it. */
  commandTimeoutMs?: number;
}

export type SyncService = ReturnType<typeof createSyncService>;

export function createSyncService(deps: SyncServiceDeps) {
  const { config, baseDir } = deps.loaded;
  // Parsing runs in a worker thread with a deadline, so one hostile message cannot block the sync.
  // It starts at once, so its start-up overlaps the IMAP login rather than delaying the first batch.
  const pool = deps.parse ? null : createParsePool({ startNow: true });
  const parse: ParseMail = deps.parse ?? ((source) => pool!.parse(source));
  const pipeline = createLibraryPipeline({ db: deps.db, config, logger: deps.logger, now: deps.now, parse });
  const mailboxDeps = {
    db: deps.db,
    pipeline,
    logger: deps.logger,
    now: deps.now,
    baseDir,
    batchSize: config.sync.batchSize,
    maxMessageBytes: config.sync.maxMessageBytes,
    ...(deps.beforeCommit ? { beforeCommit: deps.beforeCommit } : {}),
    ...(deps.commandTimeoutMs ? { commandTimeoutMs: deps.commandTimeoutMs } : {}),
  };

  function mailboxesNamed(name?: string): MailboxConfig[] {
    if (!name) return [...config.mailboxes];
    const found = config.mailboxes.filter((m) => m.name === name);
    if (found.length === 0) {
      throw new KeepwarmError(
        'usage',
        `no mailbox named "${name}" (configured: ${config.mailboxes.map((m) => m.name).join(', ') || 'none'})`,
      );
    }
    return found;
  }

  return {
    pipeline,
    mailboxDeps,

    /** Stops the parser worker. */
    async close(): Promise<void> {
      await pool?.close();
    },

    /** One pass over every configured mailbox (or one), each folder from its position. */
    async syncOnce(options: { mailbox?: string } = {}): Promise<MailboxSyncResult[]> {
      const results: MailboxSyncResult[] = [];
      for (const mailbox of mailboxesNamed(options.mailbox)) results.push(await syncMailboxOnce(mailbox, mailboxDeps));
      return results;
    },

    /** One pass over one mailbox on a client the caller keeps open (the IDLE poller). */
    syncWithClient(mailbox: MailboxConfig, on: SyncOnClient): Promise<MailboxSyncResult> {
      return syncMailboxOnce(mailbox, mailboxDeps, on);
    },

    /**
     * Searches every configured mailbox for mail with these addresses (IMAP SEARCH) and logs what it
     * finds: run when an address or a candidate is added to the library.
     */
    async backfill(addresses: readonly string[]): Promise<MailboxSyncResult[]> {
      const valid = addresses.filter((a) => addressKey(a) !== null);
      if (valid.length === 0) return [];
      // They are in the library now: off the triage list.
      const keys = valid.map((a) => addressKey(a)!);
      await deps.db.deleteFrom('unmatched_addresses').where('email_key', 'in', keys).execute();
      const results: MailboxSyncResult[] = [];
      for (const mailbox of config.mailboxes) {
        const result: MailboxSyncResult = { mailbox: mailbox.name, folders: [], errors: [] };
        try {
          const ownerRecruiterId = await recruiterIdFor(deps.db, mailbox);
          await withImapClient(mailbox, mailboxDeps, async (client) => {
            const { folders } = await resolveFolders(client, mailbox);
            for (const folder of folders) {
              const lock = await imapCall(client, client.getMailboxLock(folder.path, { readOnly: true }), 'SELECT');
              let uids: number[] = [];
              try {
                const fields = ['from', 'to', 'cc', ...(folder.role === 'sent' ? ['bcc'] : [])];
                const criteria = valid.flatMap((address) => fields.map((field) => ({ [field]: address })));
                uids =
                  (await imapCall(
                    client,
                    client.search(criteria.length === 1 ? criteria[0]! : { or: criteria }, { uid: true }),
                    'SEARCH',
                  )) || [];
              } finally {
                lock.release();
              }
              if (uids.length === 0) continue;
              const where = {
                mailbox: mailbox.name,
                mailboxRole: mailbox.role,
                folder: folder.name,
                folderRole: folder.role,
                ownerRecruiterId,
              };
              result.folders.push(
                await syncFolder({
                  ...mailboxDeps,
                  client,
                  where,
                  path: folder.path,
                  onlyUids: uids.sort((a, b) => a - b),
                }),
              );
            }
          });
        } catch (error) {
          const message = (error as Error)?.message ?? String(error);
          result.errors.push({ folder: '*', code: (error as KeepwarmError).code ?? 'imap_transient', message });
        }
        results.push(result);
      }
      return results;
    },
  };
}
