// Only personal mail counts as contact. This decides, from headers first and the subject last, whether a
// message is a bounce, an auto-reply, bulk mail or a person writing.
import { bounceReason } from './bounce-detection.js';
import { firstHeader, headerToken, headerValues, type MailFacts } from './mail-facts.js';
import { isOutOfOfficeSubject } from './out-of-office-subject.js';

export type MessageKind = 'personal' | 'auto_reply' | 'bulk' | 'bounce';

export interface KindVerdict {
  kind: MessageKind;
  /** A short code naming the evidence, e.g. 'auto_submitted:auto-replied', 'list_unsubscribe'. */
  reason: string;
}

export interface ClassifyOptions {
  /** How many library candidates are among To and Cc: more than five at once is a mass mailing. */
  candidateRecipientCount: number;
  /** `rules.phrases.outOfOffice`: more subject openings that mean an auto-reply. */
  outOfOfficeSubjects?: readonly string[];
}

export const MAX_PERSONAL_CANDIDATE_RECIPIENTS = 5;

/**
 * The kind of a message. Precedence, first match wins:
 * 1. bounce: a DSN also carries `Auto-Submitted` (RFC 3834 asks for it), and the dead address matters most.
 * 2. auto_reply: vacation responders often add `Precedence: bulk` against loops; the return date matters.
 * 3. bulk: list headers, `Precedence: bulk|list|junk`, or more than five candidate recipients.
 * 4. personal.
 * `X-Auto-Response-Suppress` is no evidence: Exchange puts it on ordinary mail (meeting invitations, mail
 * sent by apps) to ask *others* not to auto-reply; it says nothing about the message that carries it.
 */
export function classifyKind(facts: MailFacts, options: ClassifyOptions): KindVerdict {
  const bounce = bounceReason(facts);
  if (bounce) return { kind: 'bounce', reason: bounce };
  const auto = autoReplyReason(facts, options.outOfOfficeSubjects ?? []);
  if (auto) return { kind: 'auto_reply', reason: auto };
  const bulk = bulkReason(facts, options.candidateRecipientCount);
  if (bulk) return { kind: 'bulk', reason: bulk };
  return { kind: 'personal', reason: 'personal' };
}

function autoReplyReason(facts: MailFacts, extraSubjects: readonly string[]): string | null {
  const submitted = firstHeader(facts, 'auto-submitted');
  if (submitted !== null) {
    const token = headerToken(submitted);
    if (token !== '' && token !== 'no') return `auto_submitted:${token}`;
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-reply']) {
    const value = firstHeader(facts, name);
    if (value !== null && !/^(?:no|false|0)$/i.test(value)) return name.replace(/-/g, '_');
  }
  if (precedence(facts) === 'auto_reply') return 'precedence:auto_reply';
  if (isOutOfOfficeSubject(facts.subject, extraSubjects)) return 'out_of_office_subject';
  return null;
}

function bulkReason(facts: MailFacts, candidateRecipientCount: number): string | null {
  if (headerValues(facts, 'list-id').some((v) => v.trim() !== '')) return 'list_id';
  if (headerValues(facts, 'list-unsubscribe').some((v) => v.trim() !== '')) return 'list_unsubscribe';
  const p = precedence(facts);
  if (p === 'bulk' || p === 'list' || p === 'junk') return `precedence:${p}`;
  if (candidateRecipientCount > MAX_PERSONAL_CANDIDATE_RECIPIENTS) return 'many_candidate_recipients';
  return null;
}

function precedence(facts: MailFacts): string | null {
  const value = firstHeader(facts, 'precedence');
  return value === null ? null : headerToken(value);
}
