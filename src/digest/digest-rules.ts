// The who-and-why rules, one small function each: a candidate and the clock in, reasons out. Each rule
// says only whether it applies; exclusions (opt-out, snooze, archive) and ownership live in select-digest.ts.
import type { RulesConfig } from '../config/config-schema.js';
import type { CandidateStatus } from '../db/schema.js';
// The library's own key (trimmed, spaces collapsed, case-folded), so matching agrees with the import.
import { skillKey } from '../core/library-fields.js';
import { calendarDaysBetween, workingDaysBetween } from './calendar.js';
import { lastContactOf } from './contact-summary.js';
import type { MailRef, WorldCandidate, WorldOpening } from './digest-world.js';
import type {
  BouncedReason,
  CheckInDueReason,
  Evidence,
  FeedbackOwedReason,
  LifeEventReason,
  NoReplyReason,
  OpeningMatchReason,
  ReplyWaitingReason,
} from './digest-types.js';

export const DEFAULT_CADENCE_DAYS = { runner_up: 30, active: 30, placed_elsewhere: 90 } as const;

/** An opening with its skills keyed once for every candidate. */
export interface MatchableOpening {
  opening: WorldOpening;
  skillKeys: ReadonlySet<string>;
}

export interface RuleContext {
  now: Date;
  /** The recruiter's time zone: days and working days are counted there. */
  zone: string;
  rules: RulesConfig;
  openings: readonly MatchableOpening[];
}

// A library has a few thousand distinct skills and every candidate is matched each week: key each once.
const skillKeys = new Map<string, string>();
function cachedSkillKey(skill: string): string {
  let key = skillKeys.get(skill);
  if (key === undefined) {
    key = skillKey(skill);
    if (skillKeys.size < 100_000) skillKeys.set(skill, key);
  }
  return key;
}

export function prepareOpenings(openings: readonly WorldOpening[]): MatchableOpening[] {
  return openings.map((opening) => ({
    opening,
    skillKeys: new Set(opening.skills.map(cachedSkillKey).filter(Boolean)),
  }));
}

export function cadenceDaysFor(candidate: Pick<WorldCandidate, 'status' | 'cadenceDays'>, rules: RulesConfig): number {
  if (candidate.cadenceDays !== null) return candidate.cadenceDays;
  const status: CandidateStatus = candidate.status;
  if (status === 'placed_elsewhere' || status === 'active' || status === 'runner_up') {
    return rules.cadenceDays[status] ?? DEFAULT_CADENCE_DAYS[status];
  }
  return rules.cadenceDays.runner_up ?? DEFAULT_CADENCE_DAYS.runner_up;
}

const evidenceOf = (mail: MailRef | null): Evidence | null => (mail ? { at: mail.at, subject: mail.subject } : null);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const isAfter = (a: Date, b: Date): boolean => a.getTime() > b.getTime();

export function replyWaiting(candidate: WorldCandidate, ctx: RuleContext): ReplyWaitingReason[] {
  const { lastInbound, lastOutbound } = candidate.contact;
  if (!lastInbound || (lastOutbound && isAfter(lastOutbound.at, lastInbound.at))) return [];
  const workingDays = workingDaysBetween(lastInbound.at, ctx.now, ctx.zone);
  if (workingDays < ctx.rules.replyWaitingWorkingDays) return [];
  const waited = workingDays === 0 ? 'today' : `${plural(workingDays, 'working day')} ago`;
  const detail = `Wrote to you ${waited} and has had no reply.`;
  return [{ code: 'reply_waiting', detail, evidence: evidenceOf(lastInbound), urgency: workingDays, workingDays }];
}

export function feedbackOwed(candidate: WorldCandidate, ctx: RuleContext): FeedbackOwedReason[] {
  const { lastOutbound } = candidate.contact;
  const reasons: FeedbackOwedReason[] = [];
  for (const outcome of candidate.outcomes) {
    const decidedAt = outcome.decidedAt;
    if (outcome.stage !== 'runner_up' || !decidedAt) continue;
    const daysSince = calendarDaysBetween(decidedAt, ctx.now, ctx.zone);
    if (daysSince < ctx.rules.feedbackOwedDays || daysSince > ctx.rules.feedbackOwedMaxDays) continue;
    if (lastOutbound && isAfter(lastOutbound.at, decidedAt)) continue;
    const notes = outcome.feedbackNotes?.trim() || null;
    const detail =
      `Runner-up for ${outcome.openingTitle} (${outcome.client}) ${plural(daysSince, 'day')} ago, and no mail to them since: ` +
      (notes ? `feedback is owed. Notes: ${notes}` : 'feedback is owed (no notes were recorded with the decision).');
    reasons.push({
      code: 'feedback_owed',
      detail,
      evidence: null,
      urgency: daysSince,
      openingTitle: outcome.openingTitle,
      client: outcome.client,
      decidedAt,
      daysSince,
      notes,
    });
  }
  return reasons;
}

/** When no mail was ever exchanged, the cadence runs from the latest decision, else from when they were added. */
export function checkInBasis(candidate: WorldCandidate): {
  at: Date;
  countedFrom: CheckInDueReason['countedFrom'];
  mail: MailRef | null;
} {
  const contact = lastContactOf(candidate.contact);
  if (contact) return { at: contact.at, countedFrom: 'contact', mail: contact };
  let decidedAt: Date | null = null;
  for (const outcome of candidate.outcomes) {
    if (outcome.decidedAt && (!decidedAt || isAfter(outcome.decidedAt, decidedAt))) decidedAt = outcome.decidedAt;
  }
  if (decidedAt) return { at: decidedAt, countedFrom: 'decision', mail: null };
  return { at: candidate.createdAt, countedFrom: 'added', mail: null };
}

export function checkInDue(candidate: WorldCandidate, ctx: RuleContext): CheckInDueReason[] {
  const cadenceDays = cadenceDaysFor(candidate, ctx.rules);
  const basis = checkInBasis(candidate);
  const daysSince = calendarDaysBetween(basis.at, ctx.now, ctx.zone);
  if (daysSince <= cadenceDays) return [];
  const cadence = `(cadence ${cadenceDays})`;
  const detail =
    basis.countedFrom === 'contact'
      ? `No contact for ${plural(daysSince, 'day')} ${cadence}.`
      : basis.countedFrom === 'decision'
        ? `Never contacted; the runner-up decision was ${plural(daysSince, 'day')} ago ${cadence}.`
        : `Never contacted; added to the library ${plural(daysSince, 'day')} ago ${cadence}.`;
  const overdueDays = daysSince - cadenceDays;
  return [
    {
      code: 'check_in_due',
      detail,
      evidence: evidenceOf(basis.mail),
      urgency: overdueDays,
      daysSince,
      cadenceDays,
      overdueDays,
      countedFrom: basis.countedFrom,
    },
  ];
}

export function noReply(candidate: WorldCandidate, ctx: RuleContext): NoReplyReason[] {
  const unanswered = candidate.contact.outboundSinceInbound;
  if (!unanswered || unanswered.count < 2) return [];
  const daysSince = calendarDaysBetween(unanswered.first.at, ctx.now, ctx.zone);
  if (daysSince < ctx.rules.noReplyDays) return [];
  const since = candidate.contact.lastInbound ? 'since they last wrote' : 'and they have never written back';
  const detail =
    `${plural(unanswered.count, 'mail')} to them ${since}, the first ${plural(daysSince, 'day')} ago: ` +
    'they may have gone quiet on you. Try a different approach, or a pause.';
  return [
    {
      code: 'no_reply',
      detail,
      evidence: evidenceOf(unanswered.first),
      urgency: daysSince,
      unanswered: unanswered.count,
      firstAt: unanswered.first.at,
      daysSince,
    },
  ];
}

/** Which of a context's openings ask for each skill key: a candidate is then matched through their own skills. */
type OpeningsBySkill = ReadonlyMap<string, readonly number[]>;
const openingIndexes = new WeakMap<readonly MatchableOpening[], OpeningsBySkill>();

function openingsBySkill(openings: readonly MatchableOpening[]): OpeningsBySkill {
  let index = openingIndexes.get(openings);
  if (!index) {
    const built = new Map<string, number[]>();
    openings.forEach(({ skillKeys }, position) => {
      for (const key of skillKeys) built.set(key, [...(built.get(key) ?? []), position]);
    });
    index = built;
    openingIndexes.set(openings, index);
  }
  return index;
}

export function openingMatch(candidate: WorldCandidate, ctx: RuleContext): OpeningMatchReason[] {
  const minSkills = ctx.rules.openingMatchMinSkills;
  if (ctx.openings.length === 0 || candidate.skills.length < minSkills) return [];
  // Count shared skills per opening through the index (a candidate has a handful of skills; an agency may
  // have dozens of fresh openings), and look closer only at openings sharing enough.
  const index = openingsBySkill(ctx.openings);
  const skills = new Map<string, string>();
  let shared: Map<number, number> | null = null;
  for (const skill of candidate.skills) {
    const key = cachedSkillKey(skill);
    if (!key) continue;
    const isNew = !skills.has(key);
    skills.set(key, skill.trim());
    const positions = isNew ? index.get(key) : undefined;
    if (!positions) continue;
    shared ??= new Map();
    for (const position of positions) shared.set(position, (shared.get(position) ?? 0) + 1);
  }
  if (!shared || skills.size < minSkills) return [];
  const already = new Set(candidate.outcomes.map((outcome) => outcome.openingId));
  const reasons: OpeningMatchReason[] = [];
  // In the openings' own order, so ties below sort as they always have.
  for (const position of [...shared.keys()].sort((a, b) => a - b)) {
    if ((shared.get(position) ?? 0) < minSkills) continue;
    const { opening, skillKeys } = ctx.openings[position] as MatchableOpening;
    if (opening.status !== 'open' || already.has(opening.id) || isAfter(opening.openedAt, ctx.now)) continue;
    if (calendarDaysBetween(opening.openedAt, ctx.now, ctx.zone) > ctx.rules.openingMatchMaxAgeDays) continue;
    const sharedSkills = [...skillKeys]
      .filter((key) => skills.has(key))
      .sort()
      .map((key) => skills.get(key) as string);
    const detail = `New opening ${opening.title} at ${opening.client} shares ${plural(sharedSkills.length, 'skill')}: ${sharedSkills.join(', ')}.`;
    reasons.push({
      code: 'opening_match',
      detail,
      evidence: null,
      urgency: sharedSkills.length,
      openingId: opening.id,
      openingTitle: opening.title,
      client: opening.client,
      sharedSkills,
    });
  }
  return reasons.sort((a, b) => b.urgency - a.urgency || a.openingTitle.localeCompare(b.openingTitle));
}

const LIFE_EVENT_WORDS: Record<string, string> = {
  credential: 'a new credential',
  new_job: 'a new job',
  move: 'a move',
  baby: 'a new baby',
  wedding: 'a wedding',
  graduation: 'a graduation',
};

export function lifeEventLabel(category: string): string {
  return LIFE_EVENT_WORDS[category] ?? 'some news';
}

export function lifeEvent(candidate: WorldCandidate, ctx: RuleContext): LifeEventReason[] {
  const { lastOutbound } = candidate.contact;
  const seen = new Set<string>();
  const reasons: LifeEventReason[] = [];
  const newestFirst = [...candidate.lifeEvents].sort((a, b) => b.mail.at.getTime() - a.mail.at.getTime());
  for (const event of newestFirst) {
    const { mail } = event;
    // The candidate's own mail, or a note a recruiter wrote on a forward; never the recruiter's own mail.
    if (mail.kind !== 'personal' || (mail.direction !== 'inbound' && !mail.hasNote)) continue;
    if (isAfter(mail.at, ctx.now)) continue;
    const daysSince = calendarDaysBetween(mail.at, ctx.now, ctx.zone);
    if (daysSince > ctx.rules.lifeEventDays) continue;
    if (lastOutbound && isAfter(lastOutbound.at, mail.at)) continue;
    const sentence = event.sentence.trim();
    // One line per kind of news, the newest: a recruiter's forward note often repeats the candidate's words.
    if (seen.has(event.category)) continue;
    seen.add(event.category);
    const detail = `Shared news of ${lifeEventLabel(event.category)}: “${sentence}”`;
    reasons.push({
      code: 'life_event',
      detail,
      evidence: evidenceOf(mail),
      urgency: daysSince,
      category: event.category,
      sentence,
    });
  }
  return reasons;
}

export function bounced(candidate: WorldCandidate, ctx: RuleContext): BouncedReason[] {
  const { lastBounce } = candidate.contact;
  let bounceAt = lastBounce?.at ?? null;
  for (const email of candidate.emails) {
    if (email.bouncingSince && (!bounceAt || isAfter(email.bouncingSince, bounceAt))) bounceAt = email.bouncingSince;
  }
  if (!bounceAt || isAfter(bounceAt, ctx.now)) return [];
  const contact = lastContactOf(candidate.contact);
  if (contact && !isAfter(bounceAt, contact.at)) return [];
  const deadAddresses = candidate.emails.filter((email) => email.bouncingSince).map((email) => email.email);
  const otherAddresses = candidate.emails.filter((email) => !email.bouncingSince).map((email) => email.email);
  const dead = deadAddresses.length > 0 ? deadAddresses.join(', ') : 'them';
  const next =
    otherAddresses.length > 0 ? `Try ${otherAddresses.join(' or ')}, or find a new address.` : 'Find a new address.';
  const detail = `Mail to ${dead} bounced: the address is dead (often a sign of a job change). ${next}`;
  return [
    {
      code: 'bounced',
      detail,
      urgency: calendarDaysBetween(bounceAt, ctx.now, ctx.zone),
      evidence: lastBounce && (!contact || isAfter(lastBounce.at, contact.at)) ? evidenceOf(lastBounce) : null,
      deadAddresses,
      otherAddresses,
    },
  ];
}

/** Every rule, in the order of the table. */
export const DIGEST_RULES = [
  replyWaiting,
  feedbackOwed,
  checkInDue,
  noReply,
  openingMatch,
  lifeEvent,
  bounced,
] as const;
