// Reads and writes of candidates and their addresses and skills. Addresses are always looked up by key (see
// src/core/email-address.ts), the same normal form the mail sync uses.
import { sql, type Kysely } from 'kysely';
import type { CandidateStatus, CandidateUpdate, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import type { Address, Skill } from '../core/library-fields.js';
import { KeepwarmError } from '../errors.js';
import { chunks } from './candidate-state.js';

/** The candidate columns an import or `candidate set` may change. */
export interface CandidateColumns {
  name?: string;
  status?: CandidateStatus;
  notes?: string | null;
  cadence_days?: number | null;
  snoozed_until?: string;
  owner_recruiter_id?: number | null;
}

export async function candidateIdsByAddressKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const chunk of chunks([...new Set(keys)])) {
    const rows = await db
      .selectFrom('candidate_emails')
      .select(['email_key', 'candidate_id'])
      .where('email_key', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.email_key, row.candidate_id);
  }
  return found;
}

/** The candidate one of whose addresses matches; not_found (exit 1) otherwise. */
export async function requireCandidateIdByAddress(db: Kysely<Database>, email: string): Promise<number> {
  const key = addressKey(email);
  if (key === null) throw new KeepwarmError('invalid_input', `"${email}" is not an email address`);
  const row = await db
    .selectFrom('candidate_emails')
    .select('candidate_id')
    .where('email_key', '=', key)
    .executeTakeFirst();
  if (!row) throw new KeepwarmError('not_found', `no candidate has the address ${email}`);
  return row.candidate_id;
}

export async function insertCandidate(
  db: Kysely<Database>,
  columns: CandidateColumns & { name: string },
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('candidates')
    .values({ ...columns, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Any change to a person (even only to their skills or outcomes) moves updated_at, and nothing else does. */
export async function updateCandidateRow(
  db: Kysely<Database>,
  id: number,
  columns: Omit<CandidateUpdate, 'id' | 'created_at' | 'updated_at'>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('candidates')
    .set({ ...columns, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function insertCandidateAddresses(
  db: Kysely<Database>,
  id: number,
  addresses: readonly Address[],
  now: Date,
): Promise<void> {
  if (addresses.length === 0) return;
  const stamp = now.toISOString();
  await db
    .insertInto('candidate_emails')
    .values(
      addresses.map((a) => ({ candidate_id: id, email: a.email, email_key: a.key, is_primary: 0, created_at: stamp })),
    )
    .execute();
}

export async function setPrimaryAddress(db: Kysely<Database>, id: number, key: string): Promise<void> {
  await db
    .updateTable('candidate_emails')
    .set((eb) => ({ is_primary: eb.case().when('email_key', '=', key).then(1).else(0).end() }))
    .where('candidate_id', '=', id)
    .execute();
}

export async function replaceCandidateSkills(
  db: Kysely<Database>,
  id: number,
  skills: readonly Skill[],
): Promise<void> {
  await db.deleteFrom('candidate_skills').where('candidate_id', '=', id).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('candidate_skills')
    .values(skills.map((s) => ({ candidate_id: id, skill: s.skill, skill_key: s.key })))
    .execute();
}

export interface CandidateListing {
  id: number;
  name: string;
  primaryEmail: string | null;
  status: CandidateStatus;
  owner: string | null;
  skills: string[];
}

export async function listCandidates(
  db: Kysely<Database>,
  filter: { status?: CandidateStatus; ownerId?: number },
): Promise<CandidateListing[]> {
  const rows = await db
    .selectFrom('candidates as c')
    .leftJoin('candidate_emails as e', (join) => join.onRef('e.candidate_id', '=', 'c.id').on('e.is_primary', '=', 1))
    .leftJoin('recruiters as r', 'r.id', 'c.owner_recruiter_id')
    .select(['c.id', 'c.name', 'c.status', 'e.email as primaryEmail', 'r.email as owner'])
    .$if(filter.status !== undefined, (q) => q.where('c.status', '=', filter.status as CandidateStatus))
    .$if(filter.ownerId !== undefined, (q) => q.where('c.owner_recruiter_id', '=', filter.ownerId as number))
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  const skills = await db
    .selectFrom('candidate_skills')
    .select(['candidate_id', 'skill'])
    .orderBy('candidate_id')
    .orderBy(sql`rowid`)
    .execute();
  const skillsOf = new Map<number, string[]>();
  for (const s of skills) skillsOf.set(s.candidate_id, [...(skillsOf.get(s.candidate_id) ?? []), s.skill]);
  return rows.map((row) => ({ ...row, skills: skillsOf.get(row.id) ?? [] }));
}
