// What the digest core produces for one recruiter: who to contact and why (each reason backed by the mail
// that shows it), plus the side sections. Dates stay Dates here; digest-json.ts and digest-view.ts format them.
import type { CandidateStatus } from '../db/schema.js';
import type { MailRef } from './digest-world.js';

/** Reason codes, most urgent first: entries are ordered by their most urgent reason. */
export const REASON_ORDER = [
  'reply_waiting',
  'feedback_owed',
  'bounced',
  'life_event',
  'opening_match',
  'check_in_due',
  'no_reply',
] as const;
export type ReasonCode = (typeof REASON_ORDER)[number];

/** The mail behind a reason. */
export interface Evidence {
  at: Date;
  subject: string;
}

interface ReasonBase<C extends ReasonCode> {
  code: C;
  /** One plain sentence, no dates (they are formatted per recruiter from `evidence`). */
  detail: string;
  evidence: Evidence | null;
  /** Orders entries whose top reason has the same code: bigger first (days waiting, days overdue…). */
  urgency: number;
}

export type ReplyWaitingReason = ReasonBase<'reply_waiting'> & { workingDays: number };
export type FeedbackOwedReason = ReasonBase<'feedback_owed'> & {
  openingTitle: string;
  client: string;
  decidedAt: Date;
  daysSince: number;
  notes: string | null;
};
export type CheckInDueReason = ReasonBase<'check_in_due'> & {
  daysSince: number;
  cadenceDays: number;
  overdueDays: number;
  countedFrom: 'contact' | 'decision' | 'added';
};
export type NoReplyReason = ReasonBase<'no_reply'> & { unanswered: number; firstAt: Date; daysSince: number };
export type OpeningMatchReason = ReasonBase<'opening_match'> & {
  openingId: number;
  openingTitle: string;
  client: string;
  sharedSkills: string[];
};
export type LifeEventReason = ReasonBase<'life_event'> & { category: string; sentence: string };
export type BouncedReason = ReasonBase<'bounced'> & { deadAddresses: string[]; otherAddresses: string[] };

export type Reason =
  | ReplyWaitingReason
  | FeedbackOwedReason
  | CheckInDueReason
  | NoReplyReason
  | OpeningMatchReason
  | LifeEventReason
  | BouncedReason;

export interface DigestCandidate {
  id: number;
  name: string;
  /** The primary address (else the first one). */
  email: string | null;
}

export interface DigestEntry {
  candidate: DigestCandidate;
  /** The latest runner-up decision: what they were runner-up for. */
  runnerUp: { openingTitle: string; client: string; decidedAt: Date | null } | null;
  /** Every reason, most urgent first. */
  reasons: Reason[];
  lastContact: MailRef | null;
}

export interface OptOutToConfirm {
  candidate: DigestCandidate;
  detectedAt: Date;
  previousStatus: CandidateStatus | null;
  mail: { at: Date; subject: string; snippet: string } | null;
}

export interface CoachingNote {
  code: 'promise_flag';
  candidate: DigestCandidate;
  subject: string;
  phrase: string;
  at: Date;
}

export interface ComingUpEntry {
  candidate: DigestCandidate;
  code: 'check_in_due' | 'feedback_owed';
  dueAt: Date;
}

export type HealthCode = 'mailbox_failing' | 'mailbox_stale' | 'no_log_copy';

export interface HealthNote {
  code: HealthCode;
  mailbox: string | null;
  folders: string[];
  detail: string;
  /** Last good sync (mailbox notes) or last log copy (no_log_copy); null when never. */
  at: Date | null;
}

export interface Digest {
  recruiter: { id: number; name: string; email: string; timezone: string };
  at: Date;
  entries: DigestEntry[];
  confirmOptOut: OptOutToConfirm[];
  coaching: CoachingNote[];
  comingUp: ComingUpEntry[];
  health: HealthNote[];
}

/** Nobody to contact and nothing to confirm: the "all caught up" week. */
export function isAllCaughtUp(digest: Digest): boolean {
  return digest.entries.length === 0 && digest.confirmOptOut.length === 0;
}
