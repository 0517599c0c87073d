// Inline forwards carry the original's date as the forwarding client printed it ("Mon, Nov 23, 2026 at
// 9:14 AM", "Montag, 23. November 2026 09:14"), often with no zone: that is the forwarder's local time.
import { DateTime, FixedOffsetZone } from 'luxon';
import { findDateMentions } from './date-words.js';

// Zone abbreviations clients still print; anything else falls back to the caller's zone.
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  gmt: 0,
  utc: 0,
  ut: 0,
  z: 0,
  wet: 0,
  bst: 60,
  west: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const TIME =
  /^\s*(?:,|at|um|à|a las|alle|alle ore|om|às|kl\.?)?\s*(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*uhr)?\s*(?:\(?\s*([a-z]{1,5})?\s*([+-]\d{1,2}(?::?\d{2})?)?\s*\)?)?/iu;

/**
 * The instant a forwarded header's date string names, or null when it names no full date (with year).
 * A string without a zone is read in `zone` (an IANA name, default UTC): the forwarder's own time zone.
 */
export function parseForwardDate(raw: string | null | undefined, zone = 'UTC'): Date | null {
  if (!raw) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  const hasMeridiem = /\d\s*[ap]\.?m\b/i.test(text);
  const date = findDateMentions(text, hasMeridiem ? 'month-first' : 'day-first').find(
    (d) => d.year !== null && !d.weak,
  );
  if (!date || date.year === null) return null;
  const time = TIME.exec(text.slice(date.end));
  let hour = time ? Number(time[1]) : 0;
  const minute = time ? Number(time[2]) : 0;
  const second = time?.[3] ? Number(time[3]) : 0;
  const meridiem = time?.[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const offset = time ? offsetMinutes(time[5], time[6]) : null;
  const dt = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour, minute, second },
    { zone: offset === null ? zone : FixedOffsetZone.instance(offset) },
  );
  return dt.isValid ? dt.toJSDate() : null;
}

function offsetMinutes(name: string | undefined, numeric: string | undefined): number | null {
  // "GMT+1": the number is the whole offset; "CET" alone: the abbreviation is.
  const base = name === undefined ? null : (ABBREVIATIONS[name.toLowerCase()] ?? null);
  if (numeric === undefined) return base;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(numeric);
  if (!m) return base;
  const sign = m[1] === '-' ? -1 : 1;
  // "+0100" is hours and minutes; "+1" (Apple's "GMT+1") is hours alone.
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  return sign * (hours * 60 + minutes);
}
