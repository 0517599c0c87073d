// Day arithmetic in a recruiter's time zone. A recruiter reads "3 days ago" and "Friday" by their own
// calendar, so thresholds count calendar days (or Monday-Friday working days) there, not 24-hour spans.
import { DateTime } from 'luxon';

const DISPLAY_LOCALE = 'en-US';

/** The zone if luxon knows it, else UTC (the loader validates zones; this keeps the core total). */
export function safeZone(zone: string): string {
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

function localDay(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: safeZone(zone) }).startOf('day');
}

/** Calendar days from `from`'s local date to `to`'s local date (negative when `from` is later). */
export function calendarDaysBetween(from: Date, to: Date, zone: string): number {
  return Math.round(localDay(to, zone).diff(localDay(from, zone), 'days').days);
}

/** Monday-Friday dates after `from`'s local date, up to and including `to`'s local date. */
export function workingDaysBetween(from: Date, to: Date, zone: string): number {
  const days = calendarDaysBetween(from, to, zone);
  if (days <= 0) return 0;
  const startWeekday = localDay(from, zone).weekday; // 1 = Monday … 7 = Sunday
  let count = Math.floor(days / 7) * 5;
  for (let offset = 1; offset <= days % 7; offset += 1) {
    const weekday = ((startWeekday - 1 + offset) % 7) + 1;
    if (weekday <= 5) count += 1;
  }
  return count;
}

/** The start of the local day `days` calendar days after `at`'s local date (DST-safe). */
export function startOfDayAfter(at: Date, days: number, zone: string): Date {
  return localDay(at, zone).plus({ days }).toJSDate();
}

/** "Mon 23 Nov 2026" in the zone. */
export function formatDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone: safeZone(zone) }).setLocale(DISPLAY_LOCALE).toFormat('ccc d LLL yyyy');
}

/** "23 Nov" in the zone, for short lists. */
export function formatShortDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone: safeZone(zone) }).setLocale(DISPLAY_LOCALE).toFormat('ccc d LLL');
}
