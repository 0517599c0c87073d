// A bounce names the dead address in its machine-readable part (RFC 3464), not in the prose above it,
// and only a permanent failure proves an address dead: a delay or a 4.x.x give-up is a busy server.
import { bounceReason } from './bounce-detection.js';
import type { MailFacts } from './mail-facts.js';

export interface DeliveryStatusRecipient {
  /** Final-Recipient, or Original-Recipient when Final-Recipient is missing or not an address. Lower-cased. */
  address: string;
  /** Original-Recipient when given: the address the sender wrote, which is what the library holds. */
  originalAddress: string | null;
  /** failed | delayed | delivered | relayed | expanded (lower-case), or '' when missing. */
  action: string;
  /** e.g. '5.1.1', or '' when missing. */
  status: string;
  diagnostic: string | null;
  /** Action: failed with a 5.x.x status: the address is dead. A 4.x.x failure (retries gave up) is not proof. */
  dead: boolean;
}

export interface DeliveryStatusReport {
  recipients: DeliveryStatusRecipient[];
}

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

/**
 * The per-recipient results of a bounce, or null when the message is not a bounce (see bounceReason: a
 * forwarded bounce is not one) or carries no delivery-status fields. Reads the delivery-status part, or
 * the body text when the parser folded that part into it (mailparser does unless keepDeliveryStatus).
 */
export function parseDeliveryStatus(facts: MailFacts): DeliveryStatusReport | null {
  if (bounceReason(facts) === null) return null;
  const part = facts.attachments.find((a) => DSN_TYPES.has(a.contentType.toLowerCase()) && a.content !== undefined);
  const source = part?.content ?? facts.text ?? '';
  const recipients = fieldBlocks(source)
    .map(toRecipient)
    .filter((r): r is DeliveryStatusRecipient => r !== null);
  return recipients.length === 0 ? null : { recipients };
}

/** Blocks of "Name: value" fields separated by blank lines; continuation lines unfolded. */
function fieldBlocks(source: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let lastName: string | null = null;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim().length === 0) {
      if (current.size > 0) blocks.push(current);
      current = new Map();
      lastName = null;
      continue;
    }
    const field = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(line);
    if (/^\s/.test(line) && lastName) current.set(lastName, `${current.get(lastName)} ${line.trim()}`);
    else if (field) {
      lastName = field[1]!.toLowerCase();
      if (!current.has(lastName)) current.set(lastName, field[2]!.trim());
    } else lastName = null;
  }
  if (current.size > 0) blocks.push(current);
  return blocks;
}

function toRecipient(block: Map<string, string>): DeliveryStatusRecipient | null {
  const final = addressOf(block.get('final-recipient'));
  const original = addressOf(block.get('original-recipient'));
  const address = final ?? original;
  if (!address) return null;
  const action = (block.get('action') ?? '')
    .replace(/\(.*?\)/g, '')
    .trim()
    .toLowerCase();
  const status = /\d\.\d{1,3}\.\d{1,3}/.exec(block.get('status') ?? '')?.[0] ?? '';
  return {
    address,
    originalAddress: original,
    action,
    status,
    diagnostic: block.get('diagnostic-code')?.replace(/\s+/g, ' ') ?? null,
    dead: action === 'failed' && status.startsWith('5.'),
  };
}

/** "rfc822; Jane@Example.com" (or utf-8;) -> "jane@example.com"; other address types -> null. */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(rfc822|utf-8)\s*;\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/i.exec(value);
  return m ? m[2]!.toLowerCase() : null;
}
