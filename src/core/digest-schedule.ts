// When a recruiter's weekly digest is due: their day and local time in their time zone, for the ISO
// week of `now` in that zone. Pure (luxon does the calendar and daylight-saving arithmetic), so the
// scheduler can be tested by moving a fake clock through a DST week.
import { DateTime } from 'luxon';

export interface DigestSchedule {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  /** HH:MM, local time. */
  time: string;
  /** IANA zone. */
  zone: string;
}

export interface DigestSlot {
  /** e.g. "2026-W48", in the recruiter's zone: the once-a-week guard's key. */
  isoWeek: string;
  /** The moment this week's digest is scheduled for. */
  at: Date;
}

export function isoWeekOf(now: Date, zone: string): string {
  const local = DateTime.fromJSDate(now, { zone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** This week's slot. A local time that does not exist (a spring-forward gap) moves forward, as clocks do. */
export function digestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const local = DateTime.fromJSDate(now, { zone: schedule.zone });
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const at = DateTime.fromObject(
    {
      weekYear: local.weekYear,
      weekNumber: local.weekNumber,
      weekday: schedule.day as 1 | 2 | 3 | 4 | 5 | 6 | 7,
      hour,
      minute,
    },
    { zone: schedule.zone },
  );
  return { isoWeek: isoWeekOf(now, schedule.zone), at: at.toJSDate() };
}

/** Due from the slot until the end of that ISO week: a keepwarm that was down catches up when it starts. */
export function isDigestDue(now: Date, schedule: DigestSchedule): DigestSlot | null {
  const slot = digestSlot(now, schedule);
  return now.getTime() >= slot.at.getTime() ? slot : null;
}

/** How long to wait before retrying a failed send: 5 minutes doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}
