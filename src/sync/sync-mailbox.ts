// One pass over one configured mailbox: connect, resolve its folders (names or special-use flags
// such as \Sent), sync each, and record health. A failure is data in the result, never a crash, so
// one unreachable mailbox does not stop the others.
import type { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import type { MailboxConfig } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import { addressKey } from '../core/email-address.js';
import { KeepwarmError, isKeepwarmError } from '../errors.js';
import { connectImap, disconnectImap, imapCall, toImapError } from './imap-connection.js';
import { markFailure } from './mailbox-positions.js';
import type { MessagePipeline, PipelineWhere } from './message-pipeline.js';
import { syncFolder, type FolderSummary } from './sync-folder.js';
import type { FolderRole } from '../core/participants/route-message.js';

export interface MailboxSyncDeps {
  db: Kysely<Database>;
  pipeline: MessagePipeline;
  logger: Logger;
  now: () => Date;
  baseDir: string;
  batchSize: number;
  maxMessageBytes: number;
  beforeCommit?: () => void | Promise<void>;
  commandTimeoutMs?: number;
}

export interface MailboxSyncResult {
  mailbox: string;
  folders: FolderSummary[];
  errors: { folder: string; code: string; message: string }[];
}

export const DEFAULT_FOLDERS = { log: ['INBOX'], recruiter: ['INBOX', '\\Sent'] } as const;

export interface ResolvedFolder {
  name: string;
  path: string;
  role: FolderRole;
}

/** Maps configured folder names and special-use flags to server paths. */
export async function resolveFolders(
  client: ImapFlow,
  mailbox: MailboxConfig,
): Promise<{ folders: ResolvedFolder[]; missing: string[] }> {
  const wanted = mailbox.folders ?? [...DEFAULT_FOLDERS[mailbox.role]];
  const listed = await imapCall(client, client.list(), 'LIST');
  const folders: ResolvedFolder[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const match = name.startsWith('\\')
      ? listed.find((f) => f.specialUse?.toLowerCase() === name.toLowerCase())
      : listed.find((f) => f.path === name || (name.toUpperCase() === 'INBOX' && f.path.toUpperCase() === 'INBOX'));
    if (!match) {
      missing.push(name);
      continue;
    }
    const role: FolderRole = mailbox.role === 'recruiter' && match.specialUse === '\\Sent' ? 'sent' : 'inbox';
    folders.push({ name, path: match.path, role });
  }
  return { folders, missing };
}

export async function recruiterIdFor(db: Kysely<Database>, mailbox: MailboxConfig): Promise<number | null> {
  if (mailbox.role !== 'recruiter' || !mailbox.recruiter) return null;
  const key = addressKey(mailbox.recruiter);
  const row =
    (await db
      .selectFrom('recruiters')
      .select('id')
      .where('email', '=', key ?? '')
      .executeTakeFirst()) ??
    (await db
      .selectFrom('recruiter_aliases')
      .select('recruiter_id as id')
      .where('email', '=', key ?? '')
      .executeTakeFirst());
  if (!row) {
    throw new KeepwarmError(
      'not_found',
      `mailbox ${mailbox.name}: recruiter ${mailbox.recruiter} is not in the library (keepwarm recruiter add)`,
    );
  }
  return row.id;
}

/** Runs work against one connected client, always logging out. */
export async function withImapClient<T>(
  mailbox: MailboxConfig,
  deps: Pick<MailboxSyncDeps, 'baseDir' | 'logger'>,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = await connectImap(mailbox, { baseDir: deps.baseDir, logger: deps.logger });
  try {
    return await work(client);
  } finally {
    await disconnectImap(client);
  }
}

export interface SyncOnClient {
  client: ImapFlow;
  /** Folders already resolved on this connection (saves a LIST per pass). */
  folders?: ResolvedFolder[];
  /** Only this configured folder name (an IDLE wake-up for the INBOX). */
  only?: string;
}

export async function syncMailboxOnce(
  mailbox: MailboxConfig,
  deps: MailboxSyncDeps,
  on?: SyncOnClient,
): Promise<MailboxSyncResult> {
  const client = on?.client;
  const result: MailboxSyncResult = { mailbox: mailbox.name, folders: [], errors: [] };
  const nowIso = deps.now().toISOString();
  try {
    const ownerRecruiterId = await recruiterIdFor(deps.db, mailbox);
    const run = async (imap: ImapFlow): Promise<void> => {
      const resolved = on?.folders ? { folders: on.folders, missing: [] } : await resolveFolders(imap, mailbox);
      const missing = resolved.missing;
      const folders = on?.only ? resolved.folders.filter((f) => f.name === on.only) : resolved.folders;
      for (const name of missing) {
        const message = `folder ${name} does not exist on the server`;
        result.errors.push({ folder: name, code: 'not_found', message });
        await markFailure(deps.db, mailbox.name, name, { code: 'not_found', message }, nowIso);
      }
      for (const folder of folders) {
        const where: PipelineWhere = {
          mailbox: mailbox.name,
          mailboxRole: mailbox.role,
          folder: folder.name,
          folderRole: folder.role,
          ownerRecruiterId,
        };
        try {
          result.folders.push(await syncFolder({ ...deps, client: imap, where, path: folder.path }));
        } catch (error) {
          const failure = isKeepwarmError(error) ? error : toImapError(mailbox.name, error);
          result.errors.push({ folder: folder.name, code: failure.code, message: failure.message });
          await markFailure(
            deps.db,
            mailbox.name,
            folder.name,
            { code: failure.code, message: failure.message },
            nowIso,
          );
          deps.logger.warn(
            { mailbox: mailbox.name, folder: folder.name, code: failure.code, err: { message: failure.message } },
            'folder sync failed',
          );
          // A dead or stuck connection would fail the other folders too: drop it, so a poller reconnects.
          if (!imap.usable || failure.code === 'imap_transient') {
            imap.close();
            throw failure;
          }
        }
      }
    };
    if (client) await run(client);
    else await withImapClient(mailbox, deps, run);
  } catch (error) {
    const failure = isKeepwarmError(error) ? error : toImapError(mailbox.name, error);
    if (!result.errors.some((e) => e.message === failure.message)) {
      result.errors.push({ folder: '*', code: failure.code, message: failure.message });
      await markFailure(deps.db, mailbox.name, '*', { code: failure.code, message: failure.message }, nowIso);
    }
    deps.logger.warn(
      { mailbox: mailbox.name, code: failure.code, err: { message: failure.message } },
      'mailbox sync failed',
    );
  }
  if (result.errors.length === 0 && !on?.only) {
    // A whole-mailbox failure recorded earlier is over once a pass succeeds.
    await deps.db
      .deleteFrom('mailbox_positions')
      .where('mailbox', '=', mailbox.name)
      .where('folder', '=', '*')
      .execute();
  }
  return result;
}
