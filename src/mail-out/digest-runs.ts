// The once-a-week guard: one digest_runs row per recruiter and ISO week, moved pending -> sending ->
// sent (or failed, retried later, or unknown). A run is claimed inside BEGIN IMMEDIATE, so two keepwarm
// processes on one database cannot both claim it; the claim is committed before anything is sent.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { retryDelayMs } from '../core/digest-schedule.js';
import type { SendOutcome } from './smtp-transport.js';

export const MAX_SEND_ATTEMPTS = 10;
/** A send that has been "sending" this long died with the process: its outcome is unknown. */
export const ABANDONED_SEND_MS = 15 * 60_000;

export interface ClaimedRun {
  id: number;
  attempts: number;
  forced: boolean;
}

export async function claimRun(
  db: Kysely<Database>,
  input: { recruiterId: number; isoWeek: string; now: Date; owner: string; force: boolean },
): Promise<ClaimedRun | null> {
  const now = input.now.toISOString();
  return inWriteTransaction(db, async (trx) => {
    if (input.force) {
      const row = await trx
        .insertInto('digest_runs')
        .values({
          recruiter_id: input.recruiterId,
          iso_week: input.isoWeek,
          state: 'sending',
          forced: 1,
          attempts: 1,
          claimed_by: input.owner,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, attempts: 1, forced: true };
    }
    const existing = await trx
      .selectFrom('digest_runs')
      .select(['id', 'state', 'attempts', 'next_attempt_at'])
      .where('recruiter_id', '=', input.recruiterId)
      .where('iso_week', '=', input.isoWeek)
      .where('forced', '=', 0)
      .executeTakeFirst();
    if (!existing) {
      const row = await trx
        .insertInto('digest_runs')
        .values({
          recruiter_id: input.recruiterId,
          iso_week: input.isoWeek,
          state: 'sending',
          attempts: 1,
          claimed_by: input.owner,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, attempts: 1, forced: false };
    }
    const retryable =
      (existing.state === 'failed' || existing.state === 'pending') && existing.attempts < MAX_SEND_ATTEMPTS;
    if (!retryable || (existing.next_attempt_at !== null && existing.next_attempt_at > now)) return null;
    await trx
      .updateTable('digest_runs')
      .set({ state: 'sending', attempts: existing.attempts + 1, claimed_by: input.owner, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, attempts: existing.attempts + 1, forced: false };
  });
}

export async function finishRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  outcome: SendOutcome | { status: 'skipped' },
  details: { now: Date; messageId: string | null; itemCount: number },
): Promise<void> {
  const now = details.now.toISOString();
  const common = { updated_at: now, message_id: details.messageId, item_count: details.itemCount };
  const set =
    outcome.status === 'accepted' || outcome.status === 'skipped'
      ? {
          ...common,
          state: 'sent' as const,
          sent_at: outcome.status === 'accepted' ? now : null,
          last_error: null,
          next_attempt_at: null,
        }
      : outcome.status === 'unknown'
        ? { ...common, state: 'unknown' as const, last_error: outcome.message }
        : {
            ...common,
            state: 'failed' as const,
            last_error: `${outcome.code}: ${outcome.message}`,
            next_attempt_at: new Date(details.now.getTime() + retryDelayMs(run.attempts)).toISOString(),
          };
  await db.updateTable('digest_runs').set(set).where('id', '=', run.id).execute();
}

/** Sends that were in flight when a process died: never resent blindly, shown as unknown instead. */
export async function markAbandonedSends(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .updateTable('digest_runs')
    .set({
      state: 'unknown',
      last_error: 'keepwarm stopped while sending; check the recruiter received it',
      updated_at: now.toISOString(),
    })
    .where('state', '=', 'sending')
    .where('updated_at', '<', new Date(now.getTime() - ABANDONED_SEND_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
