// Everything the candidate page shows of one person: the profile as `keepwarm candidates show` reads it, plus
// what only the page needs (the pending opt-out, the owner's address for the form, the recruiter, attachment
// names and forward note of each mail), newest mail first.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database, Direction, InteractionKind } from '../db/schema.js';
import { KeepwarmError } from '../errors.js';
import { loadCandidateProfile, type CandidateProfile } from '../library/candidate-profile.js';
import { loadInteractionRecords } from '../library/interaction-timeline.js';
import { recruiterEmailsById } from '../library/recruiter-repository.js';

export interface TimelineEntry {
  at: string;
  direction: Direction;
  kind: InteractionKind;
  recruiter: string | null;
  subject: string;
  snippet: string;
  note: string | null;
  attachments: string[];
  truncated: boolean;
  signals: { code: string; category: string | null; text: string }[];
  sources: { mailbox: string; folder: string; uid: string }[];
}

export interface CandidatePageData {
  id: number;
  profile: Omit<CandidateProfile, 'interactions'>;
  primaryEmail: string | null;
  optOut: {
    detectedAt: string;
    previousStatus: CandidateStatus | null;
    subject: string | null;
    snippet: string | null;
  } | null;
  lastContactAt: string | null;
  timeline: TimelineEntry[];
}

function names(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export async function requirePrimaryEmail(db: Kysely<Database>, candidateId: number): Promise<string> {
  const row = await db
    .selectFrom('candidate_emails')
    .select('email')
    .where('candidate_id', '=', candidateId)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) throw new KeepwarmError('not_found', 'There is no candidate at this address (erased?).');
  return row.email;
}

export async function loadCandidatePageData(db: Kysely<Database>, id: number): Promise<CandidatePageData> {
  const row = await db
    .selectFrom('candidates as c')
    .leftJoin('interactions as i', 'i.id', 'c.opt_out_interaction_id')
    .leftJoin('candidate_activity as a', 'a.candidate_id', 'c.id')
    .select([
      'c.id',
      'c.status',
      'c.opt_out_detected_at',
      'c.previous_status',
      'i.subject',
      'i.snippet',
      'a.last_contact_at',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new KeepwarmError('not_found', 'There is no candidate at this address (erased?).');
  const { interactions: _summaries, ...profile } = await loadCandidateProfile(db, id);
  const recruiters = await recruiterEmailsById(db);
  const records = await loadInteractionRecords(db, id);
  const timeline = records.reverse().map(({ interaction: i, signals, sources }): TimelineEntry => ({
    at: i.occurred_at,
    direction: i.direction,
    kind: i.kind,
    recruiter: i.recruiter_id === null ? null : (recruiters.get(i.recruiter_id) ?? null),
    subject: i.subject,
    snippet: i.snippet,
    note: i.note,
    attachments: names(i.attachment_names),
    truncated: i.truncated === 1,
    signals: signals.map((s) => ({ code: s.code, category: s.category, text: s.text })),
    sources: sources.map((s) => ({ mailbox: s.mailbox, folder: s.folder, uid: s.uid })),
  }));
  const awaiting = row.status === 'do_not_contact' && row.opt_out_detected_at !== null;
  return {
    id,
    profile,
    primaryEmail: profile.emails[0]?.email ?? null,
    optOut: awaiting
      ? {
          detectedAt: row.opt_out_detected_at ?? '',
          previousStatus: row.previous_status,
          subject: row.subject,
          snippet: row.snippet,
        }
      : null,
    lastContactAt: row.last_contact_at,
    timeline,
  };
}
