// The view model the templates render: every sentence, date, link and count is decided here, so the
// templates stay plain markup. Dates are formatted in the recruiter's time zone; text from mail is made
// one-line (view-text.ts) and left for the template engine to escape.
import { DateTime } from 'luxon';
import { formatDay, formatShortDay, safeZone } from './calendar.js';
import { mailtoHref, suggestFor } from './draft-mail.js';
import { isAllCaughtUp, type Digest, type DigestEntry, type Reason, type ReasonCode } from './digest-types.js';
import { firstName, headerText, oneLine } from './view-text.js';

export const DEFAULT_SECTION_CAP = 25;

export interface SectionView<T> {
  show: boolean;
  items: T[];
  /** "and N more", linking to the admin page; null when nothing was left out. */
  more: { count: number; url: string } | null;
}

export interface ReasonView {
  label: string;
  sentence: string;
  /** The date and subject of the mail behind it (or the decision's date); null when there is none. */
  evidence: string | null;
}

export interface EntryView {
  number: number;
  name: string;
  email: string;
  adminUrl: string;
  runnerUp: string | null;
  reasons: ReasonView[];
  lastContact: string;
  nextStep: string;
  mailto: { href: string; label: string } | null;
}

export interface DigestView {
  subject: string;
  preheader: string;
  greeting: string;
  weekLabel: string;
  allCaughtUp: boolean;
  adminUrl: string;
  health: SectionView<{ text: string }>;
  entries: SectionView<EntryView>;
  confirmOptOut: SectionView<{ name: string; adminUrl: string; detected: string; message: string | null }>;
  coaching: SectionView<{ text: string }> & { reminder: string };
  comingUp: SectionView<{ name: string; when: string; adminUrl: string }>;
}

export interface ViewOptions {
  /** The admin page's base URL (see adminBaseUrl). */
  adminUrl: string;
  cap?: number;
}

/** How each reason is named to a recruiter; the admin page uses the same words. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  reply_waiting: 'Waiting for your reply',
  feedback_owed: 'Feedback owed',
  bounced: 'Address bounced',
  life_event: 'Personal news',
  opening_match: 'Matching opening',
  check_in_due: 'Check-in due',
  no_reply: 'Gone quiet',
};

const EVIDENCE_PREFIX: Record<ReasonCode, string> = {
  reply_waiting: 'Their mail',
  feedback_owed: 'Decision',
  bounced: 'Bounce notice',
  life_event: 'Mail',
  opening_match: 'Opening',
  check_in_due: 'Last mail',
  no_reply: 'Your first unanswered mail',
};

const COACHING_REMINDER =
  'No empty promises: a candidate who hears "the job is yours" and then gets nothing stops trusting you. ' +
  'Say what you know, and that nothing is certain until the client decides.';

/** `admin.publicUrl`, else http://`admin.listen`, without a trailing slash. */
export function adminBaseUrl(admin: { listen: string; publicUrl?: string | undefined }): string {
  return (admin.publicUrl ?? `http://${admin.listen}`).replace(/\/+$/, '');
}

const quoted = (subject: string): string => `“${oneLine(subject, 200) || '(no subject)'}”`;

function section<T, V>(
  all: readonly T[],
  cap: number,
  moreUrl: string,
  view: (item: T, index: number) => V,
): SectionView<V> {
  const items = all.slice(0, cap).map(view);
  const left = all.length - items.length;
  return { show: all.length > 0, items, more: left > 0 ? { count: left, url: moreUrl } : null };
}

function reasonView(reason: Reason, zone: string): ReasonView {
  let evidence: string | null = null;
  if (reason.evidence)
    evidence = `${EVIDENCE_PREFIX[reason.code]} of ${formatDay(reason.evidence.at, zone)}: ${quoted(reason.evidence.subject)}`;
  else if (reason.code === 'feedback_owed') evidence = `Decision of ${formatDay(reason.decidedAt, zone)}`;
  return { label: REASON_LABELS[reason.code], sentence: oneLine(reason.detail, 1000), evidence };
}

function entryView(entry: DigestEntry, index: number, digest: Digest, adminUrl: string): EntryView {
  const zone = digest.recruiter.timezone;
  const { runnerUp, lastContact, candidate } = entry;
  const suggestion = suggestFor(entry, digest.recruiter.name, zone);
  const decided = runnerUp?.decidedAt ? ` (decided ${formatDay(runnerUp.decidedAt, zone)})` : '';
  const who = lastContact?.direction === 'outbound' ? 'You wrote' : 'They wrote';
  const email = candidate.email ?? '';
  return {
    number: index + 1,
    name: oneLine(candidate.name, 200),
    email: oneLine(email, 254),
    adminUrl: `${adminUrl}/candidates/${candidate.id}`,
    runnerUp: runnerUp ? oneLine(`Runner-up for ${runnerUp.openingTitle} at ${runnerUp.client}${decided}`, 300) : null,
    reasons: entry.reasons.map((reason) => reasonView(reason, zone)),
    lastContact: lastContact
      ? `${who} on ${formatDay(lastContact.at, zone)}: ${quoted(lastContact.subject)}`
      : 'No personal mail yet.',
    nextStep: suggestion.nextStep,
    mailto:
      suggestion.draft && email
        ? { href: mailtoHref(email, suggestion.draft), label: `Write to ${oneLine(candidate.name, 100)}` }
        : null,
  };
}

function subjectOf(digest: Digest, weekOf: string): string {
  const n = digest.entries.length;
  const confirm = digest.confirmOptOut.length;
  const head = n > 0 ? `${n} ${n === 1 ? 'person' : 'people'} to contact` : 'all caught up';
  const tail = confirm > 0 ? `, ${confirm} opt-out${confirm === 1 ? '' : 's'} to confirm` : '';
  return headerText(`keepwarm: ${head}${tail} (week of ${weekOf})`);
}

export function buildDigestView(digest: Digest, options: ViewOptions): DigestView {
  const zone = safeZone(digest.recruiter.timezone);
  const cap = options.cap ?? DEFAULT_SECTION_CAP;
  const admin = options.adminUrl;
  const mine = `${admin}/candidates?owner=${encodeURIComponent(digest.recruiter.email)}`;
  const weekStart = DateTime.fromJSDate(digest.at, { zone }).startOf('week').toJSDate();
  const weekOf = formatShortDay(weekStart, zone);
  const entries = section(digest.entries, cap, mine, (entry, i) => entryView(entry, i, digest, admin));
  return {
    subject: subjectOf(digest, weekOf),
    preheader: entries.items
      .map((entry) => entry.name)
      .slice(0, 5)
      .join(', '),
    greeting: digest.recruiter.name.trim() ? `Hi ${firstName(digest.recruiter.name)},` : 'Hi,',
    weekLabel: `Week of ${formatDay(weekStart, zone)}`,
    allCaughtUp: isAllCaughtUp(digest),
    adminUrl: admin,
    health: section(digest.health, cap, admin, (note) => ({ text: oneLine(note.detail, 600) })),
    entries,
    confirmOptOut: section(digest.confirmOptOut, cap, `${admin}/candidates?status=do_not_contact`, (optOut) => ({
      name: oneLine(optOut.candidate.name, 200),
      adminUrl: `${admin}/candidates/${optOut.candidate.id}`,
      detected: formatDay(optOut.detectedAt, zone),
      message: optOut.mail ? `${quoted(optOut.mail.subject)}: ${oneLine(optOut.mail.snippet, 300)}` : null,
    })),
    coaching: {
      ...section(digest.coaching, cap, admin, (note) => ({
        text: `“${oneLine(note.phrase, 100)}” in ${quoted(note.subject)} to ${oneLine(note.candidate.name, 200)} (${formatShortDay(note.at, zone)})`,
      })),
      reminder: COACHING_REMINDER,
    },
    comingUp: section(digest.comingUp, cap, mine, (entry) => ({
      name: oneLine(entry.candidate.name, 200),
      when: formatShortDay(entry.dueAt, zone),
      adminUrl: `${admin}/candidates/${entry.candidate.id}`,
    })),
  };
}
