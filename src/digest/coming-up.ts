// Who falls due soon: the time-driven rules (check-in, feedback) projected forward, so a recruiter can plan
// the next weeks. A snooze that ends within the window makes its candidate due when it ends.
import { calendarDaysBetween, startOfDayAfter } from './calendar.js';
import { cadenceDaysFor, checkInBasis, type RuleContext } from './digest-rules.js';
import type { ComingUpEntry } from './digest-types.js';
import type { WorldCandidate } from './digest-world.js';
import { candidateRef } from './digest-candidate.js';

const byName = new Intl.Collator('en', { sensitivity: 'base' });
const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** When the check-in falls due: the first local day past the cadence. */
function checkInDueAt(candidate: WorldCandidate, ctx: RuleContext): Date {
  return startOfDayAfter(checkInBasis(candidate).at, cadenceDaysFor(candidate, ctx.rules) + 1, ctx.zone);
}

/** When feedback for a runner-up decision falls due, if it is still owed then. */
function feedbackDueAt(candidate: WorldCandidate, ctx: RuleContext): Date | null {
  const { lastOutbound } = candidate.contact;
  let due: Date | null = null;
  for (const outcome of candidate.outcomes) {
    const decidedAt = outcome.decidedAt;
    if (outcome.stage !== 'runner_up' || !decidedAt) continue;
    if (lastOutbound && lastOutbound.at.getTime() > decidedAt.getTime()) continue;
    const at = startOfDayAfter(decidedAt, ctx.rules.feedbackOwedDays, ctx.zone);
    if (calendarDaysBetween(decidedAt, at, ctx.zone) > ctx.rules.feedbackOwedMaxDays) continue;
    if (!due || at.getTime() < due.getTime()) due = at;
  }
  return due;
}

/** When a candidate not listed now (and not opted out or archived) falls due within `comingUpDays`, or null. */
export function comingUpEntryFor(candidate: WorldCandidate, ctx: RuleContext): ComingUpEntry | null {
  const { now, zone, rules } = ctx;
  if (candidate.status === 'do_not_contact' || candidate.status === 'archived') return null;
  const options: ComingUpEntry[] = [
    { candidate: candidateRef(candidate), code: 'check_in_due', dueAt: checkInDueAt(candidate, ctx) },
  ];
  const feedback = feedbackDueAt(candidate, ctx);
  if (feedback) options.push({ candidate: candidateRef(candidate), code: 'feedback_owed', dueAt: feedback });
  const snoozedUntil = candidate.snoozedUntil;
  const effective = options.map((option) =>
    snoozedUntil ? { ...option, dueAt: later(option.dueAt, snoozedUntil) } : option,
  );
  return (
    effective
      .filter((option) => option.dueAt.getTime() > now.getTime())
      .filter((option) => calendarDaysBetween(now, option.dueAt, zone) <= rules.comingUpDays)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null
  );
}

/** Soonest first, then by name. */
export const compareComingUp = (a: ComingUpEntry, b: ComingUpEntry): number =>
  a.dueAt.getTime() - b.dueAt.getTime() || byName.compare(a.candidate.name, b.candidate.name);

/** Candidates not listed now (and not opted out or archived) who fall due within `comingUpDays`. */
export function comingUpFor(candidates: readonly WorldCandidate[], ctx: RuleContext): ComingUpEntry[] {
  return candidates.flatMap((candidate) => comingUpEntryFor(candidate, ctx) ?? []).sort(compareComingUp);
}
