// A recruiter forwarding a candidate's mail to the log address means "log the original": its sender,
// recipients, date and subject, with the recruiter's words above it kept as a note. Inline forwards are
// read by email-forward-parser (dozens of clients and locales), not by regexes of our own.
import type { EmailForwardMailbox } from 'email-forward-parser';
import { readForward } from './forward-reader.js';
import { parseForwardDate } from './forward-date.js';
import type { MailAddress, MailFacts } from './mail-facts.js';

export { isForwardSubject } from './subject-prefix.js';

export interface ForwardedOriginal {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  /** Null when the printed date could not be read: the caller falls back to the forwarding message's date. */
  date: Date | null;
  subject: string;
  body: string;
}

export interface InlineForward {
  original: ForwardedOriginal;
  /** What the forwarder wrote above the forwarded message ('' when nothing). */
  note: string;
}

export interface ForwardOptions {
  /** IANA zone for printed dates without one (Gmail, Outlook print the forwarder's local time). Default UTC. */
  timezone?: string;
}

const RFC822_TYPES = new Set(['message/rfc822', 'message/global']);

/**
 * The forwarded message written into the body, or null when the body holds no inline forward with a
 * readable original sender. (A "Fwd:" subject over an attached message/rfc822 makes the parser say
 * "forwarded" with nothing in it: without the original's sender there is nothing to log.)
 */
export function parseInlineForward(
  facts: Pick<MailFacts, 'text' | 'subject'>,
  options: ForwardOptions = {},
): InlineForward | null {
  if (!facts.text) return null;
  const result = readForward(facts.text.replace(/\r\n?/g, '\n'), facts.subject);
  if (!result.forwarded) return null;
  const email = result.email;
  const from = toAddress(email.from);
  if (!from) return null;
  return {
    original: {
      from,
      to: toAddresses(email.to),
      cc: toAddresses(email.cc),
      date: parseForwardDate(email.date, options.timezone),
      subject: (email.subject ?? '').trim(),
      body: (email.body ?? '').trim(),
    },
    note: (result.message ?? '').trim(),
  };
}

/**
 * The raw source of a forwarded message attached as message/rfc822 (the best kind of forward: its
 * headers are intact), or null. The adapter parses it like any message.
 */
export function findAttachedMessage(facts: MailFacts): string | null {
  const part = facts.attachments.find((a) => RFC822_TYPES.has(a.contentType.toLowerCase()) && a.content !== undefined);
  return part?.content ?? null;
}

function toAddress(mailbox: EmailForwardMailbox | null | undefined): MailAddress | null {
  const address = mailbox?.address?.trim();
  if (!address || !address.includes('@')) return null;
  return { name: mailbox?.name?.trim() ?? '', address };
}

function toAddresses(value: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): MailAddress[] {
  const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map(toAddress).filter((a): a is MailAddress => a !== null);
}
