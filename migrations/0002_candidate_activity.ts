// What the admin page's candidate list sorts and counts by, kept fast at 100,000 candidates and 1,000,000
// interactions: each candidate's latest personal mail (either way) in its own indexed table, maintained by
// triggers so every writer (sync, mail import, erase) keeps it exact without knowing it exists; and an index
// on interaction time for the dashboard's weekly activity. Frozen once landed, like every migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('candidate_activity')
    .addColumn('candidate_id', 'integer', (c) => c.primaryKey().references('candidates.id').onDelete('cascade'))
    .addColumn('last_contact_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('candidate_activity_last_contact')
    .on('candidate_activity')
    .columns(['last_contact_at', 'candidate_id'])
    .execute();
  // Covers the dashboard's "personal mail per week, each way" without reading the interaction rows.
  await db.schema
    .createIndex('interactions_time')
    .on('interactions')
    .columns(['occurred_at', 'kind', 'direction'])
    .execute();

  await sql`insert into candidate_activity (candidate_id, last_contact_at)
    select candidate_id, max(occurred_at) from interactions where kind = 'personal' group by candidate_id`.execute(db);

  await sql`create trigger candidate_activity_after_insert after insert on interactions when new.kind = 'personal'
    begin
      insert into candidate_activity (candidate_id, last_contact_at) values (new.candidate_id, new.occurred_at)
        on conflict (candidate_id) do update set last_contact_at = excluded.last_contact_at
        where excluded.last_contact_at > candidate_activity.last_contact_at;
    end`.execute(db);
  // The sync rewrites occurred_at when it merges a forward with the original; recompute both candidates involved.
  await sql`create trigger candidate_activity_after_update after update of kind, occurred_at, candidate_id on interactions
    begin
      delete from candidate_activity where candidate_id in (old.candidate_id, new.candidate_id);
      insert into candidate_activity (candidate_id, last_contact_at)
        select candidate_id, max(occurred_at) from interactions
        where candidate_id in (old.candidate_id, new.candidate_id) and kind = 'personal'
          and exists (select 1 from candidates where candidates.id = interactions.candidate_id)
        group by candidate_id;
    end`.execute(db);
  // An erase deletes the candidate first and its mail by cascade: the candidate is gone, so nothing is re-added.
  await sql`create trigger candidate_activity_after_delete after delete on interactions when old.kind = 'personal'
    begin
      delete from candidate_activity where candidate_id = old.candidate_id;
      insert into candidate_activity (candidate_id, last_contact_at)
        select candidate_id, max(occurred_at) from interactions
        where candidate_id = old.candidate_id and kind = 'personal'
          and exists (select 1 from candidates where id = old.candidate_id)
        group by candidate_id;
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'candidate_activity_after_insert',
    'candidate_activity_after_update',
    'candidate_activity_after_delete',
  ]) {
    await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  }
  await db.schema.dropIndex('interactions_time').ifExists().execute();
  await db.schema.dropTable('candidate_activity').ifExists().execute();
}
