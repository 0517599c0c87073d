// The talent library and everything keepwarm records about mail. Frozen once landed: later changes are
// new migrations. Uses Kysely<any> on purpose, so it never depends on today's Database interface.
import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recruiters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('timezone', 'text')
    .addColumn('digest_day', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`digest_day between 1 and 7`),
    )
    .addColumn('digest_time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('recruiter_aliases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recruiter_id', 'integer', (c) => c.notNull().references('recruiters.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('runner_up')
        .check(sql`status in ('runner_up','active','placed_elsewhere','do_not_contact','archived')`),
    )
    .addColumn('notes', 'text')
    .addColumn('cadence_days', 'integer', (c) => c.check(sql`cadence_days is null or cadence_days > 0`))
    .addColumn('snoozed_until', 'text')
    .addColumn('snooze_reason', 'text')
    .addColumn('owner_recruiter_id', 'integer', (c) => c.references('recruiters.id').onDelete('set null'))
    // An opt-out detected in mail sets do_not_contact at once and waits here for a person to confirm it;
    // previous_status is what "undo" restores.
    .addColumn('opt_out_interaction_id', 'integer')
    .addColumn('opt_out_detected_at', 'text')
    .addColumn('previous_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('candidates_name').on('candidates').column('name').execute();
  await db.schema.createIndex('candidates_status').on('candidates').columns(['status', 'owner_recruiter_id']).execute();

  await db.schema
    .createTable('candidate_emails')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    // The normalised form (see src/core/email-address.ts): what mail is matched by.
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bouncing_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('candidate_emails_candidate').on('candidate_emails').column('candidate_id').execute();

  await db.schema
    .createTable('candidate_skills')
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('candidate_skills_pk', ['candidate_id', 'skill_key'])
    .execute();
  await db.schema.createIndex('candidate_skills_key').on('candidate_skills').column('skill_key').execute();

  await db.schema
    .createTable('openings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','filled','closed')`),
    )
    .addColumn('owner_recruiter_id', 'integer', (c) => c.references('recruiters.id').onDelete('set null'))
    .addColumn('opened_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  // Imports upsert an opening by title and client, compared case-insensitively.
  await db.schema
    .createIndex('openings_title_client')
    .on('openings')
    .unique()
    .expression(sql`lower(title), lower(client)`)
    .execute();

  await db.schema
    .createTable('opening_skills')
    .addColumn('opening_id', 'integer', (c) => c.notNull().references('openings.id').onDelete('cascade'))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opening_skills_pk', ['opening_id', 'skill_key'])
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('opening_id', 'integer', (c) => c.notNull().references('openings.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('runner_up')
        .check(sql`stage in ('finalist','runner_up','placed','withdrawn')`),
    )
    .addColumn('decided_at', 'text')
    .addColumn('feedback_notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('outcomes_candidate_opening', ['candidate_id', 'opening_id'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('recruiter_id', 'integer', (c) => c.references('recruiters.id').onDelete('set null'))
    // Normalised Message-ID, or a content hash when there is none: one message, one interaction.
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('outbound','inbound')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('personal','auto_reply','bulk','bounce')`))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('snippet', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('references', 'text') // JSON array of normalised ids
    .addColumn('attachment_names', 'text') // JSON array
    .addColumn('note', 'text') // what a recruiter wrote above a forward
    .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('interactions_candidate_message', ['candidate_id', 'message_key'])
    .execute();
  await db.schema
    .createIndex('interactions_candidate_time')
    .on('interactions')
    .columns(['candidate_id', 'occurred_at'])
    .execute();
  await db.schema.createIndex('interactions_message_key').on('interactions').column('message_key').execute();
  await db.schema
    .createIndex('interactions_recruiter_time')
    .on('interactions')
    .columns(['recruiter_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('interaction_signals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text') // JSON
    .addUniqueConstraint('interaction_signals_unique', ['interaction_id', 'code', 'text'])
    .execute();

  await db.schema
    .createTable('interaction_sources')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uidvalidity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uid', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seen_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('interaction_sources_unique', ['interaction_id', 'mailbox', 'folder', 'uidvalidity', 'uid'])
    .execute();

  await db.schema
    .createTable('mailbox_positions')
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uidvalidity', 'text')
    .addColumn('last_uid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('highest_modseq', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('mailbox_positions_pk', ['mailbox', 'folder'])
    .execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uidvalidity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uid', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message_id', 'text')
    .addColumn('sender', 'text')
    .addColumn('subject', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('quarantine_source', ['mailbox', 'folder', 'uidvalidity', 'uid'])
    .execute();

  // Mail with no library candidate is not stored: only who, how often, when last, and with which recruiter.
  await db.schema
    .createTable('unmatched_addresses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('recruiter_id', 'integer', (c) => c.references('recruiters.id').onDelete('cascade'))
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text')
    .addUniqueConstraint('unmatched_addresses_unique', ['email_key', 'recruiter_id'])
    .execute();

  await db.schema
    .createTable('never_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  // Erased people: a salted hash of each address, so a later sync does not bring them back, without
  // keeping the address itself.
  await db.schema
    .createTable('suppressions')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('digest_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recruiter_id', 'integer', (c) => c.notNull().references('recruiters.id').onDelete('cascade'))
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state in ('pending','sending','sent','failed','unknown')`),
    )
    .addColumn('message_id', 'text')
    .addColumn('item_count', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('forced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  // One scheduled digest per recruiter and ISO week; a forced resend is a separate, explicit row.
  await db.schema
    .createIndex('digest_runs_once_a_week')
    .on('digest_runs')
    .columns(['recruiter_id', 'iso_week'])
    .unique()
    .where(sql.ref('forced'), '=', 0)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('detail', 'text') // JSON; never mail content, and cleared for an erased person
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'digest_runs',
    'suppressions',
    'never_log',
    'unmatched_addresses',
    'quarantine',
    'mailbox_positions',
    'interaction_sources',
    'interaction_signals',
    'interactions',
    'outcomes',
    'opening_skills',
    'openings',
    'candidate_skills',
    'candidate_emails',
    'candidates',
    'recruiter_aliases',
    'recruiters',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
