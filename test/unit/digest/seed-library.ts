// Writes library rows straight into a migrated SQLite database, for loader and command tests of the digest:
// the rows the import and the mail sync would have written, without running them.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database, Direction, InteractionKind } from '../../../src/db/schema.js';
import { addressKey } from '../../../src/core/email-address.js';
import { skillKey } from '../../../src/core/library-fields.js';

export { createTempLibrary, type TempLibrary } from '../../support/temp-library.js';

export async function addRecruiter(
  db: Kysely<Database>,
  email: string,
  name: string,
  timezone: string | null = null,
): Promise<number> {
  const row = await db
    .insertInto('recruiters')
    .values({ email, name, timezone })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CandidateSeed {
  name: string;
  emails: string[];
  status?: CandidateStatus;
  owner?: number | null;
  skills?: string[];
  createdAt?: string;
  cadenceDays?: number | null;
  snoozedUntil?: string | null;
}

export async function addCandidate(db: Kysely<Database>, seed: CandidateSeed): Promise<number> {
  const { id } = await db
    .insertInto('candidates')
    .values({
      name: seed.name,
      status: seed.status ?? 'runner_up',
      owner_recruiter_id: seed.owner ?? null,
      cadence_days: seed.cadenceDays ?? null,
      snoozed_until: seed.snoozedUntil ?? null,
      ...(seed.createdAt ? { created_at: seed.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, email] of seed.emails.entries()) {
    await db
      .insertInto('candidate_emails')
      .values({ candidate_id: id, email, email_key: addressKey(email) ?? email, is_primary: i === 0 ? 1 : 0 })
      .execute();
  }
  for (const skill of seed.skills ?? []) {
    await db
      .insertInto('candidate_skills')
      .values({ candidate_id: id, skill, skill_key: skillKey(skill) })
      .execute();
  }
  return id;
}

export async function addOpening(
  db: Kysely<Database>,
  seed: { title: string; client: string; openedAt: string; skills?: string[]; status?: 'open' | 'filled' | 'closed' },
): Promise<number> {
  const { id } = await db
    .insertInto('openings')
    .values({ title: seed.title, client: seed.client, opened_at: seed.openedAt, status: seed.status ?? 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const skill of seed.skills ?? []) {
    await db
      .insertInto('opening_skills')
      .values({ opening_id: id, skill, skill_key: skillKey(skill) })
      .execute();
  }
  return id;
}

export async function addOutcome(
  db: Kysely<Database>,
  seed: { candidateId: number; openingId: number; decidedAt: string | null; notes?: string | null },
): Promise<void> {
  await db
    .insertInto('outcomes')
    .values({
      candidate_id: seed.candidateId,
      opening_id: seed.openingId,
      stage: 'runner_up',
      decided_at: seed.decidedAt,
      feedback_notes: seed.notes ?? null,
    })
    .execute();
}

let messageCounter = 0;

export interface InteractionSeed {
  candidateId: number;
  recruiterId: number | null;
  direction: Direction;
  at: string;
  kind?: InteractionKind;
  subject?: string;
  snippet?: string;
  note?: string | null;
  signals?: { code: string; category?: string | null; text: string }[];
  /** Where it was seen (mailbox name); the log mailbox makes it a BCC copy. */
  mailbox?: string;
}

export async function addInteraction(db: Kysely<Database>, seed: InteractionSeed): Promise<number> {
  const { id } = await db
    .insertInto('interactions')
    .values({
      candidate_id: seed.candidateId,
      recruiter_id: seed.recruiterId,
      message_key: `m${++messageCounter}@test`,
      direction: seed.direction,
      kind: seed.kind ?? 'personal',
      occurred_at: seed.at,
      subject: seed.subject ?? '',
      snippet: seed.snippet ?? '',
      note: seed.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const signal of seed.signals ?? []) {
    await db
      .insertInto('interaction_signals')
      .values({ interaction_id: id, code: signal.code, category: signal.category ?? null, text: signal.text })
      .execute();
  }
  await db
    .insertInto('interaction_sources')
    .values({ interaction_id: id, mailbox: seed.mailbox ?? 'log', folder: 'INBOX', uid: String(id) })
    .execute();
  return id;
}
