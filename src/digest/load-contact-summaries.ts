// Per-candidate contact summaries computed in SQL: one pass over interactions for the latest mail of each
// kind, then index lookups (candidate_id, occurred_at) for the rows themselves. This keeps the digest at
// one scan for a million interactions instead of loading them all. The meaning is contact-summary.ts's.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Direction, InteractionKind } from '../db/schema.js';
import type { ContactSummary, MailRef } from './digest-world.js';

interface SlotRow {
  candidate_id: number;
  last_in: string | null;
  last_out: string | null;
  last_bounce: string | null;
  last_personal_recruiter: string | null;
  last_any_recruiter: string | null;
  unanswered_count: number | null;
  first_unanswered: string | null;
  id: number;
  occurred_at: string;
  direction: Direction;
  kind: InteractionKind;
  subject: string;
  recruiter_id: number | null;
}

type Row = Pick<SlotRow, 'id' | 'occurred_at' | 'direction' | 'kind' | 'subject' | 'recruiter_id'>;

/** Which row fills which slot: the latest at that time (highest id on a tie), or the earliest for `first`. */
const SLOTS = {
  lastInbound: { at: 'last_in', keep: (r: Row) => r.kind === 'personal' && r.direction === 'inbound', earliest: false },
  lastOutbound: { at: 'last_out', keep: (r: Row) => r.kind === 'personal' && r.direction === 'outbound', earliest: false },
  lastBounce: { at: 'last_bounce', keep: (r: Row) => r.kind === 'bounce', earliest: false },
  personalRecruiter: { at: 'last_personal_recruiter', keep: (r: Row) => r.kind === 'personal' && r.recruiter_id !== null, earliest: false },
  anyRecruiter: { at: 'last_any_recruiter', keep: (r: Row) => r.recruiter_id !== null, earliest: false },
  firstUnanswered: { at: 'first_unanswered', keep: (r: Row) => r.kind === 'personal' && r.direction === 'outbound', earliest: true },
} as const;
type Slot = keyof typeof SLOTS;

const ref = (row: Row | undefined): MailRef | null =>
  row
    ? { interactionId: row.id, at: new Date(row.occurred_at), subject: row.subject, direction: row.direction, recruiterId: row.recruiter_id }
    : null;

/**
 * Contact summaries for the candidates `scope` selects (a subquery of candidate ids), counting only mail up
 * to `now`. Candidates with no mail get no entry.
 */
export async function loadContactSummaries(
  db: Kysely<Database>,
  scope: RawBuilder<unknown>,
  now: string,
): Promise<Map<number, ContactSummary>> {
  const { rows } = await sql<SlotRow>`
    with agg as (
      select i.candidate_id,
        max(case when i.kind = 'personal' and i.direction = 'inbound' then i.occurred_at end) as last_in,
        max(case when i.kind = 'personal' and i.direction = 'outbound' then i.occurred_at end) as last_out,
        max(case when i.kind = 'bounce' then i.occurred_at end) as last_bounce,
        max(case when i.kind = 'personal' and i.recruiter_id is not null then i.occurred_at end) as last_personal_recruiter,
        max(case when i.recruiter_id is not null then i.occurred_at end) as last_any_recruiter
      from interactions i
      where i.occurred_at <= ${now} and i.candidate_id in (${scope})
      group by i.candidate_id
    ),
    unanswered as (
      select i.candidate_id, count(*) as unanswered_count, min(i.occurred_at) as first_unanswered
      from interactions i join agg a on a.candidate_id = i.candidate_id
      where i.kind = 'personal' and i.direction = 'outbound' and i.occurred_at <= ${now}
        and (a.last_in is null or i.occurred_at > a.last_in)
      group by i.candidate_id
    ),
    slots as (
      select a.*, u.unanswered_count, u.first_unanswered
      from agg a left join unanswered u on u.candidate_id = a.candidate_id
    )
    select s.*, i.id, i.occurred_at, i.direction, i.kind, i.subject, i.recruiter_id
    from slots s join interactions i on i.candidate_id = s.candidate_id
      and i.occurred_at in (s.last_in, s.last_out, s.last_bounce, s.last_personal_recruiter, s.last_any_recruiter, s.first_unanswered)
  `.execute(db);

  const picked = new Map<number, { slots: SlotRow; rows: Partial<Record<Slot, Row>> }>();
  for (const row of rows) {
    const entry = picked.get(row.candidate_id) ?? { slots: row, rows: {} };
    picked.set(row.candidate_id, entry);
    for (const [slot, rule] of Object.entries(SLOTS) as [Slot, (typeof SLOTS)[Slot]][]) {
      if (row[rule.at] !== row.occurred_at || !rule.keep(row)) continue;
      const current = entry.rows[slot];
      if (!current || (rule.earliest ? row.id < current.id : row.id > current.id)) entry.rows[slot] = row;
    }
  }

  const summaries = new Map<number, ContactSummary>();
  for (const [candidateId, { slots, rows: chosen }] of picked) {
    const first = ref(chosen.firstUnanswered);
    summaries.set(candidateId, {
      lastInbound: ref(chosen.lastInbound),
      lastOutbound: ref(chosen.lastOutbound),
      outboundSinceInbound: first && slots.unanswered_count ? { count: Number(slots.unanswered_count), first } : null,
      lastBounce: ref(chosen.lastBounce),
      latestRecruiterId: (chosen.personalRecruiter ?? chosen.anyRecruiter)?.recruiter_id ?? null,
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
