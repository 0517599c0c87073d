// Loads what the import compares and the CSV export writes: each candidate's profile with addresses, skills and
// outcomes, in a handful of queries however many candidates there are.
import { sql, type Kysely } from 'kysely';
import type { CandidateStatus, Database, OutcomeStage } from '../db/schema.js';
import { openingKey, type Skill } from '../core/library-fields.js';

export interface CandidateState {
  id: number;
  name: string;
  status: CandidateStatus;
  notes: string | null;
  cadenceDays: number | null;
  snoozedUntil: string | null;
  ownerId: number | null;
  /** The primary address first, then in the order they were added. */
  addresses: { email: string; key: string; primary: boolean }[];
  skills: Skill[];
  outcomes: {
    openingId: number;
    openingKey: string;
    title: string;
    client: string;
    stage: OutcomeStage;
    decidedAt: string | null;
  }[];
}

// Well under SQLite's limit on bound parameters, whatever the build.
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Candidates by id; pass 'all' for the whole library (the export). Unknown ids are simply absent. */
export async function loadCandidateStates(
  db: Kysely<Database>,
  ids: readonly number[] | 'all',
): Promise<Map<number, CandidateState>> {
  const states = new Map<number, CandidateState>();
  const idChunks = ids === 'all' ? [null] : chunks(ids);
  for (const chunk of idChunks) {
    if (chunk?.length === 0) continue;
    const candidates = await db
      .selectFrom('candidates')
      .select(['id', 'name', 'status', 'notes', 'cadence_days', 'snoozed_until', 'owner_recruiter_id'])
      .$if(chunk !== null, (q) => q.where('id', 'in', chunk ?? []))
      .orderBy('id')
      .execute();
    for (const c of candidates) {
      states.set(c.id, {
        id: c.id,
        name: c.name,
        status: c.status,
        notes: c.notes,
        cadenceDays: c.cadence_days,
        snoozedUntil: c.snoozed_until,
        ownerId: c.owner_recruiter_id,
        addresses: [],
        skills: [],
        outcomes: [],
      });
    }
    const inChunk = chunk ?? [];
    const emails = await db
      .selectFrom('candidate_emails')
      .select(['candidate_id', 'email', 'email_key', 'is_primary'])
      .$if(chunk !== null, (q) => q.where('candidate_id', 'in', inChunk))
      .orderBy('candidate_id')
      .orderBy('is_primary', 'desc')
      .orderBy('id')
      .execute();
    for (const e of emails)
      states.get(e.candidate_id)?.addresses.push({ email: e.email, key: e.email_key, primary: e.is_primary === 1 });
    const skills = await db
      .selectFrom('candidate_skills')
      .select(['candidate_id', 'skill', 'skill_key'])
      .$if(chunk !== null, (q) => q.where('candidate_id', 'in', inChunk))
      .orderBy('candidate_id')
      .orderBy(sql`rowid`)
      .execute();
    for (const s of skills) states.get(s.candidate_id)?.skills.push({ skill: s.skill, key: s.skill_key });
    const outcomes = await db
      .selectFrom('outcomes')
      .innerJoin('openings', 'openings.id', 'outcomes.opening_id')
      .select([
        'outcomes.candidate_id',
        'outcomes.opening_id',
        'outcomes.stage',
        'outcomes.decided_at',
        'openings.title',
        'openings.client',
      ])
      .$if(chunk !== null, (q) => q.where('outcomes.candidate_id', 'in', inChunk))
      .orderBy('outcomes.candidate_id')
      .orderBy('outcomes.id')
      .execute();
    for (const o of outcomes) {
      states.get(o.candidate_id)?.outcomes.push({
        openingId: o.opening_id,
        openingKey: openingKey(o.title, o.client),
        title: o.title,
        client: o.client,
        stage: o.stage,
        decidedAt: o.decided_at,
      });
    }
  }
  return states;
}
