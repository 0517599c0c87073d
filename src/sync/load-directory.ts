// Looks up, for one batch of messages, just the people it mentions: recruiters (few, all of them),
// and the candidates, never-log entries, erased people and logged threads for the batch's addresses
// and message ids. Bounded by the batch, not by the library's size.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Directory } from '../core/participants/route-message.js';
import { addressKey } from '../core/email-address.js';
import { suppressionHash } from '../core/suppression-hash.js';

const IN_LIST_CHUNK = 500;

async function inChunks<T>(values: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += IN_LIST_CHUNK) out.push(...(await query(values.slice(i, i + IN_LIST_CHUNK))));
  return out;
}

/** Every recruiter address (primary and aliases, as stored: address keys) to the recruiter's id. */
export async function loadRecruiterIds(db: Kysely<Database>): Promise<Map<string, number>> {
  const byKey = new Map<string, number>();
  for (const r of await db.selectFrom('recruiters').select(['id', 'email']).execute()) byKey.set(r.email, r.id);
  for (const a of await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).execute())
    byKey.set(a.email, a.recruiter_id);
  return byKey;
}

export async function loadDirectory(
  db: Kysely<Database>,
  input: {
    addresses: Iterable<string>;
    messageKeys: Iterable<string>;
    logAddress: string | null;
    ownAddresses?: readonly string[];
  },
): Promise<Directory> {
  const keys = [...new Set([...input.addresses].map((a) => addressKey(a)).filter((k): k is string => k !== null))];
  const messageKeys = [...new Set(input.messageKeys)];

  const recruiterIdByKey = await loadRecruiterIds(db);

  const candidateIdByKey = new Map<string, number>();
  const emails = await inChunks(keys, (chunk) =>
    db.selectFrom('candidate_emails').select(['email_key', 'candidate_id']).where('email_key', 'in', chunk).execute(),
  );
  for (const e of emails) candidateIdByKey.set(e.email_key, e.candidate_id);

  const ignoredKeys = new Set<string>();
  const neverLog = await inChunks(keys, (chunk) =>
    db.selectFrom('never_log').select('email_key').where('email_key', 'in', chunk).execute(),
  );
  for (const n of neverLog) ignoredKeys.add(n.email_key);
  const hashToKey = new Map(keys.map((k) => [suppressionHash(k), k]));
  const suppressed = await inChunks([...hashToKey.keys()], (chunk) =>
    db.selectFrom('suppressions').select('email_hash').where('email_hash', 'in', chunk).execute(),
  );
  for (const s of suppressed) ignoredKeys.add(hashToKey.get(s.email_hash)!);
  // keepwarm's own address (the digest sender) is never a person to log or to triage.
  for (const own of input.ownAddresses ?? []) {
    const key = addressKey(own);
    if (key) ignoredKeys.add(key);
  }

  const candidateIdsByMessageKey = new Map<string, number[]>();
  const threads = await inChunks(messageKeys, (chunk) =>
    db.selectFrom('interactions').select(['message_key', 'candidate_id']).where('message_key', 'in', chunk).execute(),
  );
  for (const t of threads) {
    const list = candidateIdsByMessageKey.get(t.message_key) ?? [];
    if (!list.includes(t.candidate_id)) list.push(t.candidate_id);
    candidateIdsByMessageKey.set(t.message_key, list);
  }

  return {
    logAddressKey: input.logAddress ? addressKey(input.logAddress) : null,
    recruiterIdByKey,
    candidateIdByKey,
    candidateIdsByMessageKey,
    ignoredKeys,
  };
}
