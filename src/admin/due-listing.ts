// The candidate list's "due now" filter and "most overdue" sort, paged in memory from the digest snapshot: at
// 100,000 candidates the digest lists ~80,000 people, and handing their ids to SQLite in every query (count,
// filter, page) cost a quarter of a second a page. Here SQLite only finds who matches the other filters, when
// there are any, and the page's ids are sliced from the snapshot's ranking. Who still exists is checked against
// every candidate id, read once per library version (library-version.ts), so totals stay exact after an erase.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ReasonCode } from '../digest/digest-types.js';
import {
  allCandidateIds,
  candidateIdsMatching,
  pageWithin,
  type CandidateFilters,
} from '../library/candidate-search.js';
import type { TextMatchLookup } from '../library/candidate-text-matches.js';
import { memoizeByLibraryVersion } from '../library/library-version.js';
import type { DueSnapshot } from './due-snapshot.js';

export type DueFilter = 'any' | ReasonCode;

/** Ids in the snapshot's ranking order, with a set of the same ids for lookups. */
export interface IdList {
  ids: readonly number[];
  set: ReadonlySet<number>;
}

export interface DueRequest {
  snapshot: DueSnapshot;
  filters: CandidateFilters;
  due: DueFilter | undefined;
  sort: 'name' | 'last_contact' | 'overdue';
  limit: number;
  offset: number;
}

export interface DuePage {
  total: number;
  ids: number[];
}

export interface DueListing {
  page(request: DueRequest): Promise<DuePage>;
}

/** The set is built on first use: an overdue page only slices the ids. */
export function idList(ids: readonly number[]): IdList {
  let set: ReadonlySet<number> | null = null;
  return {
    ids,
    get set() {
      return (set ??= new Set(ids));
    },
  };
}

/** The ids of `list` that are in `keep`, in the list's order. */
export function keepInOrder(list: readonly number[], keep: ReadonlySet<number>): IdList {
  return idList(list.filter((id) => keep.has(id)));
}

/** The snapshot's people for a filter, most overdue first ('any': everyone it lists). */
export function listedFor(snapshot: DueSnapshot, due: DueFilter): readonly number[] {
  return due === 'any'
    ? snapshot.ranking
    : snapshot.ranking.filter((id) => snapshot.byCandidate.get(id)?.codes.includes(due));
}

export function createDueListing(db: Kysely<Database>, textMatches?: TextMatchLookup): DueListing {
  const everyone = memoizeByLibraryVersion(db, () => allCandidateIds(db));
  // The snapshot's lists restricted to people who still exist, kept while neither the snapshot nor the library
  // changes: with no other filter, a page is then a slice.
  let cache: { snapshot: DueSnapshot; everyone: ReadonlySet<number>; lists: Map<string, IdList> } | null = null;

  async function existing(snapshot: DueSnapshot, key: DueFilter | 'unranked'): Promise<IdList> {
    const all = await everyone();
    if (cache?.snapshot !== snapshot || cache.everyone !== all) cache = { snapshot, everyone: all, lists: new Map() };
    const lists = cache.lists;
    const listOf = (k: DueFilter | 'unranked'): IdList => {
      let list = lists.get(k);
      if (!list) {
        if (k === 'unranked') {
          const ranked = listOf('any').set;
          list = idList([...all].filter((id) => !ranked.has(id)));
        } else list = keepInOrder(listedFor(snapshot, k), all);
        lists.set(k, list);
      }
      return list;
    };
    return listOf(key);
  }

  return {
    async page({ snapshot, filters, due, sort, limit, offset }) {
      const matching = await candidateIdsMatching(db, filters, textMatches ? { textMatches } : {});
      const listed = await existing(snapshot, due ?? 'any');
      const kept = matching === null ? listed : keepInOrder(listed.ids, matching);
      if (sort !== 'overdue') {
        // "Due" with the name or last-contact order: SQLite reads that order, the snapshot says who is kept.
        return { total: kept.ids.length, ids: await pageWithin(db, filters, sort, kept.set, limit, offset) };
      }
      const first = kept.ids.slice(offset, offset + limit);
      // With a "due" filter everyone listed is ranked; without one, the people the digest does not list follow by name.
      if (due !== undefined) return { total: kept.ids.length, ids: first };
      const unranked = await existing(snapshot, 'unranked');
      const rest = matching === null ? unranked.set : new Set([...matching].filter((id) => unranked.set.has(id)));
      const restIds =
        first.length === limit
          ? []
          : await pageWithin(db, filters, 'name', rest, limit - first.length, Math.max(0, offset - kept.ids.length));
      return { total: kept.ids.length + rest.size, ids: [...first, ...restIds] };
    },
  };
}
