// What the admin app is given (side effects injected, as everywhere in keepwarm) and what it builds from that
// once: the session store, the login throttle, the due snapshot and the digest renderer. Route modules take
// the built AdminServices; none of them reads the environment, the clock or the network directly.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import type { DigestRenderer } from '../digest/render-digest.js';
import type { Logger } from '../log/logger.js';
import type { SendDigestResult } from '../mail-out/send-digest.js';
import type { TextMatchLookup } from '../library/candidate-text-matches.js';
import type { VersionedCache } from '../library/library-version.js';
import type { DueListing } from './due-listing.js';
import type { DueSnapshots } from './due-snapshot.js';
import type { LoginThrottle } from './security/login-throttle.js';
import type { Session, SessionStore } from './security/session-store.js';

/** Sends one recruiter's digest now through the once-a-week guard (the digest send use case, never forced). */
export type SendDigestNow = (recruiterId: number, options: { now: Date }) => Promise<SendDigestResult>;

/** Searches the mailboxes for the earlier mail of addresses just added; a sentence for the page, or null when nothing was searched. */
export type BackfillNewAddresses = (addressKeys: readonly string[]) => Promise<string | null>;

export interface AdminDeps {
  db: Kysely<Database>;
  config: Readonly<Config>;
  now: () => Date;
  /** The sync's backfill, for addresses added from the admin page; absent when no mailbox is configured. */
  backfill?: BackfillNewAddresses;
  /** Absent until the digest sender is wired in: the page then says sending happens on schedule only. */
  sendDigest?: SendDigestNow;
  renderer?: DigestRenderer;
  /** The client's address for the login throttle (default: the TCP peer). */
  clientAddress?: (c: Context) => string;
  randomBytes?: (size: number) => Buffer;
  logger?: Logger;
  dueSnapshotTtlMs?: number;
}

export interface AdminServices {
  deps: AdminDeps;
  /** No admin.token: loopback only (serve-http refuses otherwise), no login, Host checked. */
  openMode: boolean;
  sessions: SessionStore;
  throttle: LoginThrottle;
  due: DueSnapshots;
  /** Pages the "due" filter and the "most overdue" sort from the snapshot. */
  dueListing: DueListing;
  /** The candidate list's search results, kept until the library changes. */
  textMatches: TextMatchLookup;
  /** Counts and the recruiters, which every list page shows, kept until the library changes. */
  cache: VersionedCache;
  renderer(): DigestRenderer;
  clientAddress(c: Context): string;
  /** The agency's time zone, for every date the pages show. */
  zone: string;
}

export interface AdminEnv {
  Variables: { session: Session };
}

export const ADMIN_ACTOR = 'admin';
