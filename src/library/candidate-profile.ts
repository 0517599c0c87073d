// What `keepwarm candidates show` (and later the admin page) shows of one person: the profile, every address with
// its bounce state, the runner-up decisions with the feedback owed, and the mail timeline.
import { sql, type Kysely } from 'kysely';
import type { CandidateStatus, Database, Direction, InteractionKind, OutcomeStage } from '../db/schema.js';
import { loadInteractionRecords } from './interaction-timeline.js';

export interface CandidateProfile {
  name: string;
  emails: { email: string; primary: boolean; bouncingSince: string | null }[];
  status: CandidateStatus;
  skills: string[];
  notes: string | null;
  cadenceDays: number | null;
  snoozedUntil: string | null;
  snoozeReason: string | null;
  owner: string | null;
  outcomes: {
    opening: string;
    client: string;
    stage: OutcomeStage;
    decidedAt: string | null;
    feedbackNotes: string | null;
  }[];
  interactions: {
    at: string;
    direction: Direction;
    kind: InteractionKind;
    subject: string;
    snippet: string;
    signals: { code: string; category: string | null; text: string }[];
    sources: { mailbox: string; folder: string; uid: string }[];
  }[];
}

export async function loadCandidateProfile(db: Kysely<Database>, candidateId: number): Promise<CandidateProfile> {
  const candidate = await db
    .selectFrom('candidates as c')
    .leftJoin('recruiters as r', 'r.id', 'c.owner_recruiter_id')
    .select([
      'c.name',
      'c.status',
      'c.notes',
      'c.cadence_days',
      'c.snoozed_until',
      'c.snooze_reason',
      'r.email as owner',
    ])
    .where('c.id', '=', candidateId)
    .executeTakeFirstOrThrow();
  const emails = await db
    .selectFrom('candidate_emails')
    .select(['email', 'is_primary', 'bouncing_since'])
    .where('candidate_id', '=', candidateId)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  const skills = await db
    .selectFrom('candidate_skills')
    .select('skill')
    .where('candidate_id', '=', candidateId)
    .orderBy(sql`rowid`)
    .execute();
  const outcomes = await db
    .selectFrom('outcomes as o')
    .innerJoin('openings as p', 'p.id', 'o.opening_id')
    .select(['p.title', 'p.client', 'o.stage', 'o.decided_at', 'o.feedback_notes'])
    .where('o.candidate_id', '=', candidateId)
    .orderBy('o.decided_at')
    .orderBy('o.id')
    .execute();
  const timeline = await loadInteractionRecords(db, candidateId);
  return {
    name: candidate.name,
    emails: emails.map((e) => ({ email: e.email, primary: e.is_primary === 1, bouncingSince: e.bouncing_since })),
    status: candidate.status,
    skills: skills.map((s) => s.skill),
    notes: candidate.notes,
    cadenceDays: candidate.cadence_days,
    snoozedUntil: candidate.snoozed_until,
    snoozeReason: candidate.snooze_reason,
    owner: candidate.owner,
    outcomes: outcomes.map((o) => ({
      opening: o.title,
      client: o.client,
      stage: o.stage,
      decidedAt: o.decided_at,
      feedbackNotes: o.feedback_notes,
    })),
    interactions: timeline.map(({ interaction: i, signals, sources }) => ({
      at: i.occurred_at,
      direction: i.direction,
      kind: i.kind,
      subject: i.subject,
      snippet: i.snippet,
      signals: signals.map((s) => ({ code: s.code, category: s.category, text: s.text })),
      sources: sources.map((s) => ({ mailbox: s.mailbox, folder: s.folder, uid: s.uid })),
    })),
  };
}
