// `candidate set`, as a use case: change one person's profile, add an address, or record the feedback owed for a
// runner-up decision. Each change is audited. An added address needs its past mail fetched: the use case returns
// the added keys and calls `backfill` (when given) after the commit; that is the seam the mail sync plugs into.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { cleanText, openingKey } from '../core/library-fields.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { KeepwarmError } from '../errors.js';
import { recordAudit } from './audit-log.js';
import {
  insertCandidateAddresses,
  requireCandidateIdByAddress,
  updateCandidateRow,
  type CandidateColumns,
} from './candidate-repository.js';
import { recruiterIdsByAddressKey } from './recruiter-repository.js';
import { isSuppressed } from './suppressions.js';

export interface CandidateEdit {
  status?: CandidateStatus;
  /** null: back to the default cadence for their status. */
  cadenceDays?: number | null;
  /** A recruiter's address or alias; null: no owner (their digest follows their latest mail). */
  owner?: string | null;
  addEmail?: string;
  name?: string;
  notes?: string;
  feedback?: { notes: string; opening: string; client?: string };
}

export interface CandidateEditResult {
  candidateId: number;
  /** What changed, by field name; empty when the edit matched what was there. */
  changed: string[];
  /** Keys of addresses added, whose earlier mail the sync should fetch. */
  addedAddressKeys: string[];
}

/** Fetches the past mail of newly added addresses; wired in once the mail sync exists. */
export type BackfillAddresses = (candidateId: number, addressKeys: readonly string[]) => Promise<void>;

export async function updateCandidate(
  db: Kysely<Database>,
  email: string,
  edit: CandidateEdit,
  options: { now: Date; actor?: string; backfill?: BackfillAddresses },
): Promise<CandidateEditResult> {
  const result = await inWriteTransaction(db, async (trx) => {
    const candidateId = await requireCandidateIdByAddress(trx, email);
    const current = await trx
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    const columns: CandidateColumns = {};
    const changed: string[] = [];
    const change = <K extends keyof CandidateColumns>(
      field: string,
      column: K,
      value: CandidateColumns[K] | undefined,
    ): void => {
      if (value === undefined || value === current[column]) return;
      columns[column] = value;
      changed.push(field);
    };
    change('status', 'status', edit.status);
    change('cadence_days', 'cadence_days', edit.cadenceDays);
    change('name', 'name', edit.name === undefined ? undefined : cleanText(edit.name));
    // An empty --notes clears them.
    change('notes', 'notes', edit.notes === undefined ? undefined : cleanText(edit.notes) || null);
    if (edit.owner !== undefined)
      change('owner', 'owner_recruiter_id', edit.owner === null ? null : await requireRecruiterId(trx, edit.owner));
    const addedAddressKeys =
      edit.addEmail === undefined ? [] : await addAddress(trx, candidateId, edit.addEmail, options.now);
    if (addedAddressKeys.length > 0) changed.push('email');
    if (edit.feedback && (await setFeedback(trx, candidateId, edit.feedback, options.now)))
      changed.push('feedback_notes');
    if (changed.length > 0) {
      await updateCandidateRow(trx, candidateId, columns, options.now);
      const detail = {
        fields: changed,
        ...(columns.status ? { status: { from: current.status, to: columns.status } } : {}),
      };
      await recordAudit(
        trx,
        { actor: options.actor ?? 'cli', action: 'update', entity: 'candidate', entityId: candidateId, detail },
        options.now,
      );
    }
    return { candidateId, changed, addedAddressKeys };
  });
  if (result.addedAddressKeys.length > 0) await options.backfill?.(result.candidateId, result.addedAddressKeys);
  return result;
}

async function requireRecruiterId(db: Kysely<Database>, email: string): Promise<number> {
  const id = (await recruiterIdsByAddressKey(db)).get(addressKey(email) ?? '');
  if (id === undefined)
    throw new KeepwarmError('not_found', `no recruiter has the address ${email} (add them: keepwarm recruiter add)`);
  return id;
}

async function addAddress(db: Kysely<Database>, candidateId: number, email: string, now: Date): Promise<string[]> {
  const key = addressKey(email);
  if (key === null) throw new KeepwarmError('invalid_input', `"${email}" is not an email address`);
  const holder = await db
    .selectFrom('candidate_emails')
    .select('candidate_id')
    .where('email_key', '=', key)
    .executeTakeFirst();
  if (holder?.candidate_id === candidateId) return [];
  if (holder) throw new KeepwarmError('conflict', `${email} already belongs to another candidate`);
  if (await isSuppressed(db, key))
    throw new KeepwarmError('conflict', `${email} belongs to a person erased on request`);
  await insertCandidateAddresses(db, candidateId, [{ email: email.trim(), key }], now);
  return [key];
}

/** Records the feedback to give for one runner-up decision, found by opening title (and client if several match). */
async function setFeedback(
  db: Kysely<Database>,
  candidateId: number,
  feedback: NonNullable<CandidateEdit['feedback']>,
  now: Date,
): Promise<boolean> {
  const outcomes = await db
    .selectFrom('outcomes as o')
    .innerJoin('openings as p', 'p.id', 'o.opening_id')
    .select(['o.id', 'o.feedback_notes', 'p.title', 'p.client'])
    .where('o.candidate_id', '=', candidateId)
    .execute();
  const wanted = (title: string, client: string): boolean => {
    const [wantedTitle, wantedClient] = openingKey(feedback.opening, feedback.client ?? '').split('\u0000');
    const [haveTitle, haveClient] = openingKey(title, client).split('\u0000');
    return haveTitle === wantedTitle && (feedback.client === undefined || haveClient === wantedClient);
  };
  const matches = outcomes.filter((o) => wanted(o.title, o.client));
  if (matches.length === 0)
    throw new KeepwarmError('not_found', `the candidate has no decision for an opening "${feedback.opening}"`);
  if (matches.length > 1) {
    throw new KeepwarmError(
      'usage',
      `several openings are titled "${feedback.opening}"; add --client (${matches.map((m) => m.client).join(', ')})`,
    );
  }
  const outcome = matches[0] as (typeof matches)[number];
  const notes = cleanText(feedback.notes);
  if (outcome.feedback_notes === notes) return false;
  await db
    .updateTable('outcomes')
    .set({ feedback_notes: notes, updated_at: now.toISOString() })
    .where('id', '=', outcome.id)
    .execute();
  return true;
}
