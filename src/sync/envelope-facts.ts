// Builds MailFacts from what a cheap IMAP fetch returns (ENVELOPE + the raw header block), so the sync
// can decide about a message before paying for its body. Text and attachments stay empty.
import type { MessageAddressObject, MessageEnvelopeObject } from 'imapflow';
import type { MailAddress, MailFacts } from '../core/mail/mail-facts.js';
import { messageIdsIn, parseContentType, parseHeaderBlock } from '../core/mail-headers.js';

function addresses(list: MessageAddressObject[] | undefined): MailAddress[] {
  return (list ?? []).filter((a) => a.address).map((a) => ({ name: a.name ?? '', address: a.address! }));
}

/** Bcc is only ever present on the sender's own copy (Sent); routing reads it there. */
export function bccFromEnvelope(envelope: MessageEnvelopeObject | undefined): MailAddress[] {
  return addresses(envelope?.bcc);
}

export function factsFromEnvelope(envelope: MessageEnvelopeObject | undefined, headerBlock: Buffer | undefined): MailFacts {
  const headers = parseHeaderBlock(headerBlock ?? Buffer.alloc(0));
  const first = (name: string): string | undefined => headers.get(name)?.[0];
  const contentType = parseContentType(first('content-type'));
  const date = envelope?.date ? new Date(envelope.date) : null;
  return {
    messageId: envelope?.messageId ?? first('message-id') ?? null,
    inReplyTo: envelope?.inReplyTo ?? first('in-reply-to') ?? null,
    references: messageIdsIn(first('references')),
    from: addresses(envelope?.from),
    sender: addresses(envelope?.sender),
    to: addresses(envelope?.to),
    cc: addresses(envelope?.cc),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    subject: envelope?.subject ?? '',
    headers,
    contentType: contentType.type,
    contentTypeParams: contentType.params,
    text: null,
    attachments: [],
  };
}
