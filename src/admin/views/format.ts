// Dates as a recruiter reads them: in the agency's time zone, day first, no seconds. Pure.
import { DateTime } from 'luxon';

export function formatDay(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = DateTime.fromISO(iso, { zone });
  return at.isValid ? at.toFormat('d LLL yyyy') : '—';
}

export function formatDateTime(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = DateTime.fromISO(iso, { zone });
  return at.isValid ? at.toFormat('d LLL yyyy, HH:mm') : '—';
}

/** "today", "3 days ago", "in 5 days". */
export function relativeDays(iso: string | null | undefined, now: Date, zone: string): string {
  if (!iso) return 'never';
  const at = DateTime.fromISO(iso, { zone }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(today.diff(at, 'days').days);
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

export const REASON_LABELS: Record<string, string> = {
  reply_waiting: 'Waiting for reply',
  feedback_owed: 'Feedback owed',
  bounced: 'Address bounced',
  life_event: 'Personal news',
  opening_match: 'Matching opening',
  check_in_due: 'Check-in due',
  no_reply: 'Gone quiet',
};

export const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
