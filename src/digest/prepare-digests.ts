// The digest use case, shared by `keepwarm digest` and (next) the weekly sender: read the library as of
// a moment, select each recruiter's digest, and turn one into mail parts.
import type { Kysely } from 'kysely';
import type { Config } from '../config/config-schema.js';
import { addressKey } from '../core/email-address.js';
import type { Database } from '../db/schema.js';
import { buildDigestView, adminBaseUrl } from './digest-view.js';
import type { Digest } from './digest-types.js';
import { openDigestLibrary } from './load-digest-world.js';
import { ownerOf, soleRecruiterOf } from './digest-candidate.js';
import { prepareOpenings } from './digest-rules.js';
import type { DigestRenderer, RenderedDigest } from './render-digest.js';
import { createDigestBuilder } from './select-digest.js';

/** The recruiter with this primary address or alias (compared by address key), or null. */
export async function findRecruiterId(db: Kysely<Database>, address: string): Promise<number | null> {
  const key = addressKey(address);
  if (!key) return null;
  const recruiters = await db.selectFrom('recruiters').select(['id', 'email']).execute();
  const primary = recruiters.find((r) => addressKey(r.email) === key);
  if (primary) return primary.id;
  const aliases = await db.selectFrom('recruiter_aliases').select(['recruiter_id', 'email']).execute();
  return aliases.find((a) => addressKey(a.email) === key)?.recruiter_id ?? null;
}

export type DigestConfig = Pick<Config, 'rules' | 'timezone' | 'mailboxes' | 'logAddress'>;

/** Every recruiter's digest (or one recruiter's) as of `now`. */
export async function prepareDigests(
  db: Kysely<Database>,
  config: DigestConfig,
  options: { now: Date; recruiterId?: number },
): Promise<Digest[]> {
  const digests: Digest[] = [];
  for await (const digest of prepareDigestStream(db, config, options)) digests.push(digest);
  return digests;
}

/**
 * The same, one recruiter at a time: each recruiter's candidates are read and their digest computed when
 * the caller asks for the next one, so printing or sending every digest never holds the whole library.
 */
export async function* prepareDigestStream(
  db: Kysely<Database>,
  config: DigestConfig,
  options: { now: Date; recruiterId?: number },
): AsyncGenerator<Digest> {
  const library = await openDigestLibrary(db, {
    now: options.now,
    rules: config.rules,
    timezone: config.timezone,
    mailboxes: config.mailboxes,
    logAddress: config.logAddress ?? null,
  });
  const { world } = library;
  const sole = soleRecruiterOf(world.recruiters);
  const openings = prepareOpenings(world.openings);
  for (const recruiter of world.recruiters) {
    if (options.recruiterId !== undefined && recruiter.id !== options.recruiterId) continue;
    // Each candidate is read, judged and let go: only what the digest lists stays in memory.
    const builder = createDigestBuilder(world, recruiter, openings, { rules: config.rules, now: options.now });
    await library.forEachCandidateOf(recruiter.id, (candidate) => {
      if (ownerOf(candidate, sole) === recruiter.id) builder.add(candidate);
    });
    yield builder.finish();
  }
}

/** The digest as mail parts, linking to the admin page named in the config. */
export function renderDigestMail(
  digest: Digest,
  config: Pick<Config, 'admin'>,
  renderer: DigestRenderer,
): RenderedDigest {
  return renderer.render(buildDigestView(digest, { adminUrl: adminBaseUrl(config.admin) }));
}
