// The input of the digest core: everything the who-and-why rules look at, already read from the library.
// The loader (load-digest-world.ts) fills it with per-candidate aggregates computed in SQL, so the core
// never needs every interaction; tests build it by hand (see contact-summary.ts for the reference meaning).
import type { CandidateStatus, Direction, InteractionKind, OutcomeStage } from '../db/schema.js';

/** One logged mail, as much of it as a digest line needs to point at it. */
export interface MailRef {
  interactionId: number;
  at: Date;
  subject: string;
  direction: Direction;
  recruiterId: number | null;
}

/** What the rules need to know about a candidate's correspondence. Only `personal` mail counts as contact. */
export interface ContactSummary {
  /** The candidate's latest personal mail to a recruiter. */
  lastInbound: MailRef | null;
  /** The latest personal mail a recruiter sent the candidate. */
  lastOutbound: MailRef | null;
  /** Personal mail sent to the candidate after `lastInbound` (after nothing, when they never wrote). */
  outboundSinceInbound: { count: number; first: MailRef } | null;
  /** The latest delivery report saying mail to the candidate bounced. */
  lastBounce: MailRef | null;
  /**
   * The recruiter of the latest interaction that has one (personal mail preferred): the fallback owner.
   * The loader looks it up only for candidates without an owner (null otherwise).
   */
  latestRecruiterId: number | null;
}

export interface WorldCandidateEmail {
  email: string;
  isPrimary: boolean;
  bouncingSince: Date | null;
}

export interface WorldOutcome {
  openingId: number;
  openingTitle: string;
  client: string;
  stage: OutcomeStage;
  decidedAt: Date | null;
  feedbackNotes: string | null;
}

/** A life-event signal (category: credential, new_job, move, baby, wedding, graduation), with its mail. */
export interface WorldLifeEvent {
  category: string;
  sentence: string;
  mail: MailRef & { kind: InteractionKind; hasNote: boolean };
}

export interface WorldOptOut {
  detectedAt: Date;
  previousStatus: CandidateStatus | null;
  /** The mail that asked to stop, when it is still in the library. */
  mail: (MailRef & { snippet: string }) | null;
}

export interface WorldCandidate {
  id: number;
  name: string;
  status: CandidateStatus;
  cadenceDays: number | null;
  snoozedUntil: Date | null;
  ownerRecruiterId: number | null;
  createdAt: Date;
  emails: readonly WorldCandidateEmail[];
  /** Skills as written; the loader may leave out skills that no recent open opening asks for. */
  skills: readonly string[];
  outcomes: readonly WorldOutcome[];
  contact: ContactSummary;
  /** Life events from recent mail (the loader reads only the rules' lookback window). */
  lifeEvents: readonly WorldLifeEvent[];
  optOut: WorldOptOut | null;
}

export interface WorldOpening {
  id: number;
  title: string;
  client: string;
  status: 'open' | 'filled' | 'closed';
  openedAt: Date;
  skills: readonly string[];
}

export interface WorldRecruiter {
  id: number;
  name: string;
  email: string;
  /** Their own time zone, else the agency's: working days and dates are counted there. */
  timezone: string;
  /** The latest outbound mail of theirs seen in a log-role mailbox (a BCC/CC copy), within the lookback. */
  lastLogCopyAt: Date | null;
  /** They connected their own mailbox, so they need no BCC habit. */
  hasOwnMailbox: boolean;
}

/** The sync state of one mailbox folder (mailbox_positions, or a configured folder never synced). */
export interface WorldMailboxFolder {
  mailbox: string;
  folder: string;
  role: 'log' | 'recruiter' | null;
  /** Whose mailbox it is; null for the log mailbox (everyone's) or when unknown. */
  recruiterId: number | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

/** A promise flag on a recruiter's own outbound mail (coaching, not a reason to contact). */
export interface WorldPromiseFlag {
  candidateId: number;
  candidateName: string;
  phrase: string;
  mail: MailRef & { kind: InteractionKind };
}

export interface DigestWorld {
  recruiters: readonly WorldRecruiter[];
  candidates: readonly WorldCandidate[];
  /** Openings (the loader reads only open ones within the opening-match window). */
  openings: readonly WorldOpening[];
  mailboxes: readonly WorldMailboxFolder[];
  promiseFlags: readonly WorldPromiseFlag[];
  /** A log-role mailbox is configured, so a recruiter's silence there means something. */
  hasLogMailbox: boolean;
  /** The address recruiters BCC (config `logAddress`), for the reminder; null when not configured. */
  logAddress: string | null;
}
