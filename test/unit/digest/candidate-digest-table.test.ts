// The digest's per-candidate table (migrations 0004 and 0007) is kept by triggers; whatever writes the
// library, it must hold exactly what a rebuild from scratch would.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as candidateDigest from '../../../migrations/0004_candidate_digest.js';
import * as candidateOutcomes from '../../../migrations/0007_candidate_digest_outcomes.js';
import { addressKey } from '../../../src/core/email-address.js';
import { skillKey } from '../../../src/core/library-fields.js';
import type { Direction, InteractionKind } from '../../../src/db/schema.js';
import { eraseCandidate } from '../../../src/library/erase-candidate.js';
import {
  addCandidate,
  addInteraction,
  addOpening,
  addOutcome,
  addRecruiter,
  createTempLibrary,
  type TempLibrary,
} from './seed-library.js';

let lib: TempLibrary;
beforeEach(async () => {
  lib = await createTempLibrary();
});
afterEach(async () => {
  await lib.remove();
});

async function table(): Promise<unknown[]> {
  return (await sql`select * from candidate_digest order by candidate_id`.execute(lib.db)).rows;
}

async function rebuilt(): Promise<unknown[]> {
  await candidateOutcomes.down(lib.db);
  await candidateDigest.down(lib.db);
  await candidateDigest.up(lib.db);
  await candidateOutcomes.up(lib.db);
  return table();
}

describe('the candidate_digest table', () => {
  it('matches a rebuild after inserts, updates, moves, deletes, address, skill and outcome changes and an erase', async () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n); // the high bits: an LCG's low bits repeat with a short period
    };
    const recruiters = [
      await addRecruiter(lib.db, 'alice@agency.example', 'Alice'),
      await addRecruiter(lib.db, 'bob@agency.example', 'Bob'),
    ];
    const gone = await addRecruiter(lib.db, 'gone@agency.example', 'Gone');
    const kinds: InteractionKind[] = ['personal', 'personal', 'auto_reply', 'bulk', 'bounce'];
    const openings = [
      await addOpening(lib.db, { title: 'Key Account Lead', client: 'Medica', openedAt: '2026-09-01T00:00:00.000Z' }),
      await addOpening(lib.db, { title: 'Clinical Specialist', client: 'Ortho', openedAt: '2026-09-15T00:00:00.000Z' }),
      await addOpening(lib.db, { title: 'Sales Rep', client: 'Cardio', openedAt: '2026-10-01T00:00:00.000Z' }),
    ];
    const candidates: number[] = [];
    const mails: number[] = [];
    for (let c = 0; c < 30; c++) {
      const id = await addCandidate(lib.db, {
        name: `C${c}`,
        emails: [`c${c}@mail.example`, `c${c}@old.example`].slice(0, 1 + random(2)),
        skills: ['Go', 'Rust', 'SQL'].slice(0, random(4)),
      });
      candidates.push(id);
      for (const openingId of openings.slice(0, random(3))) {
        await addOutcome(lib.db, {
          candidateId: id,
          openingId,
          decidedAt: random(2) ? '2026-10-05' : null,
          notes: random(2) ? `Strong "demo"\nwork on ${c}` : null,
        });
      }
      for (let m = 0; m < random(6); m++) {
        const direction: Direction = random(2) === 0 ? 'inbound' : 'outbound';
        const recruiterId = [null, ...recruiters, gone][random(4)] ?? null;
        const at = new Date(Date.UTC(2026, 9, 1 + random(40), random(24))).toISOString();
        mails.push(
          await addInteraction(lib.db, {
            candidateId: id,
            recruiterId,
            direction,
            kind: kinds[random(kinds.length)],
            at,
            subject: `s${c}.${m}`,
          }),
        );
      }
    }
    const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;

    for (let step = 0; step < 120; step++) {
      const mail = pick(mails);
      const candidate = pick(candidates);
      switch (random(10)) {
        case 0: // the sync merging a forward with its original moves the time
          await lib.db
            .updateTable('interactions')
            .set({ occurred_at: new Date(Date.UTC(2026, 10, random(20) + 1)).toISOString() })
            .where('id', '=', mail)
            .execute();
          break;
        case 1:
          await lib.db
            .updateTable('interactions')
            .set({ kind: pick(kinds), subject: `changed ${step}` })
            .where('id', '=', mail)
            .execute();
          break;
        case 2: // mail re-attributed to another person
          await lib.db.updateTable('interactions').set({ candidate_id: candidate }).where('id', '=', mail).execute();
          break;
        case 3:
          await lib.db.deleteFrom('interactions').where('id', '=', mail).execute();
          break;
        case 4:
          await lib.db
            .insertInto('candidate_emails')
            .values({
              candidate_id: candidate,
              email: `new${step}@mail.example`,
              email_key: addressKey(`new${step}@mail.example`) ?? '',
              is_primary: 0,
            })
            .execute();
          break;
        case 5:
          await lib.db
            .updateTable('candidate_emails')
            .set({ bouncing_since: '2026-11-01T00:00:00.000Z', is_primary: random(2) })
            .where('candidate_id', '=', candidate)
            .execute();
          break;
        case 6:
          if (random(2) === 0)
            await sql`delete from candidate_skills where rowid = (select rowid from candidate_skills order by random() limit 1)`.execute(
              lib.db,
            );
          else
            await lib.db
              .insertInto('candidate_skills')
              .values({ candidate_id: candidate, skill: `Skill ${step}`, skill_key: skillKey(`Skill ${step}`) })
              .onConflict((oc) => oc.doNothing())
              .execute();
          break;
        case 7: // an outcome recorded (or its notes and stage changed), moved to another person, or removed
          if (random(2) === 0) {
            await lib.db
              .insertInto('outcomes')
              .values({
                candidate_id: candidate,
                opening_id: pick(openings),
                stage: 'finalist',
                decided_at: null,
                feedback_notes: `note ${step}`,
              })
              .onConflict((oc) =>
                oc
                  .columns(['candidate_id', 'opening_id'])
                  .doUpdateSet({ stage: 'runner_up', feedback_notes: `changed ${step}` }),
              )
              .execute();
          } else {
            await sql`update outcomes set decided_at = '2026-11-02' where rowid = (select rowid from outcomes order by random() limit 1)`.execute(
              lib.db,
            );
          }
          break;
        case 8:
          if (random(2) === 0)
            await sql`delete from outcomes where rowid = (select rowid from outcomes order by random() limit 1)`.execute(
              lib.db,
            );
          else
            await sql`update or ignore outcomes set candidate_id = ${candidate} where rowid = (select rowid from outcomes order by random() limit 1)`.execute(
              lib.db,
            );
          break;
        default:
          await lib.db
            .deleteFrom('candidate_emails')
            .where('candidate_id', '=', candidate)
            .where('is_primary', '=', 0)
            .execute();
      }
      // After every write, so a later write to the same candidate cannot hide a missed one.
      expect(await table(), `step ${step}`).toEqual(await rebuilt());
    }
    // A recruiter who leaves: their mail keeps no recruiter (ON DELETE SET NULL fires the update trigger).
    await lib.db.deleteFrom('recruiters').where('id', '=', gone).execute();
    // An opening deleted: its outcomes go by cascade (which fires the delete trigger).
    await lib.db.deleteFrom('openings').where('id', '=', openings[0]!).execute();
    expect(await table()).toEqual(await rebuilt());
    const erasedEmail = (
      await lib.db
        .selectFrom('candidate_emails')
        .select('email')
        .where('candidate_id', '=', candidates[3]!)
        .executeTakeFirst()
    )?.email;
    if (erasedEmail) await eraseCandidate(lib.db, erasedEmail, { now: new Date('2026-11-23T00:00:00Z') });

    const kept = await table();
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.filter((row) => (row as { outcomes: string | null }).outcomes !== null).length).toBeGreaterThan(5);
    expect(kept).not.toContainEqual(expect.objectContaining({ candidate_id: candidates[3] }));
    expect(kept).toEqual(await rebuilt());
  });
});
