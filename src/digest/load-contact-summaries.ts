// Per-candidate contact summaries computed in SQL, so the digest never loads every interaction. One grouped
// pass over interactions finds each candidate's latest personal mail each way and latest bounce; each max()
// runs over "time, id, recruiter, direction, subject" packed in one string, so the pass also brings back the row it
// found (the latest time, the highest id on a tie) without a second lookup per candidate. The meaning is
// contact-summary.ts's; a loader test checks the two agree. SQLite SQL (char(), negative substr()).
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
  const [at = '', id = '0', recruiter = '', direction = ''] = value.split(SEP, 4);
  const subjectStart = at.length + id.length + recruiter.length + direction.length + 4;
  return {
    interactionId: Number(id),
    at: new Date(at),
    subject: value.slice(subjectStart),
    direction: direction as Direction,
    recruiterId: recruiter === '' ? null : Number(recruiter),
  };
}

/**
 * Contact summaries for the candidates `scope` selects (a subquery of candidate ids), counting only mail up
 * to `now`. Candidates with no mail get no entry. The fallback owner (latestRecruiterId) is looked up only
 * for candidates without an owner.
 */
export async function loadContactSummaries(
  db: Kysely<Database>,
  scope: RawBuilder<unknown>,
  now: string,
  options: { narrow: boolean },
): Promise<Map<number, ContactSummary>> {
  // A narrow scope (one recruiter's candidates) walks the (candidate_id, occurred_at) index for just those
  // candidates; for everyone, one plain pass over the table is cheaper than that.
  const onlyScope = options.narrow ? sql`and i.candidate_id in (${scope})` : sql``;
  const { rows } = await sql<SummaryRow>`
    with agg as materialized (
      select i.candidate_id,
        max(case when i.kind = 'personal' and i.direction = 'inbound' then ${packed()} end) as last_in,
        max(case when i.kind = 'personal' and i.direction = 'outbound' then ${packed()} end) as last_out,
        max(case when i.kind = 'bounce' then ${packed()} end) as last_bounce
      from interactions i
      where i.occurred_at <= ${now} ${onlyScope}
      group by i.candidate_id
    ),
    scoped as materialized (
      select * from agg where candidate_id in (${scope})
    ),
    unanswered as materialized (
      select a.candidate_id, count(*) as unanswered, min(${packed()}) as first_unanswered
      from scoped a cross join interactions i
      where a.last_out > coalesce(a.last_in, '')
        and i.candidate_id = a.candidate_id and i.occurred_at > coalesce(${timeOf('a.last_in')}, '') and i.occurred_at <= ${now}
        and i.kind = 'personal' and i.direction = 'outbound'
      group by a.candidate_id
    )
    select s.candidate_id, s.last_in, s.last_out, s.last_bounce, u.unanswered, u.first_unanswered
    from scoped s left join unanswered u on u.candidate_id = s.candidate_id
  `.execute(db);

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
