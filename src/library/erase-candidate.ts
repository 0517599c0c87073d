// Erasure on request (GDPR art. 17). The person and everything hanging off them go (the schema cascades to
// addresses, skills, outcomes and logged mail); triage and never-log rows for their addresses go; quarantined
// mail from them loses sender and subject; their audit entries keep only the action and date. What stays is a
// keyed hash per address in `suppressions`, so neither the sync nor an import brings them back.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { checkpointWal } from '../db/checkpoint-wal.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { recordAudit } from './audit-log.js';
import { requireCandidateIdByAddress } from './candidate-repository.js';
import { suppressAddressKeys } from './suppressions.js';

export interface ErasurePlan {
  candidateId: number;
  name: string;
  addresses: string[];
  /** Rows that would be deleted or cleared, by what they are. */
  rows: Record<string, number>;
}

export interface ErasureResult {
  candidateId: number;
  addressesSuppressed: number;
  rows: Record<string, number>;
  /** False when another connection kept the WAL open, so old page images may remain there until its next checkpoint. */
  walCleared: boolean;
}

export async function planErasure(db: Kysely<Database>, email: string): Promise<ErasurePlan> {
  const candidateId = await requireCandidateIdByAddress(db, email);
  const { name } = await db
    .selectFrom('candidates')
    .select('name')
    .where('id', '=', candidateId)
    .executeTakeFirstOrThrow();
  const emails = await db
    .selectFrom('candidate_emails')
    .select(['email', 'email_key'])
    .where('candidate_id', '=', candidateId)
    .execute();
  const keys = emails.map((e) => e.email_key);
  const count = async (query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
    Number((await query)?.n ?? 0);
  const interactionIds = db.selectFrom('interactions').select('id').where('candidate_id', '=', candidateId);
  return {
    candidateId,
    name,
    addresses: emails.map((e) => e.email),
    rows: {
      addresses: emails.length,
      skills: await count(
        db
          .selectFrom('candidate_skills')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('candidate_id', '=', candidateId)
          .executeTakeFirst(),
      ),
      outcomes: await count(
        db
          .selectFrom('outcomes')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('candidate_id', '=', candidateId)
          .executeTakeFirst(),
      ),
      interactions: await count(
        db
          .selectFrom('interactions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('candidate_id', '=', candidateId)
          .executeTakeFirst(),
      ),
      interactionSignals: await count(
        db
          .selectFrom('interaction_signals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('interaction_id', 'in', interactionIds)
          .executeTakeFirst(),
      ),
      interactionSources: await count(
        db
          .selectFrom('interaction_sources')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('interaction_id', 'in', interactionIds)
          .executeTakeFirst(),
      ),
      unmatchedTriage: await count(
        db
          .selectFrom('unmatched_addresses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('email_key', 'in', keys)
          .executeTakeFirst(),
      ),
      neverLog: await count(
        db
          .selectFrom('never_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('email_key', 'in', keys)
          .executeTakeFirst(),
      ),
      auditDetails: await count(
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity', '=', 'candidate')
          .where('entity_id', '=', candidateId)
          .executeTakeFirst(),
      ),
    },
  };
}

export async function eraseCandidate(
  db: Kysely<Database>,
  email: string,
  options: { now: Date; actor?: string },
): Promise<ErasureResult> {
  const plan = await inWriteTransaction(db, async (trx) => {
    const planned = await planErasure(trx, email);
    const { candidateId } = planned;
    const emails = await trx
      .selectFrom('candidate_emails')
      .select(['email', 'email_key'])
      .where('candidate_id', '=', candidateId)
      .execute();
    const keys = emails.map((e) => e.email_key);
    await trx.deleteFrom('unmatched_addresses').where('email_key', 'in', keys).execute();
    const neverLogIds = (await trx.selectFrom('never_log').select('id').where('email_key', 'in', keys).execute()).map(
      (row) => row.id,
    );
    await trx.deleteFrom('never_log').where('email_key', 'in', keys).execute();
    await clearAuditDetails(trx, 'never_log', neverLogIds);
    // The sync keeps quarantine rows to retry them; they stay, without anything that names the person.
    for (const address of new Set([...emails.map((e) => e.email.toLowerCase()), ...keys])) {
      await trx
        .updateTable('quarantine')
        .set({ sender: null, subject: null, detail: null })
        .where((eb) => eb(eb.fn('lower', ['sender']), 'like', `%${address}%`))
        .execute();
    }
    await clearAuditDetails(trx, 'candidate', [candidateId]);
    await trx.deleteFrom('candidates').where('id', '=', candidateId).execute();
    await suppressAddressKeys(trx, keys, options.now);
    await recordAudit(
      trx,
      {
        actor: options.actor ?? 'cli',
        action: 'erase',
        entity: 'candidate',
        entityId: candidateId,
        detail: { addresses: keys.length },
      },
      options.now,
    );
    return planned;
  });
  const walCleared = await checkpointWal(db);
  return { candidateId: plan.candidateId, addressesSuppressed: plan.addresses.length, rows: plan.rows, walCleared };
}

async function clearAuditDetails(db: Kysely<Database>, entity: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('audit_log')
    .set({ detail: null })
    .where('entity', '=', entity)
    .where('entity_id', 'in', ids)
    .execute();
}
