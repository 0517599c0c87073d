// Indexes for the admin page's candidate list at 100,000 candidates: a status or an owner filter sorted by
// name walks one index in order and stops at the page (instead of sorting every match), and the count of
// detected opt-outs awaiting a person, shown on every admin page, reads only the few such rows instead of
// every do-not-contact candidate. Frozen once landed, like every migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('candidates_status_name').on('candidates').columns(['status', 'name']).execute();
  await db.schema
    .createIndex('candidates_owner_name')
    .on('candidates')
    .columns(['owner_recruiter_id', 'name'])
    .execute();
  await db.schema
    .createIndex('candidates_opt_out_pending')
    .on('candidates')
    .column('status')
    .where(sql.ref('opt_out_detected_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['candidates_status_name', 'candidates_owner_name', 'candidates_opt_out_pending']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
}
