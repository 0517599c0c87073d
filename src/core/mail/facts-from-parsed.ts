// The one place mailparser's output becomes MailFacts, so .eml fixtures, `import mail` and the IMAP
// sync all classify exactly what the tests classify. Pure: a mapping of one value to another.
import type { AddressObject, EmailAddress, HeaderValue, ParsedMail, StructuredHeader } from 'mailparser';
import { DateTime } from 'luxon';
import { parseForwardDate } from './forward-date.js';
import { textFromHtml } from './html-text.js';
import type { MailAddress, MailAttachment, MailFacts } from './mail-facts.js';

// Parts whose content a classifier reads; every other attachment is kept as name, type and size only.
const READABLE_PARTS = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'text/rfc822-headers',
  'message/rfc822',
  'message/global',
  'message/global-headers',
]);

/**
 * MailFacts from mailparser's ParsedMail. Parse with `{ keepDeliveryStatus: true }` so a bounce's
 * delivery-status part stays a part (parseDeliveryStatus also copes when it was folded into the text).
 * The Date header is re-read from the raw header: mailparser substitutes "now" for an unreadable one.
 */
export function factsFromParsedMail(parsed: ParsedMail): MailFacts {
  const headers = headerMap(parsed);
  const contentType = structured(parsed.headers.get('content-type'));
  const sender = addressList(parsed.headers.get('sender'));
  return {
    messageId: parsed.messageId?.trim() || null,
    inReplyTo: parsed.inReplyTo?.trim() || null,
    references: references(parsed.references),
    from: addressList(parsed.from),
    ...(sender.length > 0 ? { sender } : {}),
    to: addressList(parsed.to),
    cc: addressList(parsed.cc),
    date: headerDate(headers.get('date')?.[0]),
    subject: parsed.subject ?? '',
    headers,
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    contentTypeParams: lowerKeys(contentType?.params ?? {}),
    text: bodyText(parsed),
    attachments: parsed.attachments.map(attachment),
  };
}

/** Raw header values by lower-case name, top to bottom, folding undone. */
function headerMap(parsed: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const colon = line.indexOf(':');
    const value = (colon < 0 ? '' : line.slice(colon + 1)).replace(/\r?\n(?=[ \t])/g, '').trim();
    const name = key.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return map;
}

function headerDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const rfc = DateTime.fromRFC2822(raw.replace(/\s*\([^)]*\)\s*$/, '').trim(), { setZone: true });
  if (rfc.isValid) return rfc.toJSDate();
  return parseForwardDate(raw);
}

function addressList(value: HeaderValue | AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (value === undefined || typeof value === 'string' || value instanceof Date) return [];
  const objects = (Array.isArray(value) ? value : [value]).filter(isAddressObject);
  return objects.flatMap((o) => flatten(o.value));
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value);
}

function flatten(list: readonly EmailAddress[]): MailAddress[] {
  return list.flatMap((a) =>
    a.group ? flatten(a.group) : a.address ? [{ name: a.name ?? '', address: a.address.trim() }] : [],
  );
}

function references(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) => v.match(/<[^>]+>/g) ?? v.split(/\s+/))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function structured(value: HeaderValue | undefined): StructuredHeader | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value && 'params' in value) {
    return value as StructuredHeader;
  }
  return null;
}

function lowerKeys(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
}

function bodyText(parsed: ParsedMail): string | null {
  if (parsed.text && parsed.text.trim().length > 0) return parsed.text;
  if (parsed.html) {
    const text = textFromHtml(parsed.html);
    return text.length > 0 ? text : null;
  }
  return null;
}

function attachment(a: ParsedMail['attachments'][number]): MailAttachment {
  const contentType = a.contentType.toLowerCase();
  const out: MailAttachment = { filename: a.filename ?? null, contentType, size: a.size };
  if (READABLE_PARTS.has(contentType) && Buffer.isBuffer(a.content)) out.content = a.content.toString('utf8');
  return out;
}
