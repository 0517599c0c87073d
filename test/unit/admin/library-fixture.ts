// A real, migrated SQLite library in a temporary folder, with helpers that write the rows the import and the
// mail sync would have written, so the admin tests read like the library they stand for.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database, Direction, InteractionKind } from '../../../src/db/schema.js';
import { addressKey } from '../../../src/core/email-address.js';
import { skillKey } from '../../../src/core/library-fields.js';

export { createTempLibrary, type TempLibrary } from '../../support/temp-library.js';

export async function seedRecruiter(db: Kysely<Database>, email: string, name: string): Promise<number> {
  return (await db.insertInto('recruiters').values({ email, name }).returning('id').executeTakeFirstOrThrow()).id;
}

export interface CandidateSeed {
  name: string;
  emails: string[];
  status?: CandidateStatus;
  owner?: number | null;
  skills?: string[];
  createdAt?: string;
}

export async function seedCandidate(db: Kysely<Database>, seed: CandidateSeed): Promise<number> {
  const { id } = await db
    .insertInto('candidates')
    .values({ name: seed.name, status: seed.status ?? 'runner_up', owner_recruiter_id: seed.owner ?? null, ...(seed.createdAt ? { created_at: seed.createdAt } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, email] of seed.emails.entries()) {
    await db.insertInto('candidate_emails').values({ candidate_id: id, email, email_key: addressKey(email) ?? email, is_primary: i === 0 ? 1 : 0 }).execute();
  }
  for (const skill of seed.skills ?? []) await db.insertInto('candidate_skills').values({ candidate_id: id, skill, skill_key: skillKey(skill) }).execute();
  return id;
}

let messageNumber = 0;

export interface MailSeed {
  at: string;
  direction?: Direction;
  kind?: InteractionKind;
  subject?: string;
  snippet?: string;
  recruiterId?: number | null;
  signals?: { code: string; category?: string; text: string }[];
  attachments?: string[];
}

export async function seedMail(db: Kysely<Database>, candidateId: number, mail: MailSeed): Promise<number> {
  const { id } = await db
    .insertInto('interactions')
    .values({
      candidate_id: candidateId,
      recruiter_id: mail.recruiterId ?? null,
      message_key: `seed-${++messageNumber}@test`,
      direction: mail.direction ?? 'inbound',
      kind: mail.kind ?? 'personal',
      occurred_at: mail.at,
      subject: mail.subject ?? 'Hello',
      snippet: mail.snippet ?? '',
      attachment_names: mail.attachments ? JSON.stringify(mail.attachments) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const signal of mail.signals ?? []) {
    await db.insertInto('interaction_signals').values({ interaction_id: id, code: signal.code, category: signal.category ?? null, text: signal.text }).execute();
  }
  await db.insertInto('interaction_sources').values({ interaction_id: id, mailbox: 'log', folder: 'INBOX', uidvalidity: '1', uid: String(messageNumber) }).execute();
  return id;
}
