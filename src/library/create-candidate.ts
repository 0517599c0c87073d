// Adds one person to the library by hand (from the triage list of unmatched addresses, or a form), with the
// same field rules as the CSV import. Their past mail is fetched through the `backfill` seam after the commit,
// exactly as when an address is added to an existing candidate.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { cleanText } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import {
  insertCandidate,
  insertCandidateAddresses,
  setPrimaryAddress,
  type CandidateColumns,
} from './candidate-repository.js';
import { recruiterIdsByAddressKey } from './recruiter-repository.js';
import { isSuppressed } from './suppressions.js';
import type { BackfillAddresses } from './update-candidate.js';

export interface NewCandidateInput {
  name: string;
  email: string;
  status?: CandidateStatus;
  /** A recruiter's address or alias. */
  owner?: string;
}

export async function createCandidate(
  db: Kysely<Database>,
  input: NewCandidateInput,
  options: { now: Date; actor?: string; backfill?: BackfillAddresses },
): Promise<{ candidateId: number }> {
  const key = addressKey(input.email);
  const name = cleanText(input.name);
  const problems: string[] = [];
  if (key === null) problems.push(`"${input.email}" is not an email address`);
  if (name.length === 0) problems.push('the name is empty');
  if (problems.length > 0 || key === null)
    throw new KeepwarmError('invalid_input', 'the candidate cannot be added', { details: problems });
  const candidateId = await inWriteTransaction(db, async (trx) => {
    const holder = await trx
      .selectFrom('candidate_emails')
      .select('candidate_id')
      .where('email_key', '=', key)
      .executeTakeFirst();
    if (holder) throw new KeepwarmError('conflict', `${input.email} already belongs to a candidate`);
    if (await isSuppressed(trx, key))
      throw new KeepwarmError('conflict', `${input.email} belongs to a person erased on request`);
    const columns: CandidateColumns & { name: string } = { name };
    if (input.status) columns.status = input.status;
    if (input.owner) {
      const ownerId = (await recruiterIdsByAddressKey(trx)).get(addressKey(input.owner) ?? '');
      if (ownerId === undefined) throw new KeepwarmError('not_found', `no recruiter has the address ${input.owner}`);
      columns.owner_recruiter_id = ownerId;
    }
    const id = await insertCandidate(trx, columns, options.now);
    await insertCandidateAddresses(trx, id, [{ email: input.email.trim(), key }], options.now);
    await setPrimaryAddress(trx, id, key);
    await recordAudit(
      trx,
      {
        actor: options.actor ?? 'cli',
        action: 'create',
        entity: 'candidate',
        entityId: id,
        detail: { fields: Object.keys(columns) },
      },
      options.now,
    );
    return id;
  });
  await options.backfill?.(candidateId, [key]);
  return { candidateId };
}
