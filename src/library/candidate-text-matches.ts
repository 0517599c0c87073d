// The people a search text finds, with what the candidate list filters and sorts them by, kept until the
// library changes (library-version.ts). Finding them costs the trigram lookups and a sort of every match
// (~25 ms for a common name at 100,000 candidates, against ~5-10 ms for one page through SQL); an admin pages
// through the same search, re-sorts it and narrows it by status or owner, and each of those is then a slice
// of a kept list. Exact: any write to the library (by this process or another) starts a new version.
import type { Kysely } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { readLibraryVersion } from './library-version.js';

export interface TextMatch {
  id: number;
  status: CandidateStatus;
  ownerId: number | null;
  lastContactAt: string | null;
}

export interface TextMatches {
  /** In the list's name order (SQLite's, so the same as the SQL pages). */
  byName: readonly TextMatch[];
  /** Most recent personal mail first, then those never written to by name. */
  byLastContact(): readonly TextMatch[];
  /** The ids of those `keep` accepts in an order, kept under `key` (say, the filters) for the next page. */
  idsWhere(key: string, order: 'name' | 'last_contact', keep: (match: TextMatch) => boolean): readonly number[];
}

/** Finds everyone a text matches, in the list's name order; null when there are more than `max`. */
export type FindTextMatches = (text: string, max: number) => Promise<TextMatch[] | null>;

/** Returns the matches of a text, or null when they are not kept (asked once so far, or too many people). */
export type TextMatchLookup = (text: string) => Promise<TextMatches | null>;

export function lastContactOrder(byName: readonly TextMatch[]): TextMatch[] {
  const contacted = byName.filter((m) => m.lastContactAt !== null);
  // As SQLite orders them: ISO-8601 strings compare as their bytes, newest first, then the larger id.
  contacted.sort((a, b) =>
    a.lastContactAt! < b.lastContactAt! ? 1 : a.lastContactAt! > b.lastContactAt! ? -1 : b.id - a.id,
  );
  return [...contacted, ...byName.filter((m) => m.lastContactAt === null)];
}

const MAX_KEPT_FILTERS = 16;

function textMatches(byName: readonly TextMatch[]): TextMatches {
  let byLastContact: readonly TextMatch[] | null = null;
  const filtered = new Map<string, readonly number[]>();
  const self: TextMatches = {
    byName,
    byLastContact: () => (byLastContact ??= lastContactOrder(byName)),
    idsWhere(key, order, keep) {
      const slot = `${order} ${key}`;
      let ids = filtered.get(slot);
      if (!ids) {
        ids = (order === 'name' ? byName : self.byLastContact()).filter(keep).map((m) => m.id);
        if (filtered.size >= MAX_KEPT_FILTERS) filtered.clear();
        filtered.set(slot, ids);
      }
      return ids;
    },
  };
  return self;
}

export function createTextMatchMemo(
  db: Kysely<Database>,
  find: FindTextMatches,
  options: { maxTexts?: number; maxMatches?: number } = {},
): TextMatchLookup {
  const maxTexts = options.maxTexts ?? 32;
  const maxMatches = options.maxMatches ?? 20_000;
  let version = '';
  // Insertion order is recency: a hit is moved to the end, the oldest is dropped first.
  const kept = new Map<string, TextMatches | null>();
  const asked = new Set<string>();
  return async (text) => {
    const now = await readLibraryVersion(db);
    if (now !== version) {
      kept.clear();
      asked.clear();
      version = now;
    }
    const hit = kept.get(text);
    if (hit !== undefined) {
      kept.delete(text);
      kept.set(text, hit);
      return hit;
    }
    // Kept from the second ask on: building the whole sorted list costs 3-5 times one SQL page, which a
    // search asked once (or once between two writes, while the sync is logging mail) would never repay.
    if (!asked.has(text)) {
      if (asked.size >= maxTexts * 4) asked.clear();
      asked.add(text);
      return null;
    }
    const found = await find(text, maxMatches);
    const matches = found ? textMatches(found) : null;
    // Stamped with the version read before the lookup: a write meanwhile makes the next call look again.
    if (version === now) {
      kept.set(text, matches);
      if (kept.size > maxTexts) kept.delete(kept.keys().next().value!);
    }
    return matches;
  };
}
