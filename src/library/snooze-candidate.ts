// Snoozing keeps a candidate out of the digest until a date (a new job just started, parental leave…); clearing
// it brings them back at once. Audited like every other change; the reason stays on the candidate only.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { cleanText } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import { requireCandidateIdByAddress, updateCandidateRow } from './candidate-repository.js';

export type Snooze = { until: string; reason?: string } | { clear: true };

export interface SnoozeResult {
  candidateId: number;
  changed: boolean;
  snoozedUntil: string | null;
  snoozeReason: string | null;
}

export async function snoozeCandidate(
  db: Kysely<Database>,
  email: string,
  snooze: Snooze,
  options: { now: Date; actor?: string },
): Promise<SnoozeResult> {
  const until = 'until' in snooze ? snooze.until : null;
  const reason = 'until' in snooze && snooze.reason !== undefined ? cleanText(snooze.reason) || null : null;
  if (until !== null && until <= options.now.toISOString()) {
    throw new KeepwarmError('invalid_input', `${until} is not in the future`);
  }
  return inWriteTransaction(db, async (trx) => {
    const candidateId = await requireCandidateIdByAddress(trx, email);
    const current = await trx
      .selectFrom('candidates')
      .select(['snoozed_until', 'snooze_reason'])
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    const changed = current.snoozed_until !== until || current.snooze_reason !== reason;
    if (changed) {
      await updateCandidateRow(trx, candidateId, { snoozed_until: until, snooze_reason: reason }, options.now);
      const action = until === null ? 'unsnooze' : 'snooze';
      await recordAudit(
        trx,
        {
          actor: options.actor ?? 'cli',
          action,
          entity: 'candidate',
          entityId: candidateId,
          detail: until ? { until } : null,
        },
        options.now,
      );
    }
    return { candidateId, changed, snoozedUntil: until, snoozeReason: reason };
  });
}
