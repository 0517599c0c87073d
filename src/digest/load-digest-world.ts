// Reads the library into a DigestWorld: the adapter between SQLite and the pure digest core. It reads only
// what the rules can use (recent signals, recent open openings, one stored summary row per candidate; see
// load-world-candidates.ts), and for the weekly run it reads one recruiter's candidates at a time, so a
// library of 100,000 people never sits in memory whole.
import type { Kysely } from 'kysely';
import { rulesSchema, type MailboxConfig, type RulesConfig } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { safeZone } from './calendar.js';
import { soleRecruiterOf } from './digest-candidate.js';
import type { DigestWorld, WorldCandidate, WorldMailboxFolder } from './digest-world.js';
import { loadRecentSignals } from './load-recent-signals.js';
import {
  forEachWorldCandidate,
  loadCandidateExtras,
  loadWorldCandidates,
  type CandidateReadContext,
  type CandidateScope,
} from './load-world-candidates.js';
import { readLibraryDate, readTimestamp } from './library-dates.js';

export interface LoadDigestWorldOptions {
  now: Date;
  /** Read only what this recruiter's digest needs (their candidates, and the unowned whose fallback owner they are). */
  recruiterId?: number;
  rules?: RulesConfig;
  /** The agency's time zone (config `timezone`): for recruiters without one, and for dates without a time. */
  timezone?: string;
  /** Configured mailboxes (config `mailboxes`): whose they are, and which are log mailboxes. */
  mailboxes?: readonly Pick<MailboxConfig, 'name' | 'role' | 'recruiter'>[];
  logAddress?: string | null;
}

const DAY_MS = 86_400_000;
// Calendar days in a recruiter's zone can reach a day further back than 24-hour days from `now`.
const SLACK_DAYS = 2;

/** Everything but the candidates, and what reading candidates needs: shared by every recruiter's digest. */
interface DigestBase {
  world: Omit<DigestWorld, 'candidates'>;
  candidates: CandidateReadContext;
}

async function loadDigestBase(db: Kysely<Database>, options: LoadDigestWorldOptions): Promise<DigestBase> {
  const rules = options.rules ?? rulesSchema.parse({});
  const agencyZone = safeZone(options.timezone ?? 'UTC');
  const now = options.now.toISOString();
  const daysAgo = (days: number): string =>
    new Date(options.now.getTime() - (days + SLACK_DAYS) * DAY_MS).toISOString();
  // Decision and snooze dates repeat across thousands of candidates; luxon reads each distinct one once.
  const dates = new Map<string, Date | null>();
  const date = (value: string | null): Date | null => {
    if (value === null) return null;
    let read = dates.get(value);
    if (read === undefined) {
      read = readLibraryDate(value, agencyZone);
      dates.set(value, read);
    }
    return read === null ? null : new Date(read.getTime());
  };

  const recruiterRows = await db
    .selectFrom('recruiters')
    .select(['id', 'name', 'email', 'timezone'])
    .orderBy('id')
    .execute();
  const aliasRows = await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).execute();
  const byAddress = new Map<string, number>();
  for (const r of recruiterRows) byAddress.set(addressKey(r.email) ?? r.email.toLowerCase(), r.id);
  for (const a of aliasRows) byAddress.set(addressKey(a.email) ?? a.email.toLowerCase(), a.recruiter_id);
  const recruiterOf = (m: { role: string; recruiter?: string | undefined } | undefined): number | null =>
    m?.role === 'recruiter' && m.recruiter
      ? (byAddress.get(addressKey(m.recruiter) ?? m.recruiter.toLowerCase()) ?? null)
      : null;

  const configured = options.mailboxes;
  const logMailboxes = (configured ?? []).filter((m) => m.role === 'log').map((m) => m.name);
  const ownMailbox = new Set((configured ?? []).map(recruiterOf).filter((id) => id !== null));

  // Only open openings young enough to match, and the skills they ask for; every opening's name, for outcomes.
  const openingRows = await db
    .selectFrom('openings')
    .select(['id', 'title', 'client', 'status', 'opened_at'])
    .where('status', '=', 'open')
    .where('opened_at', '>', daysAgo(rules.openingMatchMaxAgeDays))
    .where('opened_at', '<=', now)
    .orderBy('opened_at', 'desc')
    .execute();
  const openingIds = openingRows.map((o) => o.id);
  const openingSkillRows =
    openingIds.length === 0
      ? []
      : await db
          .selectFrom('opening_skills')
          .select(['opening_id', 'skill', 'skill_key'])
          .where('opening_id', 'in', openingIds)
          .execute();
  const openingNames = new Map(
    (await db.selectFrom('openings').select(['id', 'title', 'client']).execute()).map((o) => [o.id, o]),
  );
  const signals = await loadRecentSignals(db, { since: daysAgo(Math.max(rules.lifeEventDays, 7)), now });

  const logCopies = await loadLastLogCopies(db, logMailboxes, daysAgo(rules.silentRecruiterDays), now);
  const positions = await db
    .selectFrom('mailbox_positions')
    .select(['mailbox', 'folder', 'last_success_at', 'last_error', 'last_error_at'])
    .execute();
  const mailboxes: WorldMailboxFolder[] = [];
  const known = new Map((configured ?? []).map((m) => [m.name, m]));
  for (const p of positions) {
    const config = known.get(p.mailbox);
    if (configured && !config) continue; // a mailbox removed from the config is not a problem to report
    mailboxes.push({
      mailbox: p.mailbox,
      folder: p.folder,
      role: config?.role ?? null,
      recruiterId: recruiterOf(config),
      lastSuccessAt: readTimestamp(p.last_success_at),
      lastError: p.last_error,
      lastErrorAt: readTimestamp(p.last_error_at),
    });
  }
  for (const m of configured ?? []) {
    if (positions.some((p) => p.mailbox === m.name)) continue;
    mailboxes.push({
      mailbox: m.name,
      folder: '*',
      role: m.role,
      recruiterId: recruiterOf(m),
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
    });
  }

  return {
    world: {
      recruiters: recruiterRows.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        timezone: r.timezone ? safeZone(r.timezone) : agencyZone,
        lastLogCopyAt: logCopies.get(r.id) ?? null,
        hasOwnMailbox: ownMailbox.has(r.id),
      })),
      openings: openingRows.map((o) => ({
        id: o.id,
        title: o.title,
        client: o.client,
        status: o.status,
        openedAt: date(o.opened_at) ?? new Date(o.opened_at),
        skills: openingSkillRows.filter((s) => s.opening_id === o.id).map((s) => s.skill),
      })),
      mailboxes,
      promiseFlags: signals.promiseFlags,
      hasLogMailbox: logMailboxes.length > 0,
      logAddress: options.logAddress ?? null,
    },
    candidates: {
      now,
      date,
      signals,
      openings: openingNames,
      wantedSkills: new Set(openingSkillRows.map((s) => s.skill_key)),
      ...(await loadCandidateExtras(db, now)),
    },
  };
}

const scopeFor = (base: DigestBase, recruiterId: number): CandidateScope => ({
  kind: 'recruiter',
  recruiterId,
  soleRecruiter: soleRecruiterOf(base.world.recruiters) === recruiterId,
});

/** The library as of `now`: everyone who can appear, or (with `recruiterId`) that recruiter's candidates. */
export async function loadDigestWorld(db: Kysely<Database>, options: LoadDigestWorldOptions): Promise<DigestWorld> {
  const base = await loadDigestBase(db, options);
  const scope =
    options.recruiterId === undefined ? ({ kind: 'everyone' } as const) : scopeFor(base, options.recruiterId);
  return { ...base.world, candidates: await loadWorldCandidates(db, base.candidates, scope) };
}

/** The library as the weekly run reads it: what every digest shares, and each recruiter's candidates on demand. */
export interface DigestLibrary {
  world: Omit<DigestWorld, 'candidates'>;
  /** Hands over, one at a time, the candidates whose digest may be this recruiter's (ownerOf decides). */
  forEachCandidateOf(recruiterId: number, visit: (candidate: WorldCandidate) => void): Promise<void>;
}

export async function openDigestLibrary(db: Kysely<Database>, options: LoadDigestWorldOptions): Promise<DigestLibrary> {
  const base = await loadDigestBase(db, options);
  return {
    world: base.world,
    forEachCandidateOf: (recruiterId, visit) =>
      forEachWorldCandidate(db, base.candidates, scopeFor(base, recruiterId), visit),
  };
}

/** Each recruiter's latest outbound mail seen in a log mailbox since `since`: their BCC/CC habit. */
async function loadLastLogCopies(
  db: Kysely<Database>,
  logMailboxes: readonly string[],
  since: string,
  now: string,
): Promise<Map<number, Date>> {
  if (logMailboxes.length === 0) return new Map();
  // Per recruiter, newest first through (recruiter_id, occurred_at): stops at their latest copy instead of
  // reading every recent interaction of the agency.
  const rows = await db
    .selectFrom('recruiters as r')
    .select((eb) => [
      'r.id',
      eb
        .selectFrom('interactions as i')
        .select('i.occurred_at')
        .whereRef('i.recruiter_id', '=', 'r.id')
        .where('i.direction', '=', 'outbound')
        .where('i.occurred_at', '>', since)
        .where('i.occurred_at', '<=', now)
        .where((inner) =>
          inner.exists(
            inner
              .selectFrom('interaction_sources as s')
              .select('s.id')
              .whereRef('s.interaction_id', '=', 'i.id')
              .where('s.mailbox', 'in', logMailboxes),
          ),
        )
        .orderBy('i.occurred_at', 'desc')
        .limit(1)
        .as('last_at'),
    ])
    .execute();
  return new Map(rows.flatMap((r) => (r.last_at ? [[r.id, new Date(r.last_at)]] : [])));
}
