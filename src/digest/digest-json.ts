// The digest as JSON: part of keepwarm's interface (`keepwarm digest --format json`, issue 4), so its shape
// is fixed here and nowhere else. Dates are ISO-8601 UTC; values from mail are passed through as data.
import type { Digest, HealthCode, ReasonCode } from './digest-types.js';
import type { CandidateStatus, Direction } from '../db/schema.js';

export interface DigestJsonCandidate {
  name: string;
  /** The primary address. */
  email: string | null;
}

export interface DigestJson {
  recruiter: string;
  at: string;
  items: {
    candidate: DigestJsonCandidate;
    reasons: { code: ReasonCode; detail: string; evidence: { at: string; subject: string } | null }[];
    lastContact: { at: string; direction: Direction; subject: string } | null;
  }[];
  confirmOptOut: {
    candidate: DigestJsonCandidate;
    detectedAt: string;
    previousStatus: CandidateStatus | null;
    message: { at: string; subject: string; snippet: string } | null;
  }[];
  coaching: { code: 'promise_flag'; candidate: string; subject: string; phrase: string }[];
  comingUp: { candidate: DigestJsonCandidate; code: 'check_in_due' | 'feedback_owed'; dueAt: string }[];
  health: { code: HealthCode; mailbox: string | null; folders: string[]; detail: string; at: string | null }[];
}

const iso = (at: Date): string => at.toISOString();
const person = (candidate: { name: string; email: string | null }): DigestJsonCandidate => ({
  name: candidate.name,
  email: candidate.email,
});

/** One listed candidate, as the JSON's `items` hold them. */
export function toDigestItemJson(entry: Digest['entries'][number]): DigestJson['items'][number] {
  return {
    candidate: person(entry.candidate),
    reasons: entry.reasons.map((reason) => ({
      code: reason.code,
      detail: reason.detail,
      evidence: reason.evidence ? { at: iso(reason.evidence.at), subject: reason.evidence.subject } : null,
    })),
    lastContact: entry.lastContact
      ? { at: iso(entry.lastContact.at), direction: entry.lastContact.direction, subject: entry.lastContact.subject }
      : null,
  };
}

export function toDigestJson(digest: Digest): DigestJson {
  return {
    recruiter: digest.recruiter.email,
    at: iso(digest.at),
    items: digest.entries.map(toDigestItemJson),
    confirmOptOut: digest.confirmOptOut.map((optOut) => ({
      candidate: person(optOut.candidate),
      detectedAt: iso(optOut.detectedAt),
      previousStatus: optOut.previousStatus,
      message: optOut.mail
        ? { at: iso(optOut.mail.at), subject: optOut.mail.subject, snippet: optOut.mail.snippet }
        : null,
    })),
    coaching: digest.coaching.map((note) => ({
      code: note.code,
      candidate: note.candidate.name,
      subject: note.subject,
      phrase: note.phrase,
    })),
    comingUp: digest.comingUp.map((entry) => ({
      candidate: person(entry.candidate),
      code: entry.code,
      dueAt: iso(entry.dueAt),
    })),
    health: digest.health.map((note) => ({
      code: note.code,
      mailbox: note.mailbox,
      folders: note.folders,
      detail: note.detail,
      at: note.at ? iso(note.at) : null,
    })),
  };
}
