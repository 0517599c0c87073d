// An opt-out found in mail ("please remove me") stops contact at once (the sync sets do_not_contact) and waits
// for a person: confirming keeps the stop and takes it off the "please confirm" lists; undoing (the mail was
// misread) restores the status the candidate had before. Both are audited; the CLI and the admin page call these.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import { updateCandidateRow } from './candidate-repository.js';

export interface OptOutAwaiting {
  candidateId: number;
  name: string;
  email: string | null;
  detectedAt: string;
  previousStatus: CandidateStatus | null;
  mail: { at: string; subject: string; snippet: string } | null;
}

export async function listOptOutsAwaiting(
  db: Kysely<Database>,
  options: { limit?: number } = {},
): Promise<OptOutAwaiting[]> {
  const rows = await db
    .selectFrom('candidates as c')
    .leftJoin('interactions as i', 'i.id', 'c.opt_out_interaction_id')
    .leftJoin('candidate_emails as e', (join) => join.onRef('e.candidate_id', '=', 'c.id').on('e.is_primary', '=', 1))
    .select([
      'c.id',
      'c.name',
      'c.opt_out_detected_at',
      'c.previous_status',
      'e.email',
      'i.occurred_at',
      'i.subject',
      'i.snippet',
    ])
    .where('c.status', '=', 'do_not_contact')
    .where('c.opt_out_detected_at', 'is not', null)
    .orderBy('c.opt_out_detected_at', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((row) => ({
    candidateId: row.id,
    name: row.name,
    email: row.email,
    detectedAt: row.opt_out_detected_at ?? '',
    previousStatus: row.previous_status,
    mail: row.occurred_at ? { at: row.occurred_at, subject: row.subject ?? '', snippet: row.snippet ?? '' } : null,
  }));
}

type Review = 'confirm' | 'undo';

/** Confirms or undoes the opt-out awaiting review; not_found when there is none for this candidate. */
export async function reviewOptOut(
  db: Kysely<Database>,
  candidateId: number,
  review: Review,
  options: { now: Date; actor?: string },
): Promise<{ status: CandidateStatus }> {
  return inWriteTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('candidates')
      .select(['status', 'previous_status', 'opt_out_detected_at'])
      .where('id', '=', candidateId)
      .executeTakeFirst();
    if (!current || current.status !== 'do_not_contact' || current.opt_out_detected_at === null) {
      throw new KeepwarmError('not_found', 'this candidate has no opt-out awaiting confirmation');
    }
    const status: CandidateStatus = review === 'confirm' ? 'do_not_contact' : (current.previous_status ?? 'runner_up');
    // The triggering interaction stays linked after a confirmation, as the record of why contact stopped.
    const cleared =
      review === 'confirm'
        ? { opt_out_detected_at: null }
        : { opt_out_detected_at: null, opt_out_interaction_id: null };
    await updateCandidateRow(trx, candidateId, { status, previous_status: null, ...cleared }, options.now);
    const detail = { status: { from: current.status, to: status } };
    await recordAudit(
      trx,
      {
        actor: options.actor ?? 'cli',
        action: `${review}_opt_out`,
        entity: 'candidate',
        entityId: candidateId,
        detail,
      },
      options.now,
    );
    return { status };
  });
}
