// Reads the library into a DigestWorld: the adapter between SQLite and the pure digest core. It reads only
// what the rules can use (recent signals, recent open openings and the skills they ask for, one contact
// summary per candidate computed in SQL), so a large library still fits in one quick pass.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rulesSchema, type MailboxConfig, type RulesConfig } from '../config/config-schema.js';
import type { CandidateStatus, Database, OutcomeStage } from '../db/schema.js';
import { forEachRow, readRows } from '../db/read-rows.js';
import { addressKey } from '../core/email-address.js';
import { skillKey } from '../core/library-fields.js';
import { safeZone } from './calendar.js';
import type { DigestWorld, WorldCandidate, WorldCandidateEmail, WorldMailboxFolder, WorldOptOut, WorldOutcome } from './digest-world.js';
import { contactFromStored, loadReplayedContacts, STORED_CONTACT_COLUMNS, type StoredContact } from './load-contact-summaries.js';
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
const US = '\x1f';
const RS = '\x1e';
const NO_SKILLS: readonly string[] = Object.freeze([]);

type CandidateRow = [
  id: number, name: string, status: CandidateStatus, cadenceDays: number | null, snoozedUntil: string | null,
  ownerRecruiterId: number | null, createdAt: string, optOutInteractionId: number | null, optOutDetectedAt: string | null,
  previousStatus: string | null, ...contact: StoredContact, emails: string | null, skills: string | null,
];
type OutcomeRow = [
  candidateId: number, openingId: number, title: string, client: string, stage: OutcomeStage, decidedAt: string | null, feedbackNotes: string | null,
];

/** "email US is_primary US bouncing_since" joined by RS, primary first (see the candidate query). */
function readEmails(packed: string | null): WorldCandidateEmail[] {
  if (packed === null) return [];
  return packed.split(RS).map((entry) => {
    const [email = '', primary, bouncing = ''] = entry.split(US);
    return { email, isPrimary: primary === '1', bouncingSince: readTimestamp(bouncing || null) };
  });
}
// Calendar days in a recruiter's zone can reach a day further back than 24-hour days from `now`.
const SLACK_DAYS = 2;

export async function loadDigestWorld(db: Kysely<Database>, options: LoadDigestWorldOptions): Promise<DigestWorld> {
  const rules = options.rules ?? rulesSchema.parse({});
  const agencyZone = safeZone(options.timezone ?? 'UTC');
  const now = options.now.toISOString();
  const daysAgo = (days: number): string => new Date(options.now.getTime() - (days + SLACK_DAYS) * DAY_MS).toISOString();
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
  const scopeWhere = sql`c.status <> 'archived' and (c.status <> 'do_not_contact' or c.opt_out_detected_at is not null)
    ${owner === undefined ? sql`` : sql`and (c.owner_recruiter_id = ${owner} or c.owner_recruiter_id is null)`}`;
  const scope: RawBuilder<unknown> = sql`select c.id from candidates c where ${scopeWhere}`;

  // Only open openings young enough to match (candidates' skills are read only when there are some).
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

  const outcomeRows = (await readRows(
    db,
    sql`select o.candidate_id, o.opening_id, p.title, p.client, o.stage, o.decided_at, o.feedback_notes
      from outcomes o join openings p on p.id = o.opening_id
      where o.candidate_id in (${scope})`,
  )) as OutcomeRow[];
  const replayed = await loadReplayedContacts(db, scope, now);
  const signals = await loadRecentSignals(db, { since: daysAgo(Math.max(rules.lifeEventDays, 7)), now });
  const optOutMails = new Map(
    (
      await db
        .selectFrom('interactions')
        .select(['id', 'occurred_at', 'subject', 'snippet', 'direction', 'recruiter_id'])
        .where('id', 'in', sql<number>`(select c.opt_out_interaction_id from candidates c where c.status = 'do_not_contact' and ${scopeWhere})`)
        .execute()
    ).map((m) => [m.id, m]),
  );

  // Only the skills some fresh opening asks for: the rest can match nothing this week.
  const wanted = new Set(openingSkillRows.map((s) => s.skill_key));
  const keys = new Map<string, string>();
  const readWantedSkills = (packed: string | null): readonly string[] => {
    if (packed === null || wanted.size === 0) return NO_SKILLS;
    const skills = packed.split(US).filter((skill) => {
      let key = keys.get(skill);
      if (key === undefined) keys.set(skill, (key = skillKey(skill)));
      return wanted.has(key);
    });
    return skills.length === 0 ? NO_SKILLS : skills;
  };

  const outcomes = new Map<number, WorldOutcome[]>();
  for (const [candidateId, openingId, openingTitle, client, stage, decidedAt, feedbackNotes] of outcomeRows) {
    const outcome: WorldOutcome = { openingId, openingTitle, client, stage, decidedAt: date(decidedAt), feedbackNotes };
    const list = outcomes.get(candidateId);
    if (list) list.push(outcome);
    else outcomes.set(candidateId, [outcome]);
  }

  const toCandidate = (row: CandidateRow): WorldCandidate => {
    const [id, name, status, cadenceDays, snoozedUntil, ownerRecruiterId, createdAt, optOutInteractionId, optOutDetectedAt, previousStatus] = row;
    let optOut: WorldOptOut | null = null;
    if (status === 'do_not_contact' && optOutDetectedAt) {
      const mail = optOutInteractionId === null ? undefined : optOutMails.get(optOutInteractionId);
      optOut = {
        detectedAt: new Date(optOutDetectedAt),
        previousStatus: previousStatus as CandidateStatus | null,
        mail: mail
          ? { interactionId: mail.id, at: new Date(mail.occurred_at), subject: mail.subject, snippet: mail.snippet, direction: mail.direction, recruiterId: mail.recruiter_id }
          : null,
      };
    }
    const stored = row.slice(10, 16) as StoredContact;
    return {
      id, name, status, cadenceDays, ownerRecruiterId, optOut,
      snoozedUntil: date(snoozedUntil),
      createdAt: new Date(createdAt),
      emails: readEmails(row[16]),
      skills: readWantedSkills(row[17]),
      outcomes: outcomes.get(id) ?? [],
      contact: replayed.get(id) ?? contactFromStored(stored, ownerRecruiterId !== null),
      lifeEvents: signals.lifeEvents.get(id) ?? [],
    };
  };
  // One row per candidate, streamed (forEachRow): the candidate and what triggers keep for the digest
  // (migration 0004): the contact summary, addresses packed "email US is_primary US bouncing_since" joined
  // by RS (primary first), and skills joined by US.
  const candidates: WorldCandidate[] = [];
  await forEachRow(
    db,
    sql`select c.id, c.name, c.status, c.cadence_days, c.snoozed_until, c.owner_recruiter_id, c.created_at,
        c.opt_out_interaction_id, c.opt_out_detected_at, c.previous_status, ${STORED_CONTACT_COLUMNS}, d.emails, d.skills
      from candidates c left join candidate_digest d on d.candidate_id = c.id
      where ${scopeWhere}
      order by c.id`,
    (row) => candidates.push(toCandidate(row as CandidateRow)),
  );

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
        .where((inner) => inner.exists(inner.selectFrom('interaction_sources as s').select('s.id').whereRef('s.interaction_id', '=', 'i.id').where('s.mailbox', 'in', logMailboxes)))
        .orderBy('i.occurred_at', 'desc')
        .limit(1)
        .as('last_at'),
    ])
    .execute();
  return new Map(rows.flatMap((r) => (r.last_at ? [[r.id, new Date(r.last_at)]] : [])));
}
