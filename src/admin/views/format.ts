// Dates as a recruiter reads them: in the agency's time zone, day first, no seconds. Pure. A list page formats
// a hundred dates, so they are read from the zone's offset as the digest's calendar keeps it (once per day).
import { DateTime } from 'luxon';
import { calendarFor } from '../../digest/calendar.js';
import { REASON_LABELS as DIGEST_REASON_LABELS } from '../../digest/digest-view.js';

const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS = 20_000;

/** The zone's offset at a moment, from the digest's calendar (looked up once per UTC day, Intl being slow). */
const offsetOf = (at: number, zone: string): number => calendarFor(zone).offsetMs(at);

interface WallClock {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The moment as the zone's wall clock shows it. */
function wallClockIn(at: number, zone: string): WallClock {
  const wall = new Date(at + offsetOf(at, zone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth(),
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** The moment an ISO string names, in milliseconds; null when there is none. */
function parse(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

/** The calendar day of a moment in the zone, as a day number (days since 1970-01-01). */
function dayNumber(at: number, zone: string): number {
  return Math.floor((at + offsetOf(at, zone)) / DAY_MS);
}

/** "5 Jun 2024" for each day number, kept: a list page shows a hundred dates over a few hundred days. */
const dayLabels = new Map<number, string>();

function dayLabel(day: number): string {
  let label = dayLabels.get(day);
  if (label === undefined) {
    const wall = new Date(day * DAY_MS);
    label = `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
    if (dayLabels.size >= MAX_CACHED_DAYS) dayLabels.clear();
    dayLabels.set(day, label);
  }
  return label;
}

export function formatDay(iso: string | null | undefined, zone: string): string {
  const at = parse(iso);
  return at === null ? '—' : dayLabel(dayNumber(at, zone));
}

export function formatDateTime(iso: string | null | undefined, zone: string): string {
  const at = parse(iso);
  if (at === null) return '—';
  const w = wallClockIn(at, zone);
  return `${w.day} ${MONTHS[w.month]} ${w.year}, ${twoDigits(w.hour)}:${twoDigits(w.minute)}`;
}

/** "today", "3 days ago", "in 5 days". */
export function relativeDays(iso: string | null | undefined, now: Date, zone: string): string {
  const at = parse(iso);
  if (at === null) return 'never';
  const days = dayNumber(now.getTime(), zone) - dayNumber(at, zone);
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
