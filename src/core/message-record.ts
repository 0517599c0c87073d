// What the sync decided about one message, ready to be written: the interaction fields shared by
// every candidate it concerns, the entries (one per candidate), and what it changes about them.
import type { InteractionKind } from '../db/schema.js';
import type { LogEntry, UnmatchedParty } from './participants/route-message.js';

export interface SignalRecord {
  code: 'opt_out' | 'placed_elsewhere' | 'life_event' | 'promise_flag' | 'out_of_office' | 'bounce';
  category: string | null;
  text: string;
  detail?: Record<string, unknown>;
}

export interface MessageRecord {
  messageKey: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  occurredAt: string;
  subject: string;
  snippet: string;
  kind: InteractionKind;
  attachmentNames: string[];
  note: string | null;
  truncated: boolean;
  /**
   * Read out of the body of an inline forward: no Message-ID of its own, so the same mail seen as
   * itself (e.g. in the recruiter's INBOX) is recognised by candidate, direction, subject and time.
   */
  inlineForward: boolean;
  /** The subject without Re:/Fwd: prefixes, lower-cased: for that comparison. */
  subjectKey: string;
  entries: LogEntry[];
  signals: SignalRecord[];
  /** Inbound only: an opt-out to confirm, a move to placed_elsewhere, a snooze after an out-of-office. */
  effects: {
    optOut: boolean;
    placedElsewhere: boolean;
    snoozeUntil: string | null;
    /** Address keys a delivery report says are dead. */
    bouncedKeys: string[];
  };
}

export interface SourceRef {
  mailbox: string;
  folder: string;
  uidvalidity: string;
  uid: string;
  /** Which kind of mailbox it came from (the digest's "no BCC copy from you" check reads log sources). */
  role: 'log' | 'recruiter' | 'file';
}

export type MessageDecision =
  | { action: 'log'; record: MessageRecord; unmatched: UnmatchedParty[]; at: string }
  | { action: 'unmatched'; unmatched: UnmatchedParty[]; at: string }
  | { action: 'ignore'; reason: string }
  | {
      action: 'quarantine';
      reason: string;
      detail: string;
      messageId: string | null;
      sender: string | null;
      subject: string | null;
    };
