// The library stores every date as an ISO-8601 UTC string, and a date without a time (a decision date or a
// snooze from a spreadsheet) as midnight UTC. Read as an instant, "2026-11-20" would be the evening of the
// 19th in New York; so a midnight-UTC value in a date field means that calendar day in the agency's zone.
import { DateTime } from 'luxon';

const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|\+00:?00)?)?$/;

/**
 * A date field (decided_at, snoozed_until, opened_at): a bare or midnight-UTC date is that calendar day in
 * `zone`, read at local noon, so a recruiter a few hours east or west of the agency still sees the same
 * day (midnight in New York is the evening before in Chicago).
 */
export function readLibraryDate(value: string | null, zone: string): Date | null {
  if (!value) return null;
  const day = DATE_ONLY.exec(value.trim());
  if (day?.[1]) {
    const local = DateTime.fromISO(`${day[1]}T12:00`, { zone });
    if (local.isValid) return local.toJSDate();
  }
  return readTimestamp(value);
}

/** A timestamp field (occurred_at, last_success_at…): the instant it names, or null. */
export function readTimestamp(value: string | null): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
