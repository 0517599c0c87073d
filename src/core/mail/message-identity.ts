// One message is seen many times (log mailbox, Sent, INBOX, Gmail labels), and must become one
// interaction with many sources: this is the key those copies share.
import { createHash } from 'node:crypto';
import { firstHeader, type MailFacts } from './mail-facts.js';
import { normaliseSubject } from './subject-prefix.js';

/**
 * A Message-ID in the one form we store and compare: angle brackets and all whitespace (folding) removed,
 * the domain part lower-cased. The local part keeps its case: generators use case-sensitive random ids.
 * Returns null when nothing usable is left.
 */
export function normaliseMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Some headers carry several ids or trailing junk; the first bracketed one is the id.
  const bracketed = /<([^>]*)>/.exec(raw);
  const id = (bracketed ? bracketed[1]! : raw).replace(/\s+/g, '').replace(/^<|>$/g, '');
  if (id.length === 0) return null;
  const at = id.lastIndexOf('@');
  return at < 0 ? id : `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`;
}

/**
 * The identity key of a message.
 *
 * Exchange stamps `X-MS-Exchange-Parent-Message-Id` on messages it generates *from* another one (an inbox
 * rule's forward or redirect, a rewritten copy), carrying the original's id. Such a copy is the same
 * interaction as the original, so its parent id wins. Delivery and journal reports also carry it, but they
 * are messages *about* the original, not copies: merging a bounce into the mail it bounced would lose
 * the bounce, so reports keep their own id. (An outsider can set this header, but they can set Message-ID
 * too: it opens nothing new.)
 *
 * Without any id: `sha256:` of sender, sorted recipients, date, normalised subject and normalised body, so
 * the same message seen twice gets the same key and two different ones stay two.
 */
export function messageKey(facts: MailFacts): string {
  const isReport = facts.contentType === 'multipart/report' || firstHeader(facts, 'x-ms-journal-report') !== null;
  const parent = isReport ? null : normaliseMessageId(firstHeader(facts, 'x-ms-exchange-parent-message-id'));
  const own = normaliseMessageId(facts.messageId);
  const id = parent ?? own;
  if (id) return id;
  return `sha256:${contentHash(facts)}`;
}

function contentHash(facts: MailFacts): string {
  const lower = (list: readonly { address: string }[]) => list.map((a) => a.address.trim().toLowerCase());
  const material = [
    lower(facts.from).join(','),
    [...lower(facts.to), ...lower(facts.cc)].sort().join(','),
    facts.date ? facts.date.toISOString() : '',
    normaliseSubject(facts.subject),
    (facts.text ?? '').replace(/\s+/g, ' ').trim(),
  ];
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}
