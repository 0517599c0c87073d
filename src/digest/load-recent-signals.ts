// Signals the digest uses from recent mail: life events (a reason to write) and promise flags (coaching).
// Read only within the longest lookback, since older ones can no longer list anyone. Signals are few, so
// they drive the join (CROSS JOIN fixes that order in SQLite) rather than a range of recent interactions.
import { sql, type Kysely } from 'kysely';
import type { Database, Direction, InteractionKind } from '../db/schema.js';
import type { WorldLifeEvent, WorldPromiseFlag } from './digest-world.js';

interface SignalRow {
  code: string;
  category: string | null;
  text: string;
  interaction_id: number;
  candidate_id: number;
  candidate_name: string;
  occurred_at: string;
  direction: Direction;
  kind: InteractionKind;
  subject: string;
  recruiter_id: number | null;
  has_note: number;
}

export interface RecentSignals {
  lifeEvents: Map<number, WorldLifeEvent[]>;
  promiseFlags: WorldPromiseFlag[];
}

export async function loadRecentSignals(
  db: Kysely<Database>,
  window: { since: string; now: string },
): Promise<RecentSignals> {
  const { rows } = await sql<SignalRow>`
    select s.code, s.category, s.text, i.id as interaction_id, i.candidate_id, c.name as candidate_name,
      i.occurred_at, i.direction, i.kind, i.subject, i.recruiter_id,
      case when i.note is not null and trim(i.note) <> '' then 1 else 0 end as has_note
    from interaction_signals s
      cross join interactions i
      cross join candidates c
    where s.code in ('life_event', 'promise_flag') and i.id = s.interaction_id and c.id = i.candidate_id
      and i.occurred_at > ${window.since} and i.occurred_at <= ${window.now}
    order by i.occurred_at, s.id
  `.execute(db);
  const lifeEvents = new Map<number, WorldLifeEvent[]>();
  const promiseFlags: WorldPromiseFlag[] = [];
  for (const row of rows) {
    const mail = {
      interactionId: row.interaction_id,
      at: new Date(row.occurred_at),
      subject: row.subject,
      direction: row.direction,
      recruiterId: row.recruiter_id,
      kind: row.kind,
    };
    if (row.code === 'life_event') {
      const event: WorldLifeEvent = {
        category: row.category ?? 'news',
        sentence: row.text,
        mail: { ...mail, hasNote: row.has_note === 1 },
      };
      lifeEvents.set(row.candidate_id, [...(lifeEvents.get(row.candidate_id) ?? []), event]);
    } else {
      promiseFlags.push({ candidateId: row.candidate_id, candidateName: row.candidate_name, phrase: row.text, mail });
    }
  }
  return { lifeEvents, promiseFlags };
}
