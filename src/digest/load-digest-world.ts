// Reads the library into a DigestWorld: the adapter between SQLite and the pure digest core. It reads only
// what the rules can use (recent signals, recent open openings and the skills they ask for, one contact
// summary per candidate computed in SQL), so a large library still fits in one quick pass.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rulesSchema, type MailboxConfig, type RulesConfig } from '../config/config-schema.js';
import type { CandidateStatus, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { safeZone } from './calendar.js';
import type { DigestWorld, WorldCandidate, WorldMailboxFolder, WorldOptOut } from './digest-world.js';
import { loadContactSummaries, NO_CONTACT } from './load-contact-summaries.js';
import { loadRecentSignals } from './load-recent-signals.js';
import { readLibraryDate, readTimestamp } from './library-dates.js';

export interface LoadDigestWorldOptions {
  now: Date;
  /** Read only what this recruiter's digest needs (their candidates and the unowned ones). */
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

export async function loadDigestWorld(db: Kysely<Database>, options: LoadDigestWorldOptions): Promise<DigestWorld> {
  const rules = options.rules ?? rulesSchema.parse({});
  const agencyZone = safeZone(options.timezone ?? 'UTC');
  const now = options.now.toISOString();
  const daysAgo = (days: number): string => new Date(options.now.getTime() - (days + SLACK_DAYS) * DAY_MS).toISOString();
  const date = (value: string | null): Date | null => readLibraryDate(value, agencyZone);

  const recruiterRows = await db.selectFrom('recruiters').select(['id', 'name', 'email', 'timezone']).orderBy('id').execute();
  const aliasRows = await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).execute();
  const byAddress = new Map<string, number>();
  for (const r of recruiterRows) byAddress.set(addressKey(r.email) ?? r.email.toLowerCase(), r.id);
  for (const a of aliasRows) byAddress.set(addressKey(a.email) ?? a.email.toLowerCase(), a.recruiter_id);
  const recruiterOf = (m: { role: string; recruiter?: string | undefined } | undefined): number | null =>
    m?.role === 'recruiter' && m.recruiter ? (byAddress.get(addressKey(m.recruiter) ?? m.recruiter.toLowerCase()) ?? null) : null;

  const configured = options.mailboxes;
  const logMailboxes = (configured ?? []).filter((m) => m.role === 'log').map((m) => m.name);
  const ownMailbox = new Set((configured ?? []).map(recruiterOf).filter((id) => id !== null));

  // Candidates who can appear: not archived; opted out only while awaiting confirmation.
  const owner = options.recruiterId;
  const scope: RawBuilder<unknown> = sql`select id from candidates
    where status <> 'archived' and (status <> 'do_not_contact' or opt_out_detected_at is not null)
    ${owner === undefined ? sql`` : sql`and (owner_recruiter_id = ${owner} or owner_recruiter_id is null)`}`;
  const inScope = sql<boolean>`candidate_id in (${scope})`;

  const candidateRows = await db
    .selectFrom('candidates')
    .select(['id', 'name', 'status', 'cadence_days', 'snoozed_until', 'owner_recruiter_id', 'created_at', 'opt_out_interaction_id', 'opt_out_detected_at', 'previous_status'])
    .where(sql<boolean>`id in (${scope})`)
    .orderBy('id')
    .execute();
  const emailRows = await db
    .selectFrom('candidate_emails')
    .select(['candidate_id', 'email', 'is_primary', 'bouncing_since'])
    .where(inScope)
    .orderBy('candidate_id')
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  const outcomeRows = await db
    .selectFrom('outcomes')
    .innerJoin('openings', 'openings.id', 'outcomes.opening_id')
    .select(['outcomes.candidate_id', 'outcomes.opening_id', 'openings.title', 'openings.client', 'outcomes.stage', 'outcomes.decided_at', 'outcomes.feedback_notes'])
    .where(sql<boolean>`outcomes.candidate_id in (${scope})`)
    .execute();

  // Only open openings young enough to match, and only the candidate skills they ask for.
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
    openingIds.length === 0 ? [] : await db.selectFrom('opening_skills').select(['opening_id', 'skill', 'skill_key']).where('opening_id', 'in', openingIds).execute();
  const wantedSkills = [...new Set(openingSkillRows.map((s) => s.skill_key))];
  // By skill first (indexed); candidates out of scope are simply not looked up below.
  const skillRows =
    wantedSkills.length === 0
      ? []
      : await db.selectFrom('candidate_skills').select(['candidate_id', 'skill']).where('skill_key', 'in', wantedSkills).execute();

  const contacts = await loadContactSummaries(db, scope, now, { narrow: owner !== undefined });
  const signals = await loadRecentSignals(db, { since: daysAgo(Math.max(rules.lifeEventDays, 7)), now });

  const optOutIds = candidateRows.flatMap((c) => (c.status === 'do_not_contact' && c.opt_out_interaction_id !== null ? [c.opt_out_interaction_id] : []));
  const optOutMails = new Map(
    (optOutIds.length === 0
      ? []
      : await db.selectFrom('interactions').select(['id', 'occurred_at', 'subject', 'snippet', 'direction', 'recruiter_id']).where('id', 'in', optOutIds).execute()
    ).map((m) => [m.id, m]),
  );

  const group = <T extends { candidate_id: number }>(rows: readonly T[]): Map<number, T[]> => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.candidate_id);
      if (list) list.push(row);
      else map.set(row.candidate_id, [row]);
    }
    return map;
  };
  const emails = group(emailRows);
  const outcomes = group(outcomeRows);
  const skills = group(skillRows);

  const candidates = candidateRows.map((c): WorldCandidate => {
    let optOut: WorldOptOut | null = null;
    if (c.status === 'do_not_contact' && c.opt_out_detected_at) {
      const mail = c.opt_out_interaction_id === null ? undefined : optOutMails.get(c.opt_out_interaction_id);
      optOut = {
        detectedAt: new Date(c.opt_out_detected_at),
        previousStatus: c.previous_status as CandidateStatus | null,
        mail: mail
          ? { interactionId: mail.id, at: new Date(mail.occurred_at), subject: mail.subject, snippet: mail.snippet, direction: mail.direction, recruiterId: mail.recruiter_id }
          : null,
      };
    }
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      cadenceDays: c.cadence_days,
      snoozedUntil: date(c.snoozed_until),
      ownerRecruiterId: c.owner_recruiter_id,
      createdAt: new Date(c.created_at),
      emails: (emails.get(c.id) ?? []).map((e) => ({ email: e.email, isPrimary: e.is_primary === 1, bouncingSince: readTimestamp(e.bouncing_since) })),
      skills: (skills.get(c.id) ?? []).map((s) => s.skill),
      outcomes: (outcomes.get(c.id) ?? []).map((o) => ({
        openingId: o.opening_id, openingTitle: o.title, client: o.client, stage: o.stage, decidedAt: date(o.decided_at), feedbackNotes: o.feedback_notes,
      })),
      contact: contacts.get(c.id) ?? NO_CONTACT,
      lifeEvents: signals.lifeEvents.get(c.id) ?? [],
      optOut,
    };
  });

  const logCopies = await loadLastLogCopies(db, logMailboxes, daysAgo(rules.silentRecruiterDays), now);
  const positions = await db.selectFrom('mailbox_positions').select(['mailbox', 'folder', 'last_success_at', 'last_error', 'last_error_at']).execute();
  const mailboxes: WorldMailboxFolder[] = [];
  const known = new Map((configured ?? []).map((m) => [m.name, m]));
  for (const p of positions) {
    const config = known.get(p.mailbox);
    if (configured && !config) continue; // a mailbox removed from the config is not a problem to report
    mailboxes.push({
      mailbox: p.mailbox, folder: p.folder, role: config?.role ?? null,
      recruiterId: recruiterOf(config),
      lastSuccessAt: readTimestamp(p.last_success_at), lastError: p.last_error, lastErrorAt: readTimestamp(p.last_error_at),
    });
  }
  for (const m of configured ?? []) {
    if (positions.some((p) => p.mailbox === m.name)) continue;
    mailboxes.push({ mailbox: m.name, folder: '*', role: m.role, recruiterId: recruiterOf(m), lastSuccessAt: null, lastError: null, lastErrorAt: null });
  }

  return {
    recruiters: recruiterRows.map((r) => ({
      id: r.id, name: r.name, email: r.email,
      timezone: r.timezone ? safeZone(r.timezone) : agencyZone,
      lastLogCopyAt: logCopies.get(r.id) ?? null,
      hasOwnMailbox: ownMailbox.has(r.id),
    })),
    candidates,
    openings: openingRows.map((o) => ({
      id: o.id, title: o.title, client: o.client, status: o.status, openedAt: date(o.opened_at) ?? new Date(o.opened_at),
      skills: openingSkillRows.filter((s) => s.opening_id === o.id).map((s) => s.skill),
    })),
    mailboxes,
    promiseFlags: signals.promiseFlags,
    hasLogMailbox: logMailboxes.length > 0,
    logAddress: options.logAddress ?? null,
  };
}

/** Each recruiter's latest outbound mail seen in a log mailbox since `since`: their BCC/CC habit. */
async function loadLastLogCopies(db: Kysely<Database>, logMailboxes: readonly string[], since: string, now: string): Promise<Map<number, Date>> {
  if (logMailboxes.length === 0) return new Map();
  const rows = await db
    .selectFrom('interactions as i')
    .select(['i.recruiter_id', (eb) => eb.fn.max('i.occurred_at').as('last_at')])
    .where('i.direction', '=', 'outbound')
    .where('i.recruiter_id', 'is not', null)
    .where('i.occurred_at', '>', since)
    .where('i.occurred_at', '<=', now)
    .where((eb) => eb.exists(eb.selectFrom('interaction_sources as s').select('s.id').whereRef('s.interaction_id', '=', 'i.id').where('s.mailbox', 'in', logMailboxes)))
    .groupBy('i.recruiter_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.recruiter_id === null || !r.last_at ? [] : [[r.recruiter_id, new Date(r.last_at)]])));
}
