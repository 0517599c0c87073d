// The numbers behind the admin dashboard: candidates by status, and personal mail per week each way (the
// rhythm of the agency's contact). Weeks start on Monday in the agency's time zone; every count is a range
// scan of the interactions_time index, so the cost follows the weeks shown, not the size of the history.
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import { CANDIDATE_STATUSES, type CandidateStatus, type Database } from '../db/schema.js';

export interface WeekOfMail {
  /** Monday 00:00 in the zone, as an ISO date (YYYY-MM-DD). */
  week: string;
  outbound: number;
  inbound: number;
}

export async function countCandidatesByStatus(db: Kysely<Database>): Promise<Record<CandidateStatus, number>> {
  const rows = await db
    .selectFrom('candidates')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(CANDIDATE_STATUSES.map((status) => [status, 0])) as Record<CandidateStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The start of each of the last `weeks` weeks (the current one last), in `zone`. */
export function weekStarts(now: Date, weeks: number, zone: string): DateTime[] {
  const current = DateTime.fromJSDate(now, { zone }).startOf('week');
  return Array.from({ length: weeks }, (_, i) => current.minus({ weeks: weeks - 1 - i }));
}

/** Personal mail per week, outbound and inbound, for the last `weeks` weeks up to `now`. */
export async function weeklyPersonalMail(
  db: Kysely<Database>,
  options: { now: Date; weeks: number; zone: string },
): Promise<WeekOfMail[]> {
  const starts = weekStarts(options.now, options.weeks, options.zone);
  const result: WeekOfMail[] = [];
  for (const start of starts) {
    const from = start.toUTC().toISO() ?? '';
    const until = start.plus({ weeks: 1 }).toUTC().toISO() ?? '';
    const rows = await db
      .selectFrom('interactions')
      .select(['direction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<', until)
      .where('kind', '=', 'personal')
      .groupBy('direction')
      .execute();
    const count = (direction: string): number => Number(rows.find((r) => r.direction === direction)?.n ?? 0);
    result.push({ week: start.toISODate() ?? '', outbound: count('outbound'), inbound: count('inbound') });
  }
  return result;
}
