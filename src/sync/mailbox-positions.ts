// Where each folder's sync stands: (UIDVALIDITY, last UID, HIGHESTMODSEQ), plus the health the
// status command, admin page and digest show. The position is only ever moved inside the same
// transaction as the rows it produced.
import type { Kysely, Transaction } from 'kysely';
import type { Database, MailboxPosition } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function getPosition(db: Db, mailbox: string, folder: string): Promise<MailboxPosition | undefined> {
  return db
    .selectFrom('mailbox_positions')
    .selectAll()
    .where('mailbox', '=', mailbox)
    .where('folder', '=', folder)
    .executeTakeFirst();
}

export interface PositionUpdate {
  uidvalidity: string;
  lastUid: number;
  highestModseq: string | null;
  now: string;
}

export async function savePosition(db: Db, mailbox: string, folder: string, update: PositionUpdate): Promise<void> {
  await db
    .insertInto('mailbox_positions')
    .values({
      mailbox,
      folder,
      uidvalidity: update.uidvalidity,
      last_uid: update.lastUid,
      highest_modseq: update.highestModseq,
      last_sync_at: update.now,
      updated_at: update.now,
    })
    .onConflict((oc) =>
      oc.columns(['mailbox', 'folder']).doUpdateSet({
        uidvalidity: update.uidvalidity,
        last_uid: update.lastUid,
        highest_modseq: update.highestModseq,
        last_sync_at: update.now,
        updated_at: update.now,
      }),
    )
    .execute();
}

export async function markFolderHealthy(db: Db, mailbox: string, folder: string, now: string): Promise<void> {
  await db
    .insertInto('mailbox_positions')
    .values({ mailbox, folder, last_sync_at: now, last_success_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['mailbox', 'folder']).doUpdateSet({
        last_sync_at: now,
        last_success_at: now,
        last_error: null,
        last_error_code: null,
        last_error_at: null,
        updated_at: now,
      }),
    )
    .execute();
}

/** Records a failure for a folder, or for the whole mailbox (folder '*') when it cannot connect. */
export async function markFailure(
  db: Db,
  mailbox: string,
  folder: string,
  error: { code: string; message: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('mailbox_positions')
    .values({
      mailbox,
      folder,
      last_sync_at: now,
      last_error: error.message,
      last_error_code: error.code,
      last_error_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['mailbox', 'folder']).doUpdateSet({
        last_sync_at: now,
        last_error: error.message,
        last_error_code: error.code,
        last_error_at: now,
        updated_at: now,
      }),
    )
    .execute();
}

export async function listPositions(db: Db): Promise<MailboxPosition[]> {
  return db.selectFrom('mailbox_positions').selectAll().orderBy('mailbox').orderBy('folder').execute();
}
