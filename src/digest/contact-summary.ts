// The reference meaning of a ContactSummary, computed from a list of logged mail. Tests build worlds
// with it; the loader computes the same summary in SQL (and a loader test checks they agree).
import type { InteractionKind } from '../db/schema.js';
import type { ContactSummary, MailRef } from './digest-world.js';

export type LoggedMail = MailRef & { kind: InteractionKind };

const later = (a: LoggedMail, b: LoggedMail): boolean =>
  a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.interactionId > b.interactionId);

function latest(mails: readonly LoggedMail[], keep: (mail: LoggedMail) => boolean): LoggedMail | null {
  let found: LoggedMail | null = null;
  for (const mail of mails) if (keep(mail) && (found === null || later(mail, found))) found = mail;
  return found;
}

function ref(mail: LoggedMail | null): MailRef | null {
  if (!mail) return null;
  const { interactionId, at, subject, direction, recruiterId } = mail;
  return { interactionId, at, subject, direction, recruiterId };
}

/** Summarises one candidate's logged mail, up to and including `now` (later mail is ignored). */
export function summarizeContact(mails: readonly LoggedMail[], now: Date): ContactSummary {
  const past = mails.filter((mail) => mail.at.getTime() <= now.getTime());
  const personal = (direction: 'inbound' | 'outbound') => (mail: LoggedMail) =>
    mail.kind === 'personal' && mail.direction === direction;
  const lastInbound = latest(past, personal('inbound'));
  // Strictly later in time, as the loader's SQL counts it.
  const unanswered = past.filter(
    (mail) => personal('outbound')(mail) && (lastInbound === null || mail.at.getTime() > lastInbound.at.getTime()),
  );
  let first: LoggedMail | null = null;
  for (const mail of unanswered) if (first === null || later(first, mail)) first = mail;
  const withRecruiter =
    latest(past, (mail) => mail.kind === 'personal' && mail.recruiterId !== null) ??
    latest(past, (mail) => mail.recruiterId !== null);
  return {
    lastInbound: ref(lastInbound),
    lastOutbound: ref(latest(past, personal('outbound'))),
    outboundSinceInbound: first ? { count: unanswered.length, first: ref(first) as MailRef } : null,
    lastBounce: ref(latest(past, (mail) => mail.kind === 'bounce')),
    latestRecruiterId: withRecruiter?.recruiterId ?? null,
  };
}

/** The latest personal mail either way: the last contact. */
export function lastContactOf(contact: ContactSummary): MailRef | null {
  const { lastInbound, lastOutbound } = contact;
  if (!lastInbound) return lastOutbound;
  if (!lastOutbound) return lastInbound;
  return lastOutbound.at.getTime() >= lastInbound.at.getTime() ? lastOutbound : lastInbound;
}
