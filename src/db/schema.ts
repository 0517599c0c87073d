// One interface for the whole schema, as the migrations leave it. Timestamps are ISO-8601 UTC strings;
// booleans are 0/1 integers (SQLite has neither type, and strings sort in time order).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const CANDIDATE_STATUSES = ['runner_up', 'active', 'placed_elsewhere', 'do_not_contact', 'archived'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];
export const OUTCOME_STAGES = ['finalist', 'runner_up', 'placed', 'withdrawn'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];
export type Direction = 'outbound' | 'inbound';
export const INTERACTION_KINDS = ['personal', 'auto_reply', 'bulk', 'bounce'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type DigestRunState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

type CreatedAt = ColumnType<string, string | undefined, never>;
type UpdatedAt = ColumnType<string, string | undefined, string>;

export interface RecruitersTable {
  id: Generated<number>;
  name: string;
  email: string;
  timezone: string | null;
  digest_day: Generated<number>;
  digest_time: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecruiterAliasesTable {
  id: Generated<number>;
  recruiter_id: number;
  email: string;
}

export interface CandidatesTable {
  id: Generated<number>;
  name: string;
  status: ColumnType<CandidateStatus, CandidateStatus | undefined, CandidateStatus>;
  notes: string | null;
  cadence_days: number | null;
  snoozed_until: string | null;
  snooze_reason: string | null;
  owner_recruiter_id: number | null;
  opt_out_interaction_id: number | null;
  opt_out_detected_at: string | null;
  previous_status: CandidateStatus | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CandidateEmailsTable {
  id: Generated<number>;
  candidate_id: number;
  email: string;
  email_key: string;
  is_primary: Generated<number>;
  bouncing_since: string | null;
  created_at: CreatedAt;
}

export interface CandidateSkillsTable {
  candidate_id: number;
  skill: string;
  skill_key: string;
}

export interface OpeningsTable {
  id: Generated<number>;
  title: string;
  client: string;
  status: ColumnType<OpeningStatus, OpeningStatus | undefined, OpeningStatus>;
  owner_recruiter_id: number | null;
  opened_at: ColumnType<string, string | undefined, string>;
  closed_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OpeningSkillsTable {
  opening_id: number;
  skill: string;
  skill_key: string;
}

export interface OutcomesTable {
  id: Generated<number>;
  candidate_id: number;
  opening_id: number;
  stage: ColumnType<OutcomeStage, OutcomeStage | undefined, OutcomeStage>;
  decided_at: string | null;
  feedback_notes: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InteractionsTable {
  id: Generated<number>;
  candidate_id: number;
  recruiter_id: number | null;
  message_key: string;
  direction: Direction;
  kind: InteractionKind;
  occurred_at: string;
  subject: Generated<string>;
  snippet: Generated<string>;
  message_id: string | null;
  in_reply_to: string | null;
  references: string | null;
  attachment_names: string | null;
  note: string | null;
  truncated: Generated<number>;
  created_at: CreatedAt;
}

export interface InteractionSignalsTable {
  id: Generated<number>;
  interaction_id: number;
  code: string;
  category: string | null;
  text: Generated<string>;
  detail: string | null;
}

export interface InteractionSourcesTable {
  id: Generated<number>;
  interaction_id: number;
  mailbox: string;
  folder: string;
  uidvalidity: Generated<string>;
  uid: Generated<string>;
  seen_at: CreatedAt;
}

export interface MailboxPositionsTable {
  mailbox: string;
  folder: string;
  uidvalidity: string | null;
  last_uid: Generated<number>;
  highest_modseq: string | null;
  last_sync_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: string | null;
  updated_at: UpdatedAt;
}

export interface QuarantineTable {
  id: Generated<number>;
  mailbox: string;
  folder: string;
  uidvalidity: Generated<string>;
  uid: Generated<string>;
  message_id: string | null;
  sender: string | null;
  subject: string | null;
  reason: string;
  detail: string | null;
  attempts: Generated<number>;
  resolved_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UnmatchedAddressesTable {
  id: Generated<number>;
  email_key: string;
  email: string;
  display_name: string | null;
  recruiter_id: number | null;
  message_count: Generated<number>;
  last_seen_at: string;
  dismissed_at: string | null;
}

export interface NeverLogTable {
  id: Generated<number>;
  email_key: string;
  reason: string | null;
  created_at: CreatedAt;
}

export interface SuppressionsTable {
  email_hash: string;
  created_at: CreatedAt;
}

export interface DigestRunsTable {
  id: Generated<number>;
  recruiter_id: number;
  iso_week: string;
  state: ColumnType<DigestRunState, DigestRunState | undefined, DigestRunState>;
  message_id: string | null;
  item_count: number | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  forced: Generated<number>;
  sent_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string | null;
}

/** Each candidate's latest personal mail, kept by triggers (migration 0002) for the admin list's sort. */
export interface CandidateActivityTable {
  candidate_id: number;
  last_contact_at: string;
}

/**
 * What the digest reads about each candidate, kept by triggers (migration 0004): the contact summary (mail
 * references packed "occurred_at US id US recruiter_id US direction US subject", US = char(31)), addresses
 * and skills. See load-contact-summaries.ts and load-digest-world.ts.
 */
export interface CandidateDigestTable {
  candidate_id: number;
  last_in: string | null;
  last_out: string | null;
  last_bounce: string | null;
  unanswered: Generated<number>;
  first_unanswered: string | null;
  latest_recruiter_id: number | null;
  emails: string | null;
  skills: string | null;
  /** JSON [[opening_id, stage, decided_at, feedback_notes], ...] in opening order (migration 0007). */
  outcomes: string | null;
}

export interface Database {
  recruiters: RecruitersTable;
  recruiter_aliases: RecruiterAliasesTable;
  candidates: CandidatesTable;
  candidate_emails: CandidateEmailsTable;
  candidate_skills: CandidateSkillsTable;
  openings: OpeningsTable;
  opening_skills: OpeningSkillsTable;
  outcomes: OutcomesTable;
  interactions: InteractionsTable;
  interaction_signals: InteractionSignalsTable;
  interaction_sources: InteractionSourcesTable;
  mailbox_positions: MailboxPositionsTable;
  quarantine: QuarantineTable;
  unmatched_addresses: UnmatchedAddressesTable;
  never_log: NeverLogTable;
  suppressions: SuppressionsTable;
  digest_runs: DigestRunsTable;
  audit_log: AuditLogTable;
  candidate_activity: CandidateActivityTable;
  candidate_digest: CandidateDigestTable;
}

export type Recruiter = Selectable<RecruitersTable>;
export type Candidate = Selectable<CandidatesTable>;
export type NewCandidate = Insertable<CandidatesTable>;
export type CandidateUpdate = Updateable<CandidatesTable>;
export type CandidateEmail = Selectable<CandidateEmailsTable>;
export type Opening = Selectable<OpeningsTable>;
export type Outcome = Selectable<OutcomesTable>;
export type Interaction = Selectable<InteractionsTable>;
export type InteractionSignal = Selectable<InteractionSignalsTable>;
export type InteractionSource = Selectable<InteractionSourcesTable>;
export type MailboxPosition = Selectable<MailboxPositionsTable>;
export type DigestRun = Selectable<DigestRunsTable>;
