// A data-subject access request: everything keepwarm holds about one person, as JSON. Rows are exported with all
// their columns (not the friendly `show` view), because the person is owed all of it: addresses, decisions,
// logged mail with what was noticed in it and where it was seen, triage and never-log entries, and the audit trail.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { auditEntriesFor } from '../library/audit-log.js';
import { requireCandidateIdByAddress } from '../library/candidate-repository.js';
import { loadInteractionRecords } from '../library/interaction-timeline.js';

export async function exportPersonData(
  db: Kysely<Database>,
  email: string,
  options: { now: Date },
): Promise<Record<string, unknown>> {
  const id = await requireCandidateIdByAddress(db, email);
  const candidate = await db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const owner =
    candidate.owner_recruiter_id === null
      ? null
      : ((await db
          .selectFrom('recruiters')
          .select(['name', 'email'])
          .where('id', '=', candidate.owner_recruiter_id)
          .executeTakeFirst()) ?? null);
  const emails = await db
    .selectFrom('candidate_emails')
    .selectAll()
    .where('candidate_id', '=', id)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  const keys = emails.map((e) => e.email_key);
  const skills = await db
    .selectFrom('candidate_skills')
    .select('skill')
    .where('candidate_id', '=', id)
    .orderBy(sql`rowid`)
    .execute();
  const outcomes = await db
    .selectFrom('outcomes as o')
    .innerJoin('openings as p', 'p.id', 'o.opening_id')
    .select([
      'p.title as opening',
      'p.client',
      'o.stage',
      'o.decided_at',
      'o.feedback_notes',
      'o.created_at',
      'o.updated_at',
    ])
    .where('o.candidate_id', '=', id)
    .orderBy('o.id')
    .execute();
  const interactions = await loadInteractionRecords(db, id);
  const unmatched = await db.selectFrom('unmatched_addresses').selectAll().where('email_key', 'in', keys).execute();
  const neverLog = await db.selectFrom('never_log').selectAll().where('email_key', 'in', keys).execute();
  return {
    exportedAt: options.now.toISOString(),
    about: 'Everything keepwarm holds about this person.',
    candidate: { ...candidate, owner },
    emails,
    skills: skills.map((s) => s.skill),
    outcomes,
    interactions: interactions.map(({ interaction, signals, sources }) => ({
      ...interaction,
      references: parseJson(interaction.references),
      attachment_names: parseJson(interaction.attachment_names),
      signals: signals.map((s) => ({ ...s, detail: parseJson(s.detail) })),
      sources,
    })),
    unmatchedTriage: unmatched,
    neverLog,
    auditLog: await auditEntriesFor(db, 'candidate', id),
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
