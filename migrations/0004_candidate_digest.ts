// What the weekly digest reads about each candidate besides the candidate row, kept in one table so the
// digest reads one joined row per candidate instead of aggregating 1,000,000 interactions and looking up
// addresses and skills one candidate at a time (at 100,000 candidates those cost seconds). Triggers
// recompute a candidate's columns from that candidate's own rows whenever any of them is added, changed
// or removed, so every writer (sync, mail import, forward merge, CSV import, admin edits, erase) keeps it
// exact inside its own transaction without knowing it exists. An erased candidate's row goes by cascade.
//
// A mail reference is packed "occurred_at US id(12 digits) US recruiter_id US direction US subject"
// (US = char(31), which sorts below every character of a timestamp), so max() and min() pick the latest or
// earliest mail, the highest id on a tie, and bring its fields back with it. Addresses are packed
// "email US is_primary US bouncing_since", joined by RS (char(30)), primary first; skills as written,
// joined by US. src/digest/load-contact-summaries.ts and load-digest-world.ts read these formats; a loader
// test checks the summary against src/digest/contact-summary.ts. Frozen once landed, like every migration.
import { sql, type Kysely } from 'kysely';

const PACKED = `i.occurred_at || char(31) || substr('000000000000' || i.id, -12) || char(31) || coalesce(i.recruiter_id, '') || char(31) || i.direction || char(31) || i.subject`;
const LAST_IN_TIME = `coalesce(substr(candidate_digest.last_in, 1, instr(candidate_digest.last_in, char(31)) - 1), '')`;
const latest = (condition: string): string =>
  `(select max(${PACKED}) from interactions i where i.candidate_id = k.id and ${condition})`;

/** Each part: the columns it owns and their values for candidate `k`, from that candidate's own rows. */
const PARTS = {
  contact: {
    last_in: latest(`i.kind = 'personal' and i.direction = 'inbound'`),
    last_out: latest(`i.kind = 'personal' and i.direction = 'outbound'`),
    last_bounce: latest(`i.kind = 'bounce'`),
    // The fallback owner: the recruiter of the latest interaction that has one, personal mail preferred.
    latest_recruiter_id: `(select r.recruiter_id from interactions r where r.candidate_id = k.id and r.recruiter_id is not null
      order by r.kind = 'personal' desc, r.occurred_at desc, r.id desc limit 1)`,
  },
  emails: {
    emails: `(select group_concat(e.email || char(31) || e.is_primary || char(31) || coalesce(e.bouncing_since, ''), char(30) order by e.is_primary desc, e.id)
      from candidate_emails e where e.candidate_id = k.id)`,
  },
  skills: {
    skills: `(select group_concat(s.skill, char(31) order by s.rowid) from candidate_skills s where s.candidate_id = k.id)`,
  },
} as const;

/** Upserts one part's columns for the candidates `where` selects (over `candidates k`). */
function refresh(part: keyof typeof PARTS, where: string): string {
  const columns = Object.entries(PARTS[part]);
  const names = columns.map(([name]) => name);
  return `insert into candidate_digest (candidate_id, ${names.join(', ')})
    select k.id, ${columns.map(([, value]) => value).join(', ')} from candidates k where ${where}
    on conflict (candidate_id) do update set ${names.map((name) => `${name} = excluded.${name}`).join(', ')}`;
}

/** Personal mail sent since the candidate last wrote: how many, and the first of them. */
const refreshUnanswered = (where: string): string => `
  update candidate_digest set (unanswered, first_unanswered) = (
    select count(*), min(${PACKED}) from interactions i
    where i.candidate_id = candidate_digest.candidate_id and i.kind = 'personal' and i.direction = 'outbound'
      and i.occurred_at > ${LAST_IN_TIME}
  )
  where ${where}`;

const refreshContact = (ids: string): string =>
  `${refresh('contact', `k.id in (${ids})`)}; ${refreshUnanswered(`candidate_id in (${ids})`)};`;

/** [trigger name, event, body] for every table the digest's columns come from. */
const TRIGGERS: [string, string, string][] = [
  ['candidate_digest_interaction_insert', 'after insert on interactions', refreshContact('new.candidate_id')],
  [
    'candidate_digest_interaction_update',
    'after update of candidate_id, kind, direction, occurred_at, recruiter_id, subject on interactions',
    refreshContact('old.candidate_id, new.candidate_id'),
  ],
  ['candidate_digest_interaction_delete', 'after delete on interactions', refreshContact('old.candidate_id')],
  [
    'candidate_digest_email_insert',
    'after insert on candidate_emails',
    `${refresh('emails', 'k.id = new.candidate_id')};`,
  ],
  [
    'candidate_digest_email_update',
    'after update of candidate_id, email, is_primary, bouncing_since on candidate_emails',
    `${refresh('emails', 'k.id in (old.candidate_id, new.candidate_id)')};`,
  ],
  [
    'candidate_digest_email_delete',
    'after delete on candidate_emails',
    `${refresh('emails', 'k.id = old.candidate_id')};`,
  ],
  [
    'candidate_digest_skill_insert',
    'after insert on candidate_skills',
    `${refresh('skills', 'k.id = new.candidate_id')};`,
  ],
  [
    'candidate_digest_skill_update',
    'after update of candidate_id, skill on candidate_skills',
    `${refresh('skills', 'k.id in (old.candidate_id, new.candidate_id)')};`,
  ],
  [
    'candidate_digest_skill_delete',
    'after delete on candidate_skills',
    `${refresh('skills', 'k.id = old.candidate_id')};`,
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('candidate_digest')
    .addColumn('candidate_id', 'integer', (c) => c.primaryKey().references('candidates.id').onDelete('cascade'))
    .addColumn('last_in', 'text')
    .addColumn('last_out', 'text')
    .addColumn('last_bounce', 'text')
    .addColumn('unanswered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_unanswered', 'text')
    .addColumn('latest_recruiter_id', 'integer')
    .addColumn('emails', 'text')
    .addColumn('skills', 'text')
    .execute();

  // A recruiter's digest reads the unowned candidates whose fallback owner they are.
  await db.schema
    .createIndex('candidate_digest_latest_recruiter')
    .on('candidate_digest')
    .column('latest_recruiter_id')
    .execute();

  for (const part of Object.keys(PARTS) as (keyof typeof PARTS)[]) await sql.raw(refresh(part, 'true')).execute(db);
  await sql.raw(refreshUnanswered('true')).execute(db);
  for (const [name, event, body] of TRIGGERS)
    await sql.raw(`create trigger ${name} ${event} begin ${body} end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of TRIGGERS) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await db.schema.dropTable('candidate_digest').ifExists().execute();
}
