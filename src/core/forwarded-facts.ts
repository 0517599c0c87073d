// Turns an inline-forwarded original (as email-forward-parser reads it out of the body) into MailFacts,
// so the forwarded message is routed and classified like any other. It has no headers of its own:
// nothing in it can claim to be an auto-reply or a list message, and its date falls back to the forward's.
import type { MailFacts } from './mail/mail-facts.js';
import type { InlineForward } from './mail/forward.js';

export function forwardedFacts(inline: InlineForward, outer: MailFacts): MailFacts {
  const original = inline.original;
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    from: original.from ? [original.from] : [],
    to: original.to,
    cc: original.cc,
    date: original.date ?? outer.date,
    subject: original.subject,
    headers: new Map(),
    contentType: 'text/plain',
    contentTypeParams: {},
    text: original.body,
    attachments: [],
  };
}
