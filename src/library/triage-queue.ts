// What the sync could not place, waiting for a person: addresses that wrote to or heard from a recruiter but are
// in nobody's record (only address, count, last date and recruiter are kept), and messages quarantined with a
// reason (e.g. a sender that could not be verified). Each entry leaves the queue by one explicit decision.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KeepwarmError } from '../errors.js';
import { addNeverLog } from './never-log.js';
import { createCandidate, type NewCandidateInput } from './create-candidate.js';
import { updateCandidate, type BackfillAddresses } from './update-candidate.js';

export interface UnmatchedEntry {
  id: number;
  email: string;
  displayName: string | null;
  messageCount: number;
  lastSeenAt: string;
  recruiter: string | null;
}

export interface QuarantinedEntry {
  id: number;
  mailbox: string;
  folder: string;
  uid: string;
  sender: string | null;
  subject: string | null;
  reason: string;
  detail: string | null;
  attempts: number;
  at: string;
}

export async function listUnmatched(db: Kysely<Database>, options: { limit?: number } = {}): Promise<UnmatchedEntry[]> {
  const rows = await db
    .selectFrom('unmatched_addresses as u')
    .leftJoin('recruiters as r', 'r.id', 'u.recruiter_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.message_count', 'u.last_seen_at', 'r.email as recruiter'])
    .where('u.dismissed_at', 'is', null)
    .orderBy('u.last_seen_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    messageCount: r.message_count,
    lastSeenAt: r.last_seen_at,
    recruiter: r.recruiter,
  }));
}

export async function listQuarantined(
  db: Kysely<Database>,
  options: { limit?: number } = {},
): Promise<QuarantinedEntry[]> {
  const rows = await db
    .selectFrom('quarantine')
    .selectAll()
    .where('resolved_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    mailbox: r.mailbox,
    folder: r.folder,
    uid: r.uid,
    sender: r.sender,
    subject: r.subject,
    reason: r.reason,
    detail: r.detail,
    attempts: r.attempts,
    at: r.updated_at,
  }));
}

export async function requireUnmatched(
  db: Kysely<Database>,
  id: number,
): Promise<UnmatchedEntry & { emailKey: string }> {
  const row = await db
    .selectFrom('unmatched_addresses')
    .select(['id', 'email', 'email_key', 'display_name', 'message_count', 'last_seen_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new KeepwarmError('not_found', 'this triage entry is gone (already handled?)');
  return {
    id: row.id,
    email: row.email,
    emailKey: row.email_key,
    displayName: row.display_name,
    messageCount: row.message_count,
    lastSeenAt: row.last_seen_at,
    recruiter: null,
  };
}

/** Hides the address from triage; the sync keeps counting it but it stays hidden. */
export async function dismissUnmatched(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await requireUnmatched(db, id);
  await db.updateTable('unmatched_addresses').set({ dismissed_at: now.toISOString() }).where('id', '=', id).execute();
}

/** The address is in the library (or never to be logged) now: every recruiter's entry for it goes. */
async function clearAddress(db: Kysely<Database>, emailKey: string): Promise<void> {
  await db.deleteFrom('unmatched_addresses').where('email_key', '=', emailKey).execute();
}

export async function neverLogUnmatched(
  db: Kysely<Database>,
  id: number,
  options: { now: Date; actor?: string; reason?: string },
): Promise<void> {
  const entry = await requireUnmatched(db, id);
  await addNeverLog(db, entry.email, options);
  await clearAddress(db, entry.emailKey);
}

/** Adds the address to the candidate who has `candidateEmail`, then backfills its mail. */
export async function attachUnmatched(
  db: Kysely<Database>,
  id: number,
  candidateEmail: string,
  options: { now: Date; actor?: string; backfill?: BackfillAddresses },
): Promise<{ candidateId: number }> {
  const entry = await requireUnmatched(db, id);
  const result = await updateCandidate(db, candidateEmail, { addEmail: entry.email }, options);
  await clearAddress(db, entry.emailKey);
  return { candidateId: result.candidateId };
}

export async function createFromUnmatched(
  db: Kysely<Database>,
  id: number,
  input: Omit<NewCandidateInput, 'email'>,
  options: { now: Date; actor?: string; backfill?: BackfillAddresses },
): Promise<{ candidateId: number }> {
  const entry = await requireUnmatched(db, id);
  const result = await createCandidate(db, { ...input, email: entry.email }, options);
  await clearAddress(db, entry.emailKey);
  return result;
}

export async function resolveQuarantined(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  const result = await db
    .updateTable('quarantine')
    .set({ resolved_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new KeepwarmError('not_found', 'this quarantined message is gone (already handled?)');
}
