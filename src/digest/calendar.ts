// Day arithmetic in a recruiter's time zone. A recruiter reads "3 days ago" and "Friday" by their own
// calendar, so thresholds count calendar days (or Monday-Friday working days) there, not 24-hour spans.
// The digest does this for every candidate, so each zone's UTC offset is looked up once per quarter hour
// of time and cached: a day is then plain integer arithmetic, with no date objects in the hot path.
import { DateTime, IANAZone } from 'luxon';

const DISPLAY_LOCALE = 'en-US';
// Every zone in use changes its offset on a quarter hour of UTC (most on the hour; a few on :30 or :45).
const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const BUCKET_PER_DAY = DAY_MS / BUCKET_MS;

export interface ZoneCalendar {
  zone: string;
  /** How far the zone's wall clock is ahead of UTC at an instant (milliseconds since the epoch), in milliseconds. */
  offsetMs(at: number): number;
  /** The local calendar day of an instant, as days since 1970-01-01. */
  dayNumber(at: Date): number;
  /** Calendar days from `from`'s local date to `to`'s local date (negative when `from` is later). */
  daysBetween(from: Date, to: Date): number;
  /** Monday-Friday dates after `from`'s local date, up to and including `to`'s local date. */
  workingDaysBetween(from: Date, to: Date): number;
  /** The start of the local day `days` calendar days after `at`'s local date (DST-safe). */
  startOfDayAfter(at: Date, days: number): Date;
}

const calendars = new Map<string, ZoneCalendar>();

/** The zone if it is a valid IANA zone, else UTC (the loader validates zones; this keeps the core total). */
export function safeZone(zone: string): string {
  return calendarFor(zone).zone;
}

/** One calendar per zone, kept for the process: offsets never change for a given instant. */
export function calendarFor(zone: string): ZoneCalendar {
  let calendar = calendars.get(zone);
  if (!calendar) {
    calendar = createZoneCalendar(IANAZone.isValidZone(zone) ? zone : 'UTC');
    calendars.set(zone, calendar);
  }
  return calendar;
}

function createZoneCalendar(zone: string): ZoneCalendar {
  const iana = IANAZone.create(zone);
  const offsets = new Map<number, number>();
  const bucketOffset = (bucket: number): number => {
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = iana.offset(bucket * BUCKET_MS) * 60_000;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  // Most UTC days hold no offset change: when a day starts and ends on the same offset, every instant in it
  // has that offset (no zone changes twice within a day and back), so the digest's 100,000 timestamps cost a
  // few hundred lookups, not one per quarter hour.
  const dayOffsets = new Map<number, number | null>();
  const offsetMs = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const first = bucketOffset(day * BUCKET_PER_DAY);
      offset = first === bucketOffset((day + 1) * BUCKET_PER_DAY - 1) ? first : null;
      dayOffsets.set(day, offset);
    }
    return offset ?? bucketOffset(Math.floor(ms / BUCKET_MS));
  };
  const dayOf = (ms: number): number => Math.floor((ms + offsetMs(ms)) / DAY_MS);
  const calendar: ZoneCalendar = {
    zone,
    offsetMs,
    dayNumber: (at) => dayOf(at.getTime()),
    daysBetween: (from, to) => dayOf(to.getTime()) - dayOf(from.getTime()),
    workingDaysBetween(from, to) {
      const start = dayOf(from.getTime());
      const days = dayOf(to.getTime()) - start;
      if (days <= 0) return 0;
      let count = Math.floor(days / 7) * 5;
      for (let day = start + 1 + Math.floor(days / 7) * 7; day <= start + days; day += 1) {
        if (isoWeekday(day) <= 5) count += 1;
      }
      return count;
    },
    startOfDayAfter(at, days) {
      const day = dayOf(at.getTime()) + days;
      const localMidnight = day * DAY_MS;
      const utc = localMidnight - offsetMs(localMidnight - offsetMs(localMidnight));
      if (dayOf(utc) === day && dayOf(utc - 1) === day - 1) return new Date(utc);
      // Midnight falls in a DST gap here: let luxon find the day's first moment.
      return DateTime.fromMillis(at.getTime(), { zone }).plus({ days }).startOf('day').toJSDate();
    },
  };
  return calendar;
}

/** 1 = Monday … 7 = Sunday, for a day number (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export const calendarDaysBetween = (from: Date, to: Date, zone: string): number =>
  calendarFor(zone).daysBetween(from, to);
export const workingDaysBetween = (from: Date, to: Date, zone: string): number =>
  calendarFor(zone).workingDaysBetween(from, to);
export const startOfDayAfter = (at: Date, days: number, zone: string): Date =>
  calendarFor(zone).startOfDayAfter(at, days);

/** "Mon 23 Nov 2026" in the zone. */
export function formatDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone: safeZone(zone) })
    .setLocale(DISPLAY_LOCALE)
    .toFormat('ccc d LLL yyyy');
}

/** "Mon 23 Nov" in the zone, for short lists. */
export function formatShortDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone: safeZone(zone) })
    .setLocale(DISPLAY_LOCALE)
    .toFormat('ccc d LLL');
}
