// Dates as a recruiter reads them: in the agency's time zone, day first, no seconds. Pure. Built on cached
// Intl formatters rather than luxon objects: a list page formats a hundred dates, and that must stay cheap.
import { DateTime } from 'luxon';
import { REASON_LABELS as DIGEST_REASON_LABELS } from '../../digest/digest-view.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(at: Date, zone: string): Record<string, string> {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function formatDay(iso: string | null | undefined, zone: string): string {
  const at = parse(iso);
  if (!at) return '—';
  const p = partsIn(at, zone);
  return `${p.day} ${p.month} ${p.year}`;
}

export function formatDateTime(iso: string | null | undefined, zone: string): string {
  const at = parse(iso);
  if (!at) return '—';
  const p = partsIn(at, zone);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day of a moment in the zone, as a day number (days since 1970-01-01). */
function dayNumber(at: Date, zone: string): number {
  const p = partsIn(at, zone);
  return Math.round(Date.UTC(Number(p.year), MONTHS.indexOf(p.month ?? ''), Number(p.day)) / 86_400_000);
}

/** "today", "3 days ago", "in 5 days". */
export function relativeDays(iso: string | null | undefined, now: Date, zone: string): string {
  const at = parse(iso);
  if (!at) return 'never';
  const days = dayNumber(now, zone) - dayNumber(at, zone);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

/** The value for an <input type="date">. */
export function dateInputValue(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  return DateTime.fromISO(iso, { zone }).toISODate() ?? '';
}

export const STATUS_LABELS: Record<string, string> = {
  runner_up: 'Runner-up',
  active: 'Active',
  placed_elsewhere: 'Placed elsewhere',
  do_not_contact: 'Do not contact',
  archived: 'Archived',
};

/** The digest's words for each reason, addressed to whoever reads the admin page rather than to "you". */
export const REASON_LABELS: Record<string, string> = { ...DIGEST_REASON_LABELS, reply_waiting: 'Waiting for reply' };

export const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
