// Per-candidate contact summaries for the digest, read from the table triggers keep (migration 0004), so
// the digest never loads every interaction. A mail reference is "time, id, recruiter, direction, subject"
// packed in one string, so max() over them picks the latest mail (the highest id on a tie) and brings its
// fields back without a second lookup. The meaning is contact-summary.ts's; a loader test checks the two
// agree. SQLite SQL (char(), negative substr()).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Direction } from '../db/schema.js';
import type { ContactSummary, MailRef } from './digest-world.js';

// Unit separator: sorts below every character a timestamp holds, so packed strings sort by time, then id.
const SEP = '\x1f';
const packed = (extra = sql`i.subject`) =>
  sql`i.occurred_at || char(31) || substr('000000000000' || i.id, -12) || char(31) || coalesce(i.recruiter_id, '') || char(31) || i.direction || char(31) || ${extra}`;
const timeOf = (column: string) => sql.raw(`substr(${column}, 1, instr(${column}, char(31)) - 1)`);

interface SummaryRow {
  candidate_id: number;
  last_in: string | null;
  last_out: string | null;
  last_bounce: string | null;
  unanswered: number | null;
  first_unanswered: string | null;
}

interface RecruiterRow {
  candidate_id: number;
  personal: string | null;
  any: string | null;
}

/** Reads "time, id, recruiter, direction, subject" back; the subject may itself hold the separator. */
function unpack(value: string | null): MailRef | null {
  if (!value) return null;
  // By position rather than split(): the digest reads three of these per candidate, and split's arrays
  // were garbage the collector then had to sweep for each of 100,000 candidates.
  const idStart = value.indexOf(SEP) + 1;
  const recruiterStart = value.indexOf(SEP, idStart) + 1;
  const directionStart = value.indexOf(SEP, recruiterStart) + 1;
  const subjectStart = value.indexOf(SEP, directionStart) + 1;
  if (idStart === 0 || recruiterStart === 0 || directionStart === 0 || subjectStart === 0) return null;
  return {
    interactionId: Number(value.slice(idStart, recruiterStart - 1)),
    at: new Date(value.slice(0, idStart - 1)),
    subject: value.slice(subjectStart),
    direction: value.slice(directionStart, subjectStart - 1) as Direction,
    recruiterId: recruiterStart + 1 === directionStart ? null : Number(value.slice(recruiterStart, directionStart - 1)),
  };
}

/** candidate_contact's columns as the loader selects them (see `STORED_CONTACT_COLUMNS`). */
export type StoredContact = [
  lastIn: string | null,
  lastOut: string | null,
  lastBounce: string | null,
  unanswered: number | null,
  firstUnanswered: string | null,
  latestRecruiterId: number | null,
];

/** Selects a StoredContact from candidate_digest aliased `d` (all null for a candidate with no mail). */
export const STORED_CONTACT_COLUMNS = sql`d.last_in, d.last_out, d.last_bounce, d.unanswered, d.first_unanswered, d.latest_recruiter_id`;

/**
 * A summary from candidate_digest, the table triggers keep over all of a candidate's mail (migration
 * 0004): exact for a candidate with no mail dated after the digest's `now` (see `candidatesWithMailAfter`).
 * The fallback owner is kept only for a candidate without an owner, as the rules use it.
 */
export function contactFromStored(stored: StoredContact, hasOwner: boolean): ContactSummary {
  const [lastIn, lastOut, lastBounce, unanswered, firstUnanswered, latestRecruiterId] = stored;
  if (lastIn === null && lastOut === null && lastBounce === null && latestRecruiterId === null) return NO_CONTACT;
  const first = unpack(firstUnanswered);
  return {
    lastInbound: unpack(lastIn),
    lastOutbound: unpack(lastOut),
    outboundSinceInbound: first && unanswered ? { count: unanswered, first } : null,
    lastBounce: unpack(lastBounce),
    latestRecruiterId: hasOwner ? null : latestRecruiterId,
  };
}

/** Candidates with mail dated after `now` (a replay with --at, or a Date header a little in the future). */
export const candidatesWithMailAfter = (now: string): RawBuilder<unknown> =>
  // No DISTINCT: it would make SQLite scan the (candidate_id, occurred_at) index instead of seeking by time.
  sql`select candidate_id from interactions where occurred_at > ${now}`;

/**
 * Summaries of the candidates that `scope` (a condition on `candidates c`) selects and that have mail after
 * `now`, computed from their interactions up to `now`, for which the stored summary would count too much.
 * Usually none or a handful.
 */
export async function loadReplayedContacts(
  db: Kysely<Database>,
  scope: RawBuilder<unknown>,
  now: string,
): Promise<Map<number, ContactSummary>> {
  // From the (usually no) mail after `now` to its candidates, and no DISTINCT: with `in (scope)` or DISTINCT
  // SQLite walked the (candidate_id, occurred_at) index over all 1,000,000 interactions, 85-100 ms at 100,000
  // candidates for every digest (the weekly sender makes one per recruiter); this seeks by time (< 1 ms).
  const { rows } = await sql<{ candidate_id: number }>`
    select m.candidate_id from (${candidatesWithMailAfter(now)}) m join candidates c on c.id = m.candidate_id where ${scope}`.execute(
    db,
  );
  if (rows.length === 0) return new Map();
  const ids = [...new Set(rows.map((row) => row.candidate_id))];
  const summaries = await summariseUpTo(db, sql`select value from json_each(${JSON.stringify(ids)})`, now);
  // Someone whose every mail is after `now` had no contact yet, as of then.
  return new Map(ids.map((id) => [id, summaries.get(id) ?? NO_CONTACT]));
}

/** The same summaries computed from the interactions themselves, counting only mail up to `now`. */
async function summariseUpTo(
  db: Kysely<Database>,
  scope: RawBuilder<unknown>,
  now: string,
): Promise<Map<number, ContactSummary>> {
  const { rows } = await sql<SummaryRow>`
    with agg as materialized (
      select i.candidate_id,
        max(case when i.kind = 'personal' and i.direction = 'inbound' then ${packed()} end) as last_in,
        max(case when i.kind = 'personal' and i.direction = 'outbound' then ${packed()} end) as last_out,
        max(case when i.kind = 'bounce' then ${packed()} end) as last_bounce
      from interactions i
      where i.occurred_at <= ${now} and i.candidate_id in (${scope})
      group by i.candidate_id
    ),
    unanswered as materialized (
      select a.candidate_id, count(*) as unanswered, min(${packed()}) as first_unanswered
      from agg a cross join interactions i
      where a.last_out > coalesce(a.last_in, '')
        and i.candidate_id = a.candidate_id and i.occurred_at > coalesce(${timeOf('a.last_in')}, '') and i.occurred_at <= ${now}
        and i.kind = 'personal' and i.direction = 'outbound'
      group by a.candidate_id
    )
    select s.candidate_id, s.last_in, s.last_out, s.last_bounce, u.unanswered, u.first_unanswered
    from agg s left join unanswered u on u.candidate_id = s.candidate_id
  `.execute(db);
  if (rows.length === 0) return new Map();

  const recruiters = await sql<RecruiterRow>`
    select i.candidate_id,
      max(case when i.kind = 'personal' then ${packed(sql`''`)} end) as personal,
      max(${packed(sql`''`)}) as any
    from interactions i
    where i.recruiter_id is not null and i.occurred_at <= ${now}
      and i.candidate_id in (select id from candidates where owner_recruiter_id is null and id in (${scope}))
    group by i.candidate_id
  `.execute(db);
  const fallbackOwner = new Map(
    recruiters.rows.map((row) => [row.candidate_id, unpack(row.personal ?? row.any)?.recruiterId ?? null]),
  );

  const summaries = new Map<number, ContactSummary>();
  for (const row of rows) {
    const first = unpack(row.first_unanswered);
    summaries.set(row.candidate_id, {
      lastInbound: unpack(row.last_in),
      lastOutbound: unpack(row.last_out),
      outboundSinceInbound: first && row.unanswered ? { count: Number(row.unanswered), first } : null,
      lastBounce: unpack(row.last_bounce),
      latestRecruiterId: fallbackOwner.get(row.candidate_id) ?? null,
    });
  }
  return summaries;
}

export const NO_CONTACT: ContactSummary = Object.freeze({
  lastInbound: null,
  lastOutbound: null,
  outboundSinceInbound: null,
  lastBounce: null,
  latestRecruiterId: null,
});
