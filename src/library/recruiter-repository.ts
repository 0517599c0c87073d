// Recruiters and their aliases. A recruiter's own address is kept as typed (the digest is sent to it); aliases are
// stored as address keys, because they only ever serve to recognise the recruiter in mail and in a CSV.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';

export interface RecruiterListing {
  id: number;
  name: string;
  email: string;
  aliases: string[];
  timezone: string | null;
  digestDay: number;
  digestTime: string;
}

/** Every recruiter by the key of their address and of each alias (there are few recruiters). */
export async function recruiterIdsByAddressKey(db: Kysely<Database>): Promise<Map<string, number>> {
  const byKey = new Map<string, number>();
  for (const recruiter of await db.selectFrom('recruiters').select(['id', 'email']).execute()) {
    const key = addressKey(recruiter.email);
    if (key) byKey.set(key, recruiter.id);
  }
  for (const alias of await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).execute()) {
    byKey.set(alias.email, alias.recruiter_id);
  }
  return byKey;
}

/** The recruiter whose own address (not an alias) has this key. */
export async function findRecruiterIdByOwnAddress(db: Kysely<Database>, key: string): Promise<number | null> {
  const recruiters = await db.selectFrom('recruiters').select(['id', 'email']).execute();
  return recruiters.find((recruiter) => addressKey(recruiter.email) === key)?.id ?? null;
}

export async function listRecruiters(db: Kysely<Database>): Promise<RecruiterListing[]> {
  const recruiters = await db.selectFrom('recruiters').selectAll().orderBy('email').execute();
  const aliases = await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).orderBy('email').execute();
  return recruiters.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    aliases: aliases.filter((alias) => alias.recruiter_id === r.id).map((alias) => alias.email),
    timezone: r.timezone,
    digestDay: r.digest_day,
    digestTime: r.digest_time,
  }));
}

export async function recruiterEmailsById(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('recruiters').select(['id', 'email']).execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}

export interface RecruiterColumns {
  name?: string;
  timezone?: string;
  digest_day?: number;
  digest_time?: string;
}

export async function insertRecruiter(
  db: Kysely<Database>,
  email: string,
  columns: RecruiterColumns & { name: string },
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('recruiters')
    .values({ email, ...columns, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRecruiter(
  db: Kysely<Database>,
  id: number,
  columns: RecruiterColumns,
  now: Date,
): Promise<void> {
  await db
    .updateTable('recruiters')
    .set({ ...columns, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function insertRecruiterAliases(
  db: Kysely<Database>,
  id: number,
  aliasKeys: readonly string[],
): Promise<void> {
  if (aliasKeys.length === 0) return;
  await db
    .insertInto('recruiter_aliases')
    .values(aliasKeys.map((email) => ({ recruiter_id: id, email })))
    .execute();
}
