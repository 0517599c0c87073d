// Covering indexes for the rows of the admin page's candidate list: each page loads fifty people with their
// primary address and their skills, and at 100,000 candidates those rows are spread over the file, so reading
// each skill and address row after its index entry was a third of the page's SQL. With the values in the
// index, one index page holds them. Frozen once landed, like every migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('candidate_skills_listed')
    .on('candidate_skills')
    .columns(['candidate_id', 'skill'])
    .execute();
  await db.schema
    .createIndex('candidate_emails_primary')
    .on('candidate_emails')
    .columns(['candidate_id', 'is_primary', 'email', 'bouncing_since'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['candidate_skills_listed', 'candidate_emails_primary'])
    await db.schema.dropIndex(index).ifExists().execute();
}
