// What one message means for the library, as one pure function: who it is between (routing), what
// kind of mail it is, what its new words say, and what it changes. The sync and `import mail` call it
// with the facts they fetched; it returns a decision for the writer.
import type { MailAddress, MailFacts } from './mail/mail-facts.js';
import type { MessageDecision, MessageRecord, SignalRecord } from './message-record.js';
import type { RulesConfig } from '../config/config-schema.js';
import { routeMessage, type Directory, type LogEntry, type Where } from './participants/route-message.js';
import { addressKey } from './email-address.js';
import { messageKey, normaliseMessageId } from './mail/message-identity.js';
import { classifyKind } from './mail/classify-kind.js';
import { parseDeliveryStatus } from './mail/delivery-status.js';
import { extractNewText, snippet } from './mail/new-text.js';
import { detectLifeEvents, detectOptOut, detectPlacedElsewhere, detectPromises } from './mail/phrase-detection.js';
import { returnDateFromAutoReply, snoozeUntilAfterReturn } from './mail/out-of-office.js';
import { verifySender } from './mail/sender-trust.js';
import { normaliseSubject } from './mail/subject-prefix.js';

export interface MessageInput {
  facts: MailFacts;
  bcc: readonly MailAddress[];
  internalDate: Date | null;
  truncated: boolean;
  /** When a recruiter forwarded another message to the log: the original and what they wrote above it. */
  forwarded?: { original: MailFacts; note: string; inline: boolean } | null;
}

export interface InterpretSettings {
  authservId: string | null;
  phrases: RulesConfig['phrases'];
  /** Used only when a message has neither a usable Date header nor an internal date. */
  now: Date;
}

const EARLIEST_PLAUSIBLE = Date.UTC(1995, 0, 1);
const FUTURE_TOLERANCE_MS = 2 * 24 * 3600_000;

/** The Date header, unless it is missing or absurd next to the server's own date for the message. */
export function messageDate(facts: MailFacts, internalDate: Date | null, now: Date): Date {
  const header = facts.date?.getTime();
  const server = internalDate?.getTime();
  const ceiling = (server ?? now.getTime()) + FUTURE_TOLERANCE_MS;
  if (header !== undefined && header >= EARLIEST_PLAUSIBLE && header <= ceiling) return new Date(header);
  return new Date(server ?? now.getTime());
}

function referencedKeys(facts: MailFacts): string[] {
  return [facts.inReplyTo, ...facts.references]
    .map((id) => normaliseMessageId(id))
    .filter((k): k is string => k !== null);
}

export function interpretMessage(
  input: MessageInput,
  where: Where,
  directory: Directory,
  settings: InterpretSettings,
): MessageDecision {
  const outer = input.facts;
  const at = messageDate(outer, input.internalDate, settings.now).toISOString();
  const outerSender = outer.from[0] ?? null;

  const bounce = interpretBounce(input, where, directory, at);
  if (bounce) return bounce;

  const forwardedBy =
    input.forwarded && outerSender ? directory.recruiterIdByKey.get(addressKey(outerSender.address) ?? '') : undefined;
  const isForward = Boolean(input.forwarded) && forwardedBy !== undefined;
  const facts = isForward ? input.forwarded!.original : outer;
  const route = routeMessage(
    {
      from: facts.from,
      to: facts.to,
      cc: facts.cc,
      bcc: isForward ? [] : input.bcc,
      referencedKeys: referencedKeys(facts),
    },
    isForward ? { ...where, ownerRecruiterId: forwardedBy ?? null } : where,
    directory,
  );
  if (route.action === 'ignore') return { action: 'ignore', reason: route.reason };
  if (route.action === 'unmatched') {
    // Auto-replies and newsletters from strangers are not people to add to the library.
    const kind = classifyKind(facts, {
      candidateRecipientCount: 0,
      outOfOfficeSubjects: settings.phrases.outOfOffice,
    }).kind;
    return kind === 'personal'
      ? { action: 'unmatched', unmatched: route.unmatched, at }
      : { action: 'ignore', reason: `unmatched_${kind}` };
  }

  // A From that claims a recruiter, where an outsider could have written it, must be proven.
  const claimsRecruiter = route.senderClaimsRecruiter || isForward;
  if (claimsRecruiter && settings.authservId && where.mailboxRole !== 'file') {
    const trust = verifySender(outer, { authservId: settings.authservId });
    if (!trust.trusted) {
      return {
        action: 'quarantine',
        reason: 'sender_not_verified',
        detail: trust.reason,
        messageId: outer.messageId,
        sender: outerSender?.address ?? null,
        subject: outer.subject,
      };
    }
  }

  const kind = classifyKind(facts, {
    candidateRecipientCount: route.candidateRecipientCount,
    outOfOfficeSubjects: settings.phrases.outOfOffice,
  }).kind;
  const factsAt = isForward ? messageDate(facts, null, new Date(at)).toISOString() : at;
  const newText = extractNewText(facts.text ?? '');
  const note = isForward ? input.forwarded!.note.trim() || null : null;
  const inbound = route.entries.some((e) => e.direction === 'inbound');
  const signals = kind === 'personal' ? textSignals(newText, note, inbound, settings.phrases) : [];
  const effects = {
    optOut: false,
    placedElsewhere: false,
    snoozeUntil: null as string | null,
    bouncedKeys: [] as string[],
  };
  if (kind === 'personal' && inbound) {
    effects.optOut = signals.some((s) => s.code === 'opt_out');
    effects.placedElsewhere = !effects.optOut && signals.some((s) => s.code === 'placed_elsewhere');
  }
  if (kind === 'auto_reply' && inbound) {
    const back = returnDateFromAutoReply(facts.subject, facts.text, new Date(factsAt));
    if (back) {
      effects.snoozeUntil = snoozeUntilAfterReturn(back).toISOString();
      signals.push({
        code: 'out_of_office',
        category: null,
        text: facts.subject.slice(0, 300),
        detail: { returnDate: back.toISOString() },
      });
    }
  }

  const inlineForward = isForward && input.forwarded!.inline;
  const record: MessageRecord = {
    messageKey: inlineForward ? `fwd:${messageKey(facts)}` : messageKey(facts),
    messageId: normaliseMessageId(facts.messageId),
    inReplyTo: normaliseMessageId(facts.inReplyTo),
    references: facts.references.map((r) => normaliseMessageId(r)).filter((r): r is string => r !== null),
    occurredAt: factsAt,
    subject: facts.subject,
    snippet: snippet(newText),
    kind,
    attachmentNames: facts.attachments.map((a) => a.filename).filter((n): n is string => Boolean(n)),
    note,
    truncated: input.truncated,
    inlineForward,
    subjectKey: normaliseSubject(facts.subject),
    entries: route.entries,
    signals,
    effects,
  };
  return { action: 'log', record, unmatched: route.unmatched, at: factsAt };
}

function textSignals(
  newText: string,
  note: string | null,
  inbound: boolean,
  phrases: RulesConfig['phrases'],
): SignalRecord[] {
  const signals: SignalRecord[] = [];
  if (inbound) {
    const optOut = detectOptOut(newText, phrases.optOut);
    if (optOut)
      signals.push({ code: 'opt_out', category: null, text: optOut.sentence, detail: { phrase: optOut.phrase } });
    const placed = detectPlacedElsewhere(newText, phrases.placedElsewhere);
    if (placed)
      signals.push({
        code: 'placed_elsewhere',
        category: null,
        text: placed.sentence,
        detail: { phrase: placed.phrase },
      });
    for (const event of detectLifeEvents(newText, phrases.lifeEvent)) {
      signals.push({
        code: 'life_event',
        category: event.category,
        text: event.sentence,
        detail: { phrase: event.phrase },
      });
    }
  } else {
    for (const promise of detectPromises(newText, phrases.promise)) {
      signals.push({
        code: 'promise_flag',
        category: null,
        text: promise.phrase,
        detail: { sentence: promise.sentence },
      });
    }
  }
  // A recruiter's note above a forward can carry the news ("Jane just had a baby!").
  if (note) {
    for (const event of detectLifeEvents(note, phrases.lifeEvent)) {
      signals.push({
        code: 'life_event',
        category: event.category,
        text: event.sentence,
        detail: { phrase: event.phrase, fromNote: true },
      });
    }
  }
  return signals;
}

/** A delivery report: log it against the candidates whose addresses died, and mark those addresses. */
function interpretBounce(input: MessageInput, where: Where, directory: Directory, at: string): MessageDecision | null {
  if (input.forwarded) return null; // a forwarded bounce is not a bounce
  const { kind } = classifyKind(input.facts, { candidateRecipientCount: 0 });
  if (kind !== 'bounce') return null;
  const report = parseDeliveryStatus(input.facts);
  const dead = (report?.recipients ?? []).filter((r) => r.dead);
  const entries: LogEntry[] = [];
  const bouncedKeys: string[] = [];
  for (const recipient of dead) {
    for (const address of [recipient.address, recipient.originalAddress]) {
      const key = address ? addressKey(address) : null;
      const candidateId = key ? directory.candidateIdByKey.get(key) : undefined;
      if (!key || candidateId === undefined || directory.ignoredKeys.has(key)) continue;
      bouncedKeys.push(key);
      if (!entries.some((e) => e.candidateId === candidateId)) {
        entries.push({ candidateId, recruiterId: where.ownerRecruiterId, direction: 'inbound', matchedBy: 'address' });
      }
    }
  }
  if (entries.length === 0) return { action: 'ignore', reason: 'bounce_not_involving_library' };
  const signals: SignalRecord[] = dead.map((r) => ({
    code: 'bounce',
    category: null,
    text: r.address,
    detail: { status: r.status },
  }));
  const facts = input.facts;
  return {
    action: 'log',
    record: {
      messageKey: messageKey(facts),
      messageId: normaliseMessageId(facts.messageId),
      inReplyTo: normaliseMessageId(facts.inReplyTo),
      references: [],
      occurredAt: at,
      subject: facts.subject,
      snippet: dead
        .map((r) => `${r.address}: ${r.status}${r.diagnostic ? ` ${r.diagnostic}` : ''}`)
        .join('; ')
        .slice(0, 500),
      kind: 'bounce',
      attachmentNames: [],
      note: null,
      truncated: input.truncated,
      inlineForward: false,
      subjectKey: normaliseSubject(facts.subject),
      entries,
      signals,
      effects: { optOut: false, placedElsewhere: false, snoozeUntil: null, bouncedKeys },
    },
    unmatched: [],
    at,
  };
}
