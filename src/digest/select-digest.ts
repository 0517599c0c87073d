// Digest selection: who is listed in whose digest, with which reasons, in which order. Pure: a function of
// the world, the rules and `now`, so `keepwarm digest --at` can replay any week.
import type { RulesConfig } from '../config/config-schema.js';
import { calendarDaysBetween } from './calendar.js';
import { lastContactOf } from './contact-summary.js';
import { comingUpEntryFor, compareComingUp } from './coming-up.js';
import { healthFor } from './digest-health.js';
import { DIGEST_RULES, prepareOpenings, type MatchableOpening, type RuleContext } from './digest-rules.js';
import {
  REASON_ORDER,
  type CoachingNote,
  type ComingUpEntry,
  type DigestCandidate,
  type Digest,
  type DigestEntry,
  type OptOutToConfirm,
  type Reason,
} from './digest-types.js';
import type { DigestWorld, WorldCandidate, WorldRecruiter } from './digest-world.js';
import { candidateRef, exclusionOf, ownerOf, soleRecruiterOf } from './digest-candidate.js';

export interface DigestOptions {
  rules: RulesConfig;
  now: Date;
}

const COACHING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const byNameCollator = new Intl.Collator('en', { sensitivity: 'base' });
const rank = (reason: Reason): number => REASON_ORDER.indexOf(reason.code);
const compareReasons = (a: Reason, b: Reason): number => rank(a) - rank(b) || b.urgency - a.urgency;

/** Every reason that applies, most urgent first. */
export function reasonsFor(candidate: WorldCandidate, ctx: RuleContext): Reason[] {
  const reasons: Reason[] = [];
  for (const rule of DIGEST_RULES) for (const reason of rule(candidate, ctx)) reasons.push(reason);
  return reasons.length > 1 ? reasons.sort(compareReasons) : reasons;
}

/** By the most urgent reason's code, then its urgency (most overdue first), then name. */
export function compareEntries(a: DigestEntry, b: DigestEntry): number {
  const [topA, topB] = [a.reasons[0], b.reasons[0]];
  if (topA && topB) {
    const byReason = compareReasons(topA, topB);
    if (byReason !== 0) return byReason;
  }
  return byNameCollator.compare(a.candidate.name, b.candidate.name) || a.candidate.id - b.candidate.id;
}

// Names of ASCII letters and spaces collate (base sensitivity) exactly as their lower-case code units do,
// which is much cheaper than the collator; a table test holds the two orders equal.
const PLAIN_NAME = /^[A-Za-z ]*$/;

/** The entries in compareEntries order, with each entry's sort keys computed once rather than per comparison. */
export function sortEntries(entries: readonly DigestEntry[]): DigestEntry[] {
  const keyed = entries.map((entry) => {
    const top = entry.reasons[0];
    const name = entry.candidate.name;
    return {
      entry,
      top,
      rank: top ? rank(top) : 0,
      urgency: top ? top.urgency : 0,
      name,
      plain: PLAIN_NAME.test(name) ? name.toLowerCase() : null,
    };
  });
  keyed.sort((a, b) => {
    if (a.top && b.top) {
      const byReason = a.rank - b.rank || b.urgency - a.urgency;
      if (byReason !== 0) return byReason;
    }
    const byName =
      a.plain !== null && b.plain !== null
        ? a.plain < b.plain
          ? -1
          : a.plain > b.plain
            ? 1
            : 0
        : byNameCollator.compare(a.name, b.name);
    return byName || a.entry.candidate.id - b.entry.candidate.id;
  });
  return keyed.map((key) => key.entry);
}

function runnerUpOf(candidate: WorldCandidate): DigestEntry['runnerUp'] {
  const runnerUps = candidate.outcomes.filter((outcome) => outcome.stage === 'runner_up');
  const latest = runnerUps.sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
  return latest ? { openingTitle: latest.openingTitle, client: latest.client, decidedAt: latest.decidedAt } : null;
}

function optOutToConfirm(candidate: WorldCandidate): OptOutToConfirm | null {
  const optOut = candidate.optOut;
  if (candidate.status !== 'do_not_contact' || !optOut) return null;
  const mail = optOut.mail ? { at: optOut.mail.at, subject: optOut.mail.subject, snippet: optOut.mail.snippet } : null;
  return {
    candidate: candidateRef(candidate),
    detectedAt: optOut.detectedAt,
    previousStatus: optOut.previousStatus,
    mail,
  };
}

function coachingFor(
  world: DigestWorldBase,
  refs: ReadonlyMap<number, DigestCandidate>,
  recruiter: WorldRecruiter,
  now: Date,
): CoachingNote[] {
  return world.promiseFlags
    .filter(
      ({ mail }) => mail.recruiterId === recruiter.id && mail.kind === 'personal' && mail.direction === 'outbound',
    )
    .filter(({ mail }) => mail.at.getTime() <= now.getTime() && now.getTime() - mail.at.getTime() <= COACHING_WINDOW_MS)
    .sort((a, b) => b.mail.at.getTime() - a.mail.at.getTime())
    .map((flag) => {
      const candidate = refs.get(flag.candidateId) ?? { id: flag.candidateId, name: flag.candidateName, email: null };
      return { code: 'promise_flag', candidate, subject: flag.mail.subject, phrase: flag.phrase, at: flag.mail.at };
    });
}

/** The world without its candidates: what every recruiter's digest shares. */
export type DigestWorldBase = Omit<DigestWorld, 'candidates'>;

/** One recruiter's digest, built from their candidates handed over one at a time. */
export interface DigestBuilder {
  add(candidate: WorldCandidate): void;
  finish(): Digest;
}

/**
 * Builds `recruiter`'s digest from the candidates whose digest it is (see ownerOf), keeping only what the
 * digest lists, so a caller can read candidates one by one and let each go (at 100,000 candidates the
 * whole library does not need to be in memory). `known` names candidates outside the recruiter's own, for
 * coaching notes about them.
 */
export function createDigestBuilder(
  world: DigestWorldBase,
  recruiter: WorldRecruiter,
  openings: readonly MatchableOpening[],
  options: DigestOptions,
  known: (id: number) => WorldCandidate | undefined = () => undefined,
): DigestBuilder {
  const { now, rules } = options;
  const zone = recruiter.timezone;
  // Openings too old (or not yet open) for this recruiter's calendar are dropped once, not per candidate.
  const fresh = openings.filter(({ opening }) => {
    const age = calendarDaysBetween(opening.openedAt, now, zone);
    return (
      opening.status === 'open' && opening.openedAt.getTime() <= now.getTime() && age <= rules.openingMatchMaxAgeDays
    );
  });
  const ctx: RuleContext = { now, zone, rules, openings: fresh };
  const flagged = new Set(world.promiseFlags.map((flag) => flag.candidateId));
  const refs = new Map<number, DigestCandidate>();
  const entries: DigestEntry[] = [];
  const optOuts: OptOutToConfirm[] = [];
  const comingUp: ComingUpEntry[] = [];
  return {
    add(candidate) {
      if (flagged.has(candidate.id)) refs.set(candidate.id, candidateRef(candidate));
      const optOut = optOutToConfirm(candidate);
      if (optOut) optOuts.push(optOut);
      const reasons = exclusionOf(candidate, now) ? [] : reasonsFor(candidate, ctx);
      if (reasons.length > 0) {
        entries.push({
          candidate: candidateRef(candidate),
          runnerUp: runnerUpOf(candidate),
          reasons,
          lastContact: lastContactOf(candidate.contact),
        });
        return;
      }
      const upcoming = comingUpEntryFor(candidate, ctx);
      if (upcoming) comingUp.push(upcoming);
    },
    finish() {
      for (const id of flagged) {
        const other = refs.has(id) ? undefined : known(id);
        if (other) refs.set(id, candidateRef(other));
      }
      return {
        recruiter: { id: recruiter.id, name: recruiter.name, email: recruiter.email, timezone: recruiter.timezone },
        at: now,
        entries: sortEntries(entries),
        confirmOptOut: optOuts.sort((a, b) => b.detectedAt.getTime() - a.detectedAt.getTime()),
        coaching: coachingFor(world, refs, recruiter, now),
        comingUp: comingUp.sort(compareComingUp),
        health: healthFor(world, recruiter, options),
      };
    },
  };
}

/** One digest per recruiter (all of them, or only `recruiterId`), in the world's recruiter order. */
export function computeDigests(world: DigestWorld, options: DigestOptions & { recruiterId?: number }): Digest[] {
  return [...digestsOf(world, options)];
}

/**
 * The same digests, each computed when it is asked for, so a caller that prints or sends them one by one
 * never holds every recruiter's digest at once (at 100,000 candidates, most of them are listed somewhere).
 */
export function* digestsOf(world: DigestWorld, options: DigestOptions & { recruiterId?: number }): Generator<Digest> {
  const sole = soleRecruiterOf(world.recruiters);
  const openings = prepareOpenings(world.openings);
  const byId = new Map(world.candidates.map((candidate) => [candidate.id, candidate]));
  for (const recruiter of world.recruiters) {
    if (options.recruiterId !== undefined && recruiter.id !== options.recruiterId) continue;
    const builder = createDigestBuilder(world, recruiter, openings, options, (id) => byId.get(id));
    for (const candidate of world.candidates) if (ownerOf(candidate, sole) === recruiter.id) builder.add(candidate);
    yield builder.finish();
  }
}
