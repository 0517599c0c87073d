// Openings and the outcomes that tie candidates to them. An opening is found again by title and client,
// case-insensitively, exactly as the unique index openings_title_client compares them (SQLite lower()).
import type { Kysely } from 'kysely';
import type { Database, OpeningStatus } from '../db/schema.js';
import type { Skill } from '../core/library-fields.js';

export async function findOpeningId(db: Kysely<Database>, title: string, client: string): Promise<number | null> {
  const row = await db
    .selectFrom('openings')
    .select('id')
    .where((eb) =>
      eb.and([
        eb(eb.fn('lower', ['title']), '=', eb.fn('lower', [eb.val(title)])),
        eb(eb.fn('lower', ['client']), '=', eb.fn('lower', [eb.val(client)])),
      ]),
    )
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface OpeningColumns {
  status?: OpeningStatus;
  owner_recruiter_id?: number;
  opened_at?: string;
}

export async function insertOpening(
  db: Kysely<Database>,
  opening: OpeningColumns & { title: string; client: string },
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('openings')
    .values({ opened_at: stamp, ...opening, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOpening(
  db: Kysely<Database>,
  id: number,
  columns: OpeningColumns,
  now: Date,
): Promise<void> {
  await db
    .updateTable('openings')
    .set({ ...columns, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function replaceOpeningSkills(db: Kysely<Database>, id: number, skills: readonly Skill[]): Promise<void> {
  await db.deleteFrom('opening_skills').where('opening_id', '=', id).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('opening_skills')
    .values(skills.map((s) => ({ opening_id: id, skill: s.skill, skill_key: s.key })))
    .execute();
}

/** Records (or corrects) a runner-up decision; a date left out keeps the one already recorded. */
export async function upsertRunnerUpOutcome(
  db: Kysely<Database>,
  candidateId: number,
  openingId: number,
  decidedAt: string | null,
  now: Date,
): Promise<void> {
  const stamp = now.toISOString();
  await db
    .insertInto('outcomes')
    .values({
      candidate_id: candidateId,
      opening_id: openingId,
      stage: 'runner_up',
      decided_at: decidedAt,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) =>
      oc.columns(['candidate_id', 'opening_id']).doUpdateSet((eb) => ({
        stage: 'runner_up',
        decided_at: decidedAt ?? eb.ref('outcomes.decided_at'),
        updated_at: stamp,
      })),
    )
    .execute();
}
