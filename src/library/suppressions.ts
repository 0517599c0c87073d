// The list of people erased on request, kept only as hashes of their address keys (see suppression-hash.ts). The
// mail sync and the imports ask here before storing anything about an address, so an erased person stays erased.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { suppressionHash } from '../core/suppression-hash.js';
import { chunks } from './candidate-state.js';

export async function isSuppressed(db: Kysely<Database>, addressKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('suppressions')
    .select('email_hash')
    .where('email_hash', '=', suppressionHash(addressKey))
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these address keys belong to erased people. */
export async function suppressedAddressKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const keyByHash = new Map([...new Set(keys)].map((key) => [suppressionHash(key), key]));
  const found = new Set<string>();
  for (const chunk of chunks([...keyByHash.keys()])) {
    const rows = await db.selectFrom('suppressions').select('email_hash').where('email_hash', 'in', chunk).execute();
    for (const row of rows) found.add(keyByHash.get(row.email_hash) ?? '');
  }
  found.delete('');
  return found;
}

export async function suppressAddressKeys(db: Kysely<Database>, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const stamp = now.toISOString();
  await db
    .insertInto('suppressions')
    .values(keys.map((key) => ({ email_hash: suppressionHash(key), created_at: stamp })))
    .onConflict((oc) => oc.column('email_hash').doNothing())
    .execute();
}
