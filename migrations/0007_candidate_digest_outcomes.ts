// Each candidate's outcomes (opening, stage, decision date, feedback notes) kept in candidate_digest too,
// so the weekly digest reads them with the rest of the candidate's row. Read with a subquery per candidate
// they cost ~0.2 s of the 100,000-candidate digest (an index search and a table search per candidate,
// over rows spread across the file). Packed as a JSON array of [opening_id, stage, decided_at,
// feedback_notes] in opening order (JSON because notes are free text), null for none; triggers on
// outcomes keep it, like migration 0004's. src/digest/load-world-candidates.ts reads this format.
// Frozen once landed, like every migration.
import { sql, type Kysely } from 'kysely';

const OUTCOMES = `(select json_group_array(json_array(o.opening_id, o.stage, o.decided_at, o.feedback_notes) order by o.opening_id)
  from outcomes o where o.candidate_id = k.id having count(*) > 0)`;

/** Upserts the outcomes column for the candidates `where` selects (over `candidates k`). */
const refresh = (where: string): string =>
  `insert into candidate_digest (candidate_id, outcomes) select k.id, ${OUTCOMES} from candidates k where ${where}
    on conflict (candidate_id) do update set outcomes = excluded.outcomes`;

const TRIGGERS: [string, string, string][] = [
  ['candidate_digest_outcome_insert', 'after insert on outcomes', `${refresh('k.id = new.candidate_id')};`],
  [
    'candidate_digest_outcome_update',
    'after update of candidate_id, opening_id, stage, decided_at, feedback_notes on outcomes',
    `${refresh('k.id in (old.candidate_id, new.candidate_id)')};`,
  ],
  ['candidate_digest_outcome_delete', 'after delete on outcomes', `${refresh('k.id = old.candidate_id')};`],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('candidate_digest').addColumn('outcomes', 'text').execute();
  await sql.raw(refresh('k.id in (select candidate_id from outcomes)')).execute(db);
  for (const [name, event, body] of TRIGGERS)
    await sql.raw(`create trigger ${name} ${event} begin ${body} end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of TRIGGERS) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await db.schema.alterTable('candidate_digest').dropColumn('outcomes').execute();
}
