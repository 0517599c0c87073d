// One pass over one IMAP folder: check the position with a single STATUS (so an idle poll costs the
// same at 1k and 100k messages), then work through new UIDs in batches: headers first, bodies only
// for the messages that need them, and each batch written together with the position it reaches.
import type { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import type { SourceRef } from '../core/message-record.js';
import { readHeaderBlock } from './header-facts.js';
import type { FullItem, HeaderItem, MessagePipeline, PipelineWhere } from './message-pipeline.js';
import { addCounts, emptyCounts, writeDecisions, type DecidedMessage, type DecisionCounts } from './write-decisions.js';
import { getPosition, markFolderHealthy } from './mailbox-positions.js';
import { imapCall } from './imap-connection.js';
import { createLookahead } from './lookahead.js';

export interface FolderSyncOptions {
  db: Kysely<Database>;
  client: ImapFlow;
  pipeline: MessagePipeline;
  where: PipelineWhere;
  /** The folder's path on the server (where.folder is the configured name). */
  path: string;
  batchSize: number;
  maxMessageBytes: number;
  now: () => Date;
  logger: Logger;
  /** Only these UIDs (a backfill), without moving the position. */
  onlyUids?: readonly number[];
  /** Deadline for one IMAP command (SELECT, STATUS); bulk fetches get five times as long. Default 60 s. */
  commandTimeoutMs?: number;
  /** Runs inside each batch's transaction just before it commits (fault-injection tests). */
  beforeCommit?: () => void | Promise<void>;
}

export interface FolderSummary extends DecisionCounts {
  mailbox: string;
  folder: string;
}

const COMMAND_DEADLINE_MS = 60_000;
const short = (options: FolderSyncOptions): number => options.commandTimeoutMs ?? COMMAND_DEADLINE_MS;
const long = (options: FolderSyncOptions): number => 5 * short(options);
/** Bodies are fetched in groups of at most this many bytes, to bound memory. */
const SOURCE_GROUP_BYTES = 32 * 1024 * 1024;
const MAX_PARSE_ATTEMPTS = 3;
/**
 * Header batches fetched ahead of the one being decided. Two keep the connection busy both while a
 * batch is screened and while its bodies are parsed and written; memory grows by two header batches.
 */
const HEADER_LOOKAHEAD = 2;

interface PlannedBatch {
  uids: readonly number[];
  /** Where the folder's position moves when the batch commits; null for retries and backfills. */
  advance: { lastUid: number; highestModseq: string | null } | null;
}

export async function syncFolder(options: FolderSyncOptions): Promise<FolderSummary> {
  const { db, client, where } = options;
  const summary: FolderSummary = { mailbox: where.mailbox, folder: where.folder, ...emptyCounts() };
  const nowIso = (): string => options.now().toISOString();

  if (options.onlyUids) {
    const lock = await imapCall(
      client,
      client.getMailboxLock(options.path, { readOnly: true }),
      'SELECT',
      short(options),
    );
    try {
      const uidvalidity = String(client.mailbox ? client.mailbox.uidValidity : '');
      const plan = chunks([...options.onlyUids], options.batchSize).map((uids): PlannedBatch => ({
        uids,
        advance: null,
      }));
      addCounts(summary, await syncBatches(options, plan, uidvalidity));
    } finally {
      lock.release();
    }
    return summary;
  }

  const status = await imapCall(
    client,
    client.status(options.path, { uidNext: true, uidValidity: true, highestModseq: true }),
    'STATUS',
    short(options),
  );
  if (!status) throw new Error(`folder ${options.path} could not be checked (STATUS failed)`);
  const uidvalidity = String(status.uidValidity ?? '');
  const position = await getPosition(db, where.mailbox, where.folder);
  const validityChanged = position?.uidvalidity != null && position.uidvalidity !== uidvalidity;
  const retryUids = validityChanged ? [] : await parseFailuresToRetry(db, where, uidvalidity);
  const lastUid = validityChanged ? 0 : (position?.last_uid ?? 0);
  const uidNext = status.uidNext ?? 0;

  if (!validityChanged && uidNext - 1 <= lastUid && retryUids.length === 0) {
    await markFolderHealthy(db, where.mailbox, where.folder, nowIso());
    return summary; // the idle case: one STATUS, nothing else
  }
  if (validityChanged) await forgetOldUids(db, where, uidvalidity, options.logger);

  const lock = await imapCall(
    client,
    client.getMailboxLock(options.path, { readOnly: true }),
    'SELECT',
    short(options),
  );
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`folder ${options.path} is not open`);
    const currentValidity = String(mailbox.uidValidity);
    const found =
      (await imapCall(client, client.search({ uid: `${lastUid + 1}:*` }, { uid: true }), 'SEARCH', long(options))) ||
      [];
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
    const highestModseq = mailbox.highestModseq !== undefined ? String(mailbox.highestModseq) : null;
    const batches = chunks(uids, options.batchSize);
    const plan: PlannedBatch[] = retryUids.length > 0 ? [{ uids: retryUids, advance: null }] : [];
    for (const [i, batch] of batches.entries()) {
      const isLast = i === batches.length - 1;
      // The last batch moves the position to UIDNEXT-1, past any UIDs that were expunged meanwhile.
      // (UIDNEXT from this pass's STATUS: the client's cached value for an already selected folder
      // can run ahead of what was fetched, which would skip a message for good.)
      const reached = isLast ? Math.max(batch[batch.length - 1]!, uidNext - 1) : batch[batch.length - 1]!;
      plan.push({ uids: batch, advance: { lastUid: reached, highestModseq } });
    }
    addCounts(summary, await syncBatches(options, plan, currentValidity));
    if (batches.length === 0) {
      await writeDecisions(
        db,
        [],
        positionUpdate(options, currentValidity, Math.max(lastUid, uidNext - 1), highestModseq),
        nowIso(),
      );
    }
    await markFolderHealthy(db, where.mailbox, where.folder, nowIso());
  } finally {
    lock.release();
  }
  return summary;
}

/**
 * The batches in order, each committed with its position before the next one is screened (screening
 * reads the threads the batch before logged). Only header FETCHes run ahead (HEADER_LOOKAHEAD): imapflow
 * sends one command at a time, in order, and fetchAll drains its own responses, so the body FETCH of the
 * current batch simply queues behind them and no command is ever issued inside an open FETCH iterator.
 * A batch that fails ends the loop: nothing after it commits, and no further batch is fetched.
 */
async function syncBatches(
  options: FolderSyncOptions,
  plan: readonly PlannedBatch[],
  uidvalidity: string,
): Promise<DecisionCounts> {
  const counts = emptyCounts();
  const headers = createLookahead(
    plan.map((batch) => () => fetchHeaderItems(options, batch.uids)),
    HEADER_LOOKAHEAD,
  );
  try {
    for (const batch of plan) {
      addCounts(counts, await syncBatch(options, await headers.next(), uidvalidity, batch.advance));
    }
  } finally {
    // A look-ahead still on the wire finishes (or fails) before the caller releases the folder.
    await headers.settle();
  }
  return counts;
}

/** One batch's header blocks, read into facts as soon as they arrive (while the batch before is decided). */
async function fetchHeaderItems(options: FolderSyncOptions, uids: readonly number[]): Promise<HeaderItem[]> {
  const { client } = options;
  const fetched = await imapCall(
    client,
    client.fetchAll(uids.join(','), { uid: true, internalDate: true, size: true, headers: true }, { uid: true }),
    'FETCH headers',
    long(options),
  );
  return fetched.map((m) => ({
    uid: String(m.uid),
    ...readHeaderBlock(m.headers),
    size: m.size ?? 0,
    internalDate: m.internalDate ? new Date(m.internalDate) : null,
  }));
}

async function syncBatch(
  options: FolderSyncOptions,
  items: readonly HeaderItem[],
  uidvalidity: string,
  advance: PlannedBatch['advance'],
): Promise<DecisionCounts> {
  const { client, pipeline, where } = options;
  const verdicts = await pipeline.screen(items, where);
  const source = (uid: string): SourceRef => ({
    mailbox: where.mailbox,
    folder: where.folder,
    uidvalidity,
    uid,
    role: where.mailboxRole,
  });
  const decided: DecidedMessage[] = [];
  const wanted: HeaderItem[] = [];
  const byUid = new Map(items.map((item) => [item.uid, item]));
  for (const verdict of verdicts) {
    const item = byUid.get(verdict.uid);
    if (!item) continue;
    if (verdict.needsSource) wanted.push(item);
    else if (verdict.decision) decided.push({ source: source(item.uid), decision: verdict.decision });
  }
  for (const group of groupBySize(wanted, SOURCE_GROUP_BYTES)) {
    const full = await imapCall(client, fetchSources(options, group), 'FETCH bodies', long(options));
    const decisions = await pipeline.decide(full, where);
    for (const item of full) {
      const decision = decisions.get(item.uid);
      if (decision) decided.push({ source: source(item.uid), decision });
    }
  }
  const position = advance ? positionUpdate(options, uidvalidity, advance.lastUid, advance.highestModseq) : null;
  return writeDecisions(options.db, decided, position, options.now().toISOString(), options.beforeCommit);
}

async function fetchSources(options: FolderSyncOptions, items: readonly HeaderItem[]): Promise<FullItem[]> {
  const small = items.filter((item) => item.size <= options.maxMessageBytes);
  const sources = new Map<string, Buffer>();
  if (small.length > 0) {
    // Only buffering happens inside the iterator: no IMAP command may run while a FETCH is open.
    const query = { uid: true, source: { maxLength: options.maxMessageBytes } } as const;
    for await (const message of options.client.fetch(small.map((i) => i.uid).join(','), query, { uid: true })) {
      if (message.source) sources.set(String(message.uid), message.source);
    }
  }
  return items.map((item) => {
    const raw = sources.get(item.uid) ?? null;
    return { ...item, source: raw, truncated: raw === null || item.size > options.maxMessageBytes };
  });
}

function positionUpdate(
  options: FolderSyncOptions,
  uidvalidity: string,
  lastUid: number,
  highestModseq: string | null,
) {
  return {
    mailbox: options.where.mailbox,
    folder: options.where.folder,
    update: { uidvalidity, lastUid, highestModseq, now: options.now().toISOString() },
  };
}

async function parseFailuresToRetry(
  db: Kysely<Database>,
  where: PipelineWhere,
  uidvalidity: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('quarantine')
    .select('uid')
    .where('mailbox', '=', where.mailbox)
    .where('folder', '=', where.folder)
    .where('uidvalidity', '=', uidvalidity)
    .where('reason', '=', 'parse_failed')
    .where('attempts', '<', MAX_PARSE_ATTEMPTS)
    .execute();
  return rows.map((r) => Number(r.uid)).filter((uid) => Number.isInteger(uid) && uid > 0);
}

/** A new UIDVALIDITY voids every stored UID of the folder; interactions stay (keyed by Message-ID). */
async function forgetOldUids(
  db: Kysely<Database>,
  where: PipelineWhere,
  uidvalidity: string,
  logger: Logger,
): Promise<void> {
  logger.warn(
    { mailbox: where.mailbox, folder: where.folder },
    'UIDVALIDITY changed: resyncing the folder by Message-ID',
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('interaction_sources')
      .where('mailbox', '=', where.mailbox)
      .where('folder', '=', where.folder)
      .where('uidvalidity', '!=', uidvalidity)
      .execute();
    await trx
      .deleteFrom('quarantine')
      .where('mailbox', '=', where.mailbox)
      .where('folder', '=', where.folder)
      .where('uidvalidity', '!=', uidvalidity)
      .execute();
    await trx
      .updateTable('mailbox_positions')
      .set({ uidvalidity, last_uid: 0, highest_modseq: null })
      .where('mailbox', '=', where.mailbox)
      .where('folder', '=', where.folder)
      .execute();
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBySize(items: readonly HeaderItem[], maxBytes: number): HeaderItem[][] {
  const groups: HeaderItem[][] = [];
  let current: HeaderItem[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && bytes + item.size > maxBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
