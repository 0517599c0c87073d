// A bounce means "this address is dead", so it must be recognised before anything else reads the
// message, and a recruiter *forwarding* a bounce (a person writing) must not be mistaken for one.
import type { MailFacts } from './mail-facts.js';

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const DAEMON_LOCAL_PARTS = new Set(['mailer-daemon', 'postmaster', 'mail-daemon', 'maildaemon']);
// Subjects of non-standard (plain text) bounces from daemons that write no delivery-status part.
const BOUNCE_SUBJECT =
  /undeliver(?:ed|able)|delivery (?:status notification|failure|has failed)|returned mail|mail delivery (?:failed|failure|subsystem)|failure notice|unzustellbar|non remis|no se puede entregar|non recapitabile/i;

export type BounceReason = 'delivery_report' | 'daemon_with_report_part' | 'daemon_bounce_subject';

/**
 * Why this message is a bounce, or null. Only the message's own structure counts: the top-level
 * `multipart/report; report-type=delivery-status` of RFC 3464, or a message from MAILER-DAEMON/postmaster
 * with a delivery-status part or a bounce subject. A forward of a bounce is written by a person: its top
 * level is not a report and its From is not a daemon, so it is not a bounce.
 */
export function bounceReason(facts: MailFacts): BounceReason | null {
  const reportType = (facts.contentTypeParams['report-type'] ?? '').toLowerCase();
  if (
    facts.contentType === 'multipart/report' &&
    (reportType === 'delivery-status' || reportType === 'global-delivery-status')
  ) {
    return 'delivery_report';
  }
  if (!isFromDaemon(facts)) return null;
  if (facts.attachments.some((a) => DSN_TYPES.has(a.contentType.toLowerCase()))) return 'daemon_with_report_part';
  if (BOUNCE_SUBJECT.test(facts.subject)) return 'daemon_bounce_subject';
  return null;
}

function isFromDaemon(facts: MailFacts): boolean {
  if (facts.from.length !== 1) return false;
  const address = facts.from[0]!.address.toLowerCase();
  const at = address.lastIndexOf('@');
  return DAEMON_LOCAL_PARTS.has(at < 0 ? address : address.slice(0, at));
}
