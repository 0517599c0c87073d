// Builds MailFacts from the raw header block a cheap IMAP fetch returns (BODY.PEEK[HEADER]), so the
// sync can decide about a message before paying for its body. Parsed here rather than taken from the
// server's ENVELOPE: a hostile To header of 200,000 addresses would cost the IMAP client a second of
// tokenising; here every address header is read only up to a bound. Text and attachments stay empty.
import { parseAddressHeader } from 'mailparser';
import libmime from 'libmime';
import type { MailAddress, MailFacts } from '../core/mail/mail-facts.js';
import { messageIdsIn, parseContentType, parseHeaderBlock } from '../core/mail-headers.js';

/** Enough for hundreds of addresses: past that a message is a mass mailing whatever it says. */
const MAX_ADDRESS_HEADER_CHARS = 32 * 1024;

interface AddressNode {
  name?: string;
  address?: string;
  group?: AddressNode[];
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value; // an unknown charset: keep the raw words rather than lose the header
  }
}

// Nearly all mail names its people as `Name <local@domain>` or a bare `local@domain`, in plain ASCII.
// Such a value is split here directly; anything else (quotes, comments, groups, encoded words, 8-bit
// or punycode domains, a piece of another shape) goes through mailparser's address parser, which was
// most of the sync's own time per message (bench P1). A test holds the two to the same answers.
const PLAIN_VALUE = /^[A-Za-z0-9 .'_@<>,%+-]*$/;
const PLAIN_MAILBOX =
  /^(?:([A-Za-z0-9 .'_-]*?) *<([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)>|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+))$/;

/** The addresses of a plain value, or null when it needs the full parser. */
export function plainAddresses(value: string): MailAddress[] | null {
  if (!PLAIN_VALUE.test(value) || value.includes('xn--')) return null;
  const out: MailAddress[] = [];
  for (const piece of value.split(',')) {
    const item = piece.trim();
    if (item.length === 0) continue;
    const match = PLAIN_MAILBOX.exec(item);
    if (!match) return null;
    out.push(match[3] !== undefined ? { name: '', address: match[3] } : { name: match[1]!.trim(), address: match[2]! });
  }
  return out;
}

/** What mailparser reads from an address header value (flattening groups). */
export function parsedAddresses(value: string): MailAddress[] {
  const out: MailAddress[] = [];
  const walk = (nodes: AddressNode[]): void => {
    for (const node of nodes) {
      if (node.group) walk(node.group);
      else if (node.address) out.push({ name: node.name ?? '', address: node.address });
    }
  };
  const parsed = parseAddressHeader(value) as unknown as { value?: AddressNode[] } | AddressNode[];
  walk(Array.isArray(parsed) ? parsed : (parsed.value ?? []));
  return out;
}

export function addressesIn(values: readonly string[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const value of values ?? []) {
    const bounded = value.slice(0, MAX_ADDRESS_HEADER_CHARS);
    out.push(...(plainAddresses(bounded) ?? parsedAddresses(bounded)));
  }
  return out;
}

export function factsFromHeaderBlock(headerBlock: Buffer | undefined): MailFacts {
  return factsFromHeaders(parseHeaderBlock(headerBlock ?? Buffer.alloc(0)));
}

/** Bcc is only ever present on the sender's own copy (Sent); routing reads it there. */
export function bccFromHeaderBlock(headerBlock: Buffer | undefined): MailAddress[] {
  return addressesIn(parseHeaderBlock(headerBlock ?? Buffer.alloc(0)).get('bcc'));
}

export interface HeaderBlockFacts {
  facts: MailFacts;
  bcc: MailAddress[];
  bareCarriageReturns: boolean;
}

/**
 * Everything the screening step reads from one header block, splitting it into headers once: the
 * sync does this for every message it sees, most of which it never fetches more of (bench P1).
 */
export function readHeaderBlock(headerBlock: Buffer | undefined): HeaderBlockFacts {
  const headers = parseHeaderBlock(headerBlock ?? Buffer.alloc(0));
  return {
    facts: factsFromHeaders(headers),
    bcc: addressesIn(headers.get('bcc')),
    bareCarriageReturns: hasBareCarriageReturns(headerBlock),
  };
}

function factsFromHeaders(headers: Map<string, string[]>): MailFacts {
  const first = (name: string): string | undefined => headers.get(name)?.[0];
  const contentType = parseContentType(first('content-type'));
  const rawDate = first('date');
  const date = rawDate ? new Date(rawDate.replace(/\s*\([^)]*\)\s*$/, '')) : null;
  const inReplyTo = messageIdsIn(first('in-reply-to'))[0];
  return {
    messageId: first('message-id') ?? null,
    inReplyTo: inReplyTo ? `<${inReplyTo}>` : null,
    references: messageIdsIn(first('references')),
    from: addressesIn(headers.get('from')),
    sender: addressesIn(headers.get('sender')),
    to: addressesIn(headers.get('to')),
    cc: addressesIn(headers.get('cc')),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    subject: decodeWords(first('subject') ?? ''),
    headers,
    contentType: contentType.type,
    contentTypeParams: contentType.params,
    text: null,
    attachments: [],
  };
}

/** True when the block ends lines with a bare CR (old Mac mail, broken gateways). */
export function hasBareCarriageReturns(block: Buffer | undefined): boolean {
  return block !== undefined && /\r(?!\n)/.test(block.subarray(0, 64 * 1024).toString('latin1'));
}

/** Bare CR line ends turned into CRLF, so a MIME parser sees the lines the sender meant. */
export function withCrlfLineEnds(source: Buffer): Buffer {
  return Buffer.from(source.toString('latin1').replace(/\r(?!\n)/g, '\r\n'), 'latin1');
}
