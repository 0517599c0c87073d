// The one shape every mail classifier reads. Adapters (mailparser, IMAP envelope + header block, .eml
// import) map their own types into it, so the pure core never depends on how the mail was fetched.

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** Only for text/rfc822-headers, message/delivery-status and message/rfc822 parts: the rest is never read. */
  content?: string;
}

export interface MailFacts {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress[];
  sender?: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** The Date header; null when missing or unparseable (never "now"). */
  date: Date | null;
  subject: string;
  /** Lower-case header name -> raw (unfolded, undecoded) values, top to bottom as they appear in the message. */
  headers: ReadonlyMap<string, readonly string[]>;
  /** Top-level content type, lower-case, e.g. 'multipart/report'. */
  contentType: string;
  /** Its parameters with lower-case names, e.g. { 'report-type': 'delivery-status' }. */
  contentTypeParams: Readonly<Record<string, string>>;
  /** The best plain text of the body (the text part, or the HTML converted to text). */
  text: string | null;
  attachments: readonly MailAttachment[];
}

/** Every value of a header, top to bottom; empty when absent. */
export function headerValues(facts: Pick<MailFacts, 'headers'>, name: string): readonly string[] {
  return facts.headers.get(name.toLowerCase()) ?? [];
}

/** The topmost value of a header, trimmed, or null. */
export function firstHeader(facts: Pick<MailFacts, 'headers'>, name: string): string | null {
  const value = headerValues(facts, name)[0];
  return value === undefined ? null : value.trim();
}

/** The part of a structured header value before any `;` parameters and `(comments)`, lower-cased. */
export function headerToken(value: string): string {
  return value
    .replace(/\([^)]*\)/g, ' ')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}
