// Addresses whose mail keepwarm must never store (a candidate's partner, a colleague's private address). Kept as
// address keys only; the mail sync asks isNeverLogged before it writes anything about a message.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { cleanText } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';

export interface NeverLogEntry {
  emailKey: string;
  reason: string | null;
  createdAt: string;
}

export async function isNeverLogged(db: Kysely<Database>, key: string): Promise<boolean> {
  return (await db.selectFrom('never_log').select('id').where('email_key', '=', key).executeTakeFirst()) !== undefined;
}

export async function listNeverLog(db: Kysely<Database>): Promise<NeverLogEntry[]> {
  const rows = await db.selectFrom('never_log').selectAll().orderBy('email_key').execute();
  return rows.map((row) => ({ emailKey: row.email_key, reason: row.reason, createdAt: row.created_at }));
}

/** Adds the address (or updates its reason). The audit entry holds no address: the row id is enough. */
export async function addNeverLog(
  db: Kysely<Database>,
  email: string,
  options: { reason?: string; now: Date; actor?: string },
): Promise<{ action: 'added' | 'updated' | 'unchanged'; emailKey: string }> {
  const key = addressKey(email);
  if (key === null) throw new KeepwarmError('invalid_input', `"${email}" is not an email address`);
  const reason = options.reason === undefined ? null : cleanText(options.reason) || null;
  return inWriteTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('never_log')
      .select(['id', 'reason'])
      .where('email_key', '=', key)
      .executeTakeFirst();
    const actor = options.actor ?? 'cli';
    if (!current) {
      const { id } = await trx
        .insertInto('never_log')
        .values({ email_key: key, reason, created_at: options.now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, action: 'create', entity: 'never_log', entityId: id }, options.now);
      return { action: 'added', emailKey: key };
    }
    if (options.reason === undefined || current.reason === reason) return { action: 'unchanged', emailKey: key };
    await trx.updateTable('never_log').set({ reason }).where('id', '=', current.id).execute();
    await recordAudit(
      trx,
      { actor, action: 'update', entity: 'never_log', entityId: current.id, detail: { fields: ['reason'] } },
      options.now,
    );
    return { action: 'updated', emailKey: key };
  });
}
