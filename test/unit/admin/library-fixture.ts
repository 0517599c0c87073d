// A real, migrated SQLite library in a temporary folder, with helpers that write the rows the import and the
// mail sync would have written, so the admin tests read like the library they stand for.
import type { Kysely } from 'kysely';
import type { Database, Direction, InteractionKind } from '../../../src/db/schema.js';

export { createTempLibrary, type TempLibrary } from '../../support/temp-library.js';

export async function seedRecruiter(db: Kysely<Database>, email: string, name: string): Promise<number> {
  return (await db.insertInto('recruiters').values({ email, name }).returning('id').executeTakeFirstOrThrow()).id;
}

// Candidates are written as the digest tests write them.
export { addCandidate as seedCandidate, type CandidateSeed } from '../digest/seed-library.js';

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
    await db
      .insertInto('interaction_signals')
      .values({ interaction_id: id, code: signal.code, category: signal.category ?? null, text: signal.text })
      .execute();
  }
  await db
    .insertInto('interaction_sources')
    .values({ interaction_id: id, mailbox: 'log', folder: 'INBOX', uidvalidity: '1', uid: String(messageNumber) })
    .execute();
  return id;
}
