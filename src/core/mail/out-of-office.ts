// An out-of-office reply that names a return date snoozes the candidate until they are back, instead
// of the digest nagging the recruiter about someone on holiday.
import { findDateMentions, type DateMention, type NumericOrder } from './date-words.js';
import { extractNewText } from './new-text.js';

const DAY_MS = 86_400_000;
const MAX_AHEAD_DAYS = 366;
// A year-less date already past this year ("out since Nov 20") would otherwise become next year's.
const MAX_AHEAD_WITHOUT_YEAR_DAYS = 183;
// Words that introduce a return date, within a few words of it ("back in the office on Monday, 1 Dec").
const CUE =
  /(?<![\p{L}])(?:back|return|returning|returns|until|till|through|thru|zurück|wieder|bis|ab|retour|jusqu['’]au|à partir du|de vuelta|regreso|regresaré|volveré|hasta|rientro|ritorno|rientrerò|fino al|terug|tot|vanaf)(?![\p{L}])/giu;
const CUE_REACH = 45;
const ENGLISH = /(?<![\p{L}])(?:back|return(?:ing)?|until|office|vacation|holiday|leave)(?![\p{L}])/iu;

/**
 * The day (00:00 UTC) an auto-reply says its sender is back, or null. A date right after a cue word
 * ("back on", "returning", "until", "zurück am", "de retour le"...) wins (the latest such, as in "from
 * 20 Nov until 2 Dec"); otherwise the latest date mentioned. Only dates from the day received up to a year ahead count; a date without a year is its next
 * occurrence on or after `receivedAt`, and only within half a year. Numeric dates like 12/01 are read month-first in English text and
 * day-first otherwise, unless only the other reading is plausible. Quoted history is ignored.
 */
export function returnDateFromAutoReply(subject: string, text: string | null, receivedAt: Date): Date | null {
  const body = `${subject}\n${extractNewText(text ?? '')}`;
  const order: NumericOrder = ENGLISH.test(body) ? 'month-first' : 'day-first';
  const mentions = findDateMentions(body, order);
  const from = startOfUtcDay(receivedAt);
  const cued = latest(
    mentions.filter((m) => hasCueBefore(body, m.index)),
    from,
  );
  return (
    cued ??
    latest(
      mentions.filter((m) => !m.weak),
      from,
    )
  );
}

// "From 20 Nov until 2 Dec": the later date is the return; the earlier one is when the absence began.
function latest(mentions: readonly DateMention[], from: Date): Date | null {
  const dates = mentions.map((m) => resolve(m, from)).filter((d): d is Date => d !== null);
  return dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));
}

/**
 * When the snooze ends: the next working day (Monday to Friday) after the return date, at 00:00 UTC.
 * Deliberately simple: no public holidays and no time zones, the recruiter sees the candidate a day later.
 */
export function snoozeUntilAfterReturn(returnDate: Date): Date {
  let day = startOfUtcDay(returnDate).getTime() + DAY_MS;
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return new Date(day);
}

function hasCueBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - CUE_REACH), index);
  return [...before.matchAll(CUE)].length > 0 && !/[.!?\n]\s*\S/.test(before.slice(lastCueEnd(before)));
}

function lastCueEnd(before: string): number {
  let end = 0;
  for (const m of before.matchAll(CUE)) end = m.index + m[0].length;
  return end;
}

/** The plausible calendar day a mention names, trying the other numeric reading when the first is not. */
function resolve(m: DateMention, from: Date): Date | null {
  const readings = [{ month: m.month, day: m.day }, ...(m.alternative ? [m.alternative] : [])];
  for (const r of readings) {
    const date = dayOf(m.year, r.month, r.day, from);
    const ahead = m.year === null ? MAX_AHEAD_WITHOUT_YEAR_DAYS : MAX_AHEAD_DAYS;
    if (date && date.getTime() >= from.getTime() && date.getTime() <= from.getTime() + ahead * DAY_MS) return date;
  }
  return null;
}

function dayOf(year: number | null, month: number, day: number, from: Date): Date | null {
  const y = year ?? from.getUTCFullYear();
  let date = new Date(Date.UTC(y, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  if (year === null && date.getTime() < from.getTime()) date = new Date(Date.UTC(y + 1, month - 1, day));
  return date.getUTCDate() === day ? date : null;
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
