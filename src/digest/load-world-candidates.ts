// Reads candidates for the digest: one row per candidate, streamed as arrays, joined with what triggers keep
// for the digest (migrations 0004 and 0007: the contact summary, addresses, skills and outcomes).
// The caller says which candidates (everyone, or one recruiter's) so a recruiter's digest reads only theirs.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CandidateStatus, Database, OutcomeStage } from '../db/schema.js';
import { forEachRow } from '../db/read-rows.js';
import { skillKey } from '../core/library-fields.js';
import type { ContactSummary } from './digest-world.js';
import type { WorldCandidate, WorldCandidateEmail, WorldOptOut, WorldOutcome } from './digest-world.js';
import {
  candidatesWithMailAfter,
  contactFromStored,
  loadReplayedContacts,
  STORED_CONTACT_COLUMNS,
  type StoredContact,
} from './load-contact-summaries.js';
import type { RecentSignals } from './load-recent-signals.js';
import { readTimestamp } from './library-dates.js';

const US = '\x1f';
const RS = '\x1e';
const NONE: readonly never[] = Object.freeze([]);

/** Which candidates to read: all who can appear, or those whose digest is this recruiter's. */
export type CandidateScope = { kind: 'everyone' } | { kind: 'recruiter'; recruiterId: number; soleRecruiter: boolean };

/** What the candidate reader needs from the rest of the library, read once for every recruiter. */
export interface CandidateReadContext {
  now: string;
  /** A library date field read in the agency's zone (see library-dates.ts). */
  date(value: string | null): Date | null;
  openings: ReadonlyMap<number, { title: string; client: string }>;
  /** Skill keys some fresh opening asks for: other skills can match nothing this week. */
  wantedSkills: ReadonlySet<string>;
  signals: RecentSignals;
  /** Summaries computed up to `now` for candidates with later mail (see loadCandidateExtras). */
  replayed: ReadonlyMap<number, ContactSummary>;
  /** The mail that asked to stop, by interaction id, for opt-outs awaiting confirmation. */
  optOutMails: ReadonlyMap<number, NonNullable<WorldOptOut['mail']>>;
}

type CandidateRow = [
  id: number,
  name: string,
  status: CandidateStatus,
  cadenceDays: number | null,
  snoozedUntil: string | null,
  ownerRecruiterId: number | null,
  createdAt: string,
  optOutInteractionId: number | null,
  optOutDetectedAt: string | null,
  previousStatus: string | null,
  ...contact: StoredContact,
  emails: string | null,
  skills: string | null,
  outcomes: string | null,
];
type StoredOutcome = [openingId: number, stage: OutcomeStage, decidedAt: string | null, feedbackNotes: string | null];

/** Candidates who can appear at all: not archived; opted out only while awaiting confirmation. */
const CAN_APPEAR = sql`c.status <> 'archived' and (c.status <> 'do_not_contact' or c.opt_out_detected_at is not null)`;

function scopeCondition(scope: CandidateScope, now: string): RawBuilder<unknown> {
  if (scope.kind === 'everyone') return CAN_APPEAR;
  const { recruiterId } = scope;
  // Their own; the unowned whose fallback owner (the stored latest recruiter) is them, or everyone unowned
  // in a one-recruiter agency; and anyone with mail after `now`, whose fallback owner as of `now` the
  // stored one may not be (the core's ownerOf decides for those).
  return sql`${CAN_APPEAR} and c.id in (
    select o.id from candidates o where o.owner_recruiter_id = ${recruiterId}
    union all
    select u.id from candidate_digest f join candidates u on u.id = f.candidate_id
      where f.latest_recruiter_id = ${recruiterId} and u.owner_recruiter_id is null
    ${scope.soleRecruiter ? sql`union all select u.id from candidates u where u.owner_recruiter_id is null` : sql``}
    union all ${candidatesWithMailAfter(now)}
  )`;
}

/** The scope's candidates, in id order. */
export async function loadWorldCandidates(
  db: Kysely<Database>,
  context: CandidateReadContext,
  scope: CandidateScope,
): Promise<WorldCandidate[]> {
  const candidates: WorldCandidate[] = [];
  await forEachWorldCandidate(db, context, scope, (candidate) => candidates.push(candidate));
  return candidates;
}

/** Hands the scope's candidates to `visit` one at a time, in id order, as they are read. */
export async function forEachWorldCandidate(
  db: Kysely<Database>,
  context: CandidateReadContext,
  scope: CandidateScope,
  visit: (candidate: WorldCandidate) => void,
): Promise<void> {
  const where = scopeCondition(scope, context.now);
  const { replayed, optOutMails } = context;
  const readSkills = wantedSkillReader(context.wantedSkills);
  await forEachRow(
    db,
    sql`select c.id, c.name, c.status, c.cadence_days, c.snoozed_until, c.owner_recruiter_id, c.created_at,
        c.opt_out_interaction_id, c.opt_out_detected_at, c.previous_status, ${STORED_CONTACT_COLUMNS}, d.emails, d.skills, d.outcomes
      from candidates c left join candidate_digest d on d.candidate_id = c.id
      where ${where}
      order by c.id`,
    (values) => {
      const row = values as CandidateRow;
      const [
        id,
        name,
        status,
        cadenceDays,
        snoozedUntil,
        ownerRecruiterId,
        createdAt,
        optOutInteractionId,
        optOutDetectedAt,
        previousStatus,
      ] = row;
      let optOut: WorldOptOut | null = null;
      if (status === 'do_not_contact' && optOutDetectedAt) {
        const mail = optOutInteractionId === null ? undefined : optOutMails.get(optOutInteractionId);
        optOut = {
          detectedAt: new Date(optOutDetectedAt),
          previousStatus: previousStatus as CandidateStatus | null,
          mail: mail ?? null,
        };
      }
      const contact: ContactSummary =
        replayed.get(id) ?? contactFromStored(row.slice(10, 16) as StoredContact, ownerRecruiterId !== null);
      visit({
        id,
        name,
        status,
        cadenceDays,
        ownerRecruiterId,
        optOut,
        contact,
        snoozedUntil: context.date(snoozedUntil),
        createdAt: new Date(createdAt),
        emails: readEmails(row[16]),
        skills: readSkills(row[17]),
        outcomes: readOutcomes(row[18], context),
        lifeEvents: context.signals.lifeEvents.get(id) ?? NONE,
      });
    },
  );
}

/** "email US is_primary US bouncing_since" joined by RS, primary first (migration 0004). */
function readEmails(packed: string | null): WorldCandidateEmail[] {
  if (packed === null) return [];
  return packed.split(RS).map((entry) => {
    const [email = '', primary, bouncing = ''] = entry.split(US);
    return { email, isPrimary: primary === '1', bouncingSince: readTimestamp(bouncing || null) };
  });
}

/** Skills joined by US (migration 0004), keeping only those some fresh opening asks for. */
function wantedSkillReader(wanted: ReadonlySet<string>): (packed: string | null) => readonly string[] {
  const keys = new Map<string, string>();
  return (packed) => {
    if (packed === null || wanted.size === 0) return NONE;
    const skills = packed.split(US).filter((skill) => {
      let key = keys.get(skill);
      if (key === undefined) keys.set(skill, (key = skillKey(skill)));
      return wanted.has(key);
    });
    return skills.length === 0 ? NONE : skills;
  };
}

/** Outcomes as JSON [opening_id, stage, decided_at, feedback_notes] arrays (migration 0007), null for none. */
function readOutcomes(json: string | null, context: CandidateReadContext): WorldOutcome[] {
  if (json === null) return [];
  return (JSON.parse(json) as StoredOutcome[]).map(([openingId, stage, decidedAt, feedbackNotes]) => {
    const opening = context.openings.get(openingId);
    return {
      openingId,
      openingTitle: opening?.title ?? '',
      client: opening?.client ?? '',
      stage,
      decidedAt: context.date(decidedAt),
      feedbackNotes,
    };
  });
}

/**
 * What candidate rows need beyond their own columns, read once for every recruiter (both are few): the
 * replayed summaries of candidates with mail after `now`, and the mail behind each opt-out awaiting a person.
 */
export async function loadCandidateExtras(
  db: Kysely<Database>,
  now: string,
): Promise<Pick<CandidateReadContext, 'replayed' | 'optOutMails'>> {
  const replayed = await loadReplayedContacts(db, CAN_APPEAR, now);
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'occurred_at', 'subject', 'snippet', 'direction', 'recruiter_id'])
    .where(
      'id',
      'in',
      sql<number>`(select c.opt_out_interaction_id from candidates c where c.status = 'do_not_contact' and c.opt_out_detected_at is not null)`,
    )
    .execute();
  const optOutMails = new Map(
    rows.map((m) => [
      m.id,
      {
        interactionId: m.id,
        at: new Date(m.occurred_at),
        subject: m.subject,
        snippet: m.snippet,
        direction: m.direction,
        recruiterId: m.recruiter_id,
      },
    ]),
  );
  return { replayed, optOutMails };
}
