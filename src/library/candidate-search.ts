// One page of the talent library: search by name, address or skill, filter by status or owner, sorted by name
// or last contact, with the exact number of matches. Written for 100,000 candidates, where a page must cost
// about a millisecond of SQL: text is found through the trigram indexes of names and addresses (a whole address
// through its key, a skill through skill_key) as one set of ids; status and owner through their indexes
// (migration 0005); last contact through candidate_activity's index. Without statistics SQLite cannot know
// whether walking the sort's index or sorting the matches is cheaper, so the page query says which (see
// `walkIsCheaper`); only one page of rows is ever loaded with its details.
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { skillKey } from '../core/library-fields.js';
import type { TextMatch, TextMatchLookup, TextMatches } from './candidate-text-matches.js';
import type { VersionedCache } from './library-version.js';

export const CANDIDATE_SORTS = ['name', 'last_contact'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export interface CandidateFilters {
  /** Part of a name or address, a whole address, or a skill (exact, case-insensitive). */
  text?: string;
  status?: CandidateStatus;
  /** A recruiter's id, or 'none' for candidates without an owner. */
  owner?: number | 'none';
}

export interface CandidateSearch extends CandidateFilters {
  sort: CandidateSort;
  limit: number;
  offset: number;
}

export interface CandidateSummary {
  id: number;
  name: string;
  primaryEmail: string | null;
  bouncing: boolean;
  status: CandidateStatus;
  owner: { email: string; name: string } | null;
  skills: string[];
  lastContactAt: string | null;
  snoozedUntil: string | null;
}

export interface CandidatePage {
  total: number;
  rows: CandidateSummary[];
}

/** Ids in a sort's order: one page of them, or all of them one at a time (read only as far as the caller goes). */
interface OrderedIds {
  page(limit: number, offset: number): Promise<number[]>;
  each(): AsyncIterable<number>;
}

/**
 * How the text filter and the others are written into a query:
 * - 'plain': no text; SQLite picks the status or owner index.
 * - 'drive': the (few) text matches are read first and each candidate is looked up by id; status and owner are
 *   written `+c.status` so that SQLite does not scan their index instead.
 * - 'walk': the sort's index is walked in order and each row is checked against the matches (`+c.id in`), so a
 *   page of a common name stops after a few hundred rows instead of sorting thousands.
 */
type Plan = 'plain' | 'drive' | 'walk';

/** At most this many ids are bound into one query; a larger set is applied while reading the sort's order. */
export const MAX_BOUND_IDS = 1000;

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
/** An FTS5 phrase: the text in double quotes (doubled inside), so no query syntax in it is ever read. */
const phrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;
const textOf = (filters: CandidateFilters): string => filters.text?.trim() ?? '';

/** The ids of everyone the text finds, as one query (a union, so each id once). */
function textMatches(db: Kysely<Database>, text: string) {
  const key = text.includes('@') ? addressKey(text) : null;
  if (key) return db.selectFrom('candidate_emails').select('candidate_id as id').where('email_key', '=', key);
  const bySkill = db
    .selectFrom('candidate_skills')
    .select('candidate_id as id')
    .where('skill_key', '=', skillKey(text));
  if (text.length >= 3) {
    // A trigram phrase matches exactly where the text occurs in a name or address (see migration 0003).
    return bySkill
      .union(
        sql<{
          id: number;
        }>`select rowid as id from candidate_name_search where candidate_name_search match ${phrase(text)}`,
      )
      .union(
        db
          .selectFrom('candidate_emails')
          .select('candidate_id as id')
          .where(
            'id',
            'in',
            sql<number>`(select rowid from candidate_email_search where candidate_email_search match ${phrase(text)})`,
          ),
      );
  }
  // Too short for trigrams: a scan, but of one column and only for one or two characters.
  return bySkill
    .union(
      db
        .selectFrom('candidates')
        .select('id')
        .where(sql<SqlBool>`name like ${likePattern(text)} escape '\\'`),
    )
    .union(
      db
        .selectFrom('candidate_emails')
        .select('candidate_id as id')
        .where(sql<SqlBool>`email like ${likePattern(text)} escape '\\'`),
    );
}

/** The filters as conditions on `c` (the candidates table), written for the plan (see Plan). */
function conditions(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  order: CandidateSort,
  ids?: readonly number[],
): Expression<SqlBool>[] {
  const text = textOf(filters);
  // `+column` keeps SQLite from using that column's index for the condition; the value is still bound. A walk
  // by name may still use the status or owner index: (status, name) and (owner, name) are in name order too.
  const unindexed = plan === 'drive' || (plan === 'walk' && order === 'last_contact');
  const column = (name: 'status' | 'owner_recruiter_id' | 'id', indexed: boolean) =>
    indexed ? sql.ref(`c.${name}`) : sql`+${sql.ref(`c.${name}`)}`;
  const out: Expression<SqlBool>[] = [];
  // A query interpolated into sql`` comes with its own parentheses.
  if (text.length > 0) out.push(sql<SqlBool>`${column('id', plan !== 'walk')} in ${textMatches(db, text)}`);
  if (filters.status) out.push(sql<SqlBool>`${column('status', !unindexed)} = ${filters.status}`);
  if (filters.owner === 'none') out.push(sql<SqlBool>`${column('owner_recruiter_id', !unindexed)} is null`);
  else if (filters.owner !== undefined)
    out.push(sql<SqlBool>`${column('owner_recruiter_id', !unindexed)} = ${filters.owner}`);
  if (ids) out.push(sql<SqlBool>`${sql.ref('c.id')} in (${sql.join(ids)})`);
  return out;
}

const isFiltered = (filters: CandidateFilters): boolean =>
  textOf(filters).length > 0 || filters.status !== undefined || filters.owner !== undefined;

function whereAll<QB extends { where(condition: Expression<SqlBool>): QB }>(
  query: QB,
  all: readonly Expression<SqlBool>[],
): QB {
  return all.reduce((q, condition) => q.where(condition), query);
}

function orderedIds<DB, TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, { id: number }>): OrderedIds {
  return {
    page: async (limit, offset) =>
      limit <= 0 ? [] : (await query.limit(limit).offset(offset).execute()).map((r) => r.id),
    async *each() {
      for await (const row of query.stream()) yield row.id;
    },
  };
}

/**
 * Walking the sort's index reads about (offset + limit) x everyone / matches rows before the page is full;
 * sorting reads every match once. A common name (6,000 of 100,000) walks; a rare one, or a deep page, sorts.
 */
export function walkIsCheaper(matches: number, everyone: number, end: number): boolean {
  return end * everyone < matches * matches;
}

async function countEveryone(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The number of candidates the filters match (exact). */
export async function countCandidates(db: Kysely<Database>, filters: CandidateFilters): Promise<number> {
  const text = textOf(filters);
  if (text.length > 0 && filters.status === undefined && filters.owner === undefined) {
    // Every id the text finds is a candidate's: skills and addresses go with their candidate (foreign keys with
    // cascade), and the name index's rows are removed with the name (migration 0003's triggers).
    const row = await db
      .selectFrom(textMatches(db, text).as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  const plan: Plan = text.length > 0 ? 'drive' : 'plain';
  const row = await whereAll(db.selectFrom('candidates as c'), conditions(db, filters, plan, 'name'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function byName(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  ids?: readonly number[],
  extra: Expression<SqlBool>[] = [],
): OrderedIds {
  return orderedIds(
    whereAll(db.selectFrom('candidates as c'), [...conditions(db, filters, plan, 'name', ids), ...extra])
      .select('c.id')
      .orderBy('c.name')
      .orderBy('c.id'),
  );
}

/** Everyone the filters match who has had personal mail, most recent first. */
function byLastContact(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  ids?: readonly number[],
): OrderedIds {
  if (!isFiltered(filters) && !ids) {
    // Only candidates have activity rows (a foreign key with cascade), so the index alone is the order.
    return orderedIds(
      db
        .selectFrom('candidate_activity')
        .select('candidate_id as id')
        .orderBy('last_contact_at', 'desc')
        .orderBy('candidate_id', 'desc'),
    );
  }
  const all = conditions(db, filters, plan, 'last_contact', ids);
  if (plan === 'walk') {
    // Cross join: SQLite keeps the tables in this order, so it walks the activity index and looks each one up.
    const walk = db
      .selectFrom('candidate_activity as a')
      .crossJoin('candidates as c')
      .whereRef('c.id', '=', 'a.candidate_id');
    return orderedIds(
      whereAll(walk, all).select('c.id').orderBy('a.last_contact_at', 'desc').orderBy('a.candidate_id', 'desc'),
    );
  }
  const joined = db.selectFrom('candidates as c').innerJoin('candidate_activity as a', 'a.candidate_id', 'c.id');
  return orderedIds(whereAll(joined, all).select('c.id').orderBy('a.last_contact_at', 'desc').orderBy('c.id', 'desc'));
}

/** Those the filters match who never had personal mail, by name: the end of the last-contact order. */
function neverContacted(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  ids?: readonly number[],
): OrderedIds {
  const none = sql<SqlBool>`not exists (select 1 from candidate_activity as a where a.candidate_id = ${sql.ref('c.id')})`;
  return byName(db, filters, plan === 'walk' ? 'drive' : plan, ids, [none]);
}

async function countContacted(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  ids?: readonly number[],
): Promise<number> {
  if (!isFiltered(filters) && !ids) {
    const row = await db
      .selectFrom('candidate_activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  const joined = db.selectFrom('candidates as c').innerJoin('candidate_activity as a', 'a.candidate_id', 'c.id');
  const row = await whereAll(joined, conditions(db, filters, plan === 'walk' ? 'drive' : plan, 'last_contact', ids))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * A page of the last-contact order: the contacted part first, then the never-contacted by name. The contacted
 * part is counted only when the page reaches past it, so the first pages cost one indexed walk.
 */
async function lastContactPage(
  db: Kysely<Database>,
  filters: CandidateFilters,
  plan: Plan,
  limit: number,
  offset: number,
  ids?: readonly number[],
): Promise<number[]> {
  const first = await byLastContact(db, filters, plan, ids).page(limit, offset);
  if (first.length === limit) return first;
  const contacted = first.length > 0 ? offset + first.length : await countContacted(db, filters, plan, ids);
  return [
    ...first,
    ...(await neverContacted(db, filters, plan, ids).page(limit - first.length, Math.max(0, offset - contacted))),
  ];
}

async function planFor(db: Kysely<Database>, filters: CandidateFilters, total: number, end: number): Promise<Plan> {
  if (textOf(filters).length === 0) return 'plain';
  return walkIsCheaper(total, await countEveryone(db), end) ? 'walk' : 'drive';
}

export interface SearchOptions {
  /** Kept matches of a text (candidate-text-matches.ts); without it every search asks SQLite. */
  textMatches?: TextMatchLookup;
  /** Keeps each count until the library changes; without it every page counts. */
  cache?: VersionedCache;
}

const keeps =
  (filters: CandidateFilters) =>
  (m: TextMatch): boolean =>
    (filters.status === undefined || m.status === filters.status) &&
    (filters.owner === undefined || m.ownerId === (filters.owner === 'none' ? null : filters.owner));

/** A page of kept text matches: the other filters and the order applied in memory (and kept for the next page). */
function pageOfMatches(matches: TextMatches, search: CandidateSearch): { total: number; ids: number[] } {
  const key = JSON.stringify({ status: search.status ?? null, owner: search.owner ?? null });
  const ids = matches.idsWhere(key, search.sort, keeps(search));
  return { total: ids.length, ids: ids.slice(search.offset, search.offset + search.limit) };
}

async function keptMatches(filters: CandidateFilters, options: SearchOptions): Promise<TextMatches | null> {
  const text = textOf(filters);
  return text.length > 0 && options.textMatches ? options.textMatches(text) : null;
}

export async function searchCandidates(
  db: Kysely<Database>,
  search: CandidateSearch,
  options: SearchOptions = {},
): Promise<CandidatePage> {
  const matches = await keptMatches(search, options);
  if (matches) {
    const { total, ids } = pageOfMatches(matches, search);
    return { total, rows: await loadSummaries(db, ids) };
  }
  const filters: CandidateFilters = {
    ...(search.text !== undefined ? { text: search.text } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.owner !== undefined ? { owner: search.owner } : {}),
  };
  const total = options.cache
    ? await options.cache.get(`count ${JSON.stringify(filters)}`, () => countCandidates(db, filters))
    : await countCandidates(db, filters);
  if (total === 0 || search.offset >= total) return { total, rows: [] };
  const plan = await planFor(db, search, total, search.offset + search.limit);
  const ids =
    search.sort === 'last_contact'
      ? await lastContactPage(db, search, plan, search.limit, search.offset)
      : await byName(db, search, plan).page(search.limit, search.offset);
  return { total, rows: await loadSummaries(db, ids) };
}

/** Everyone a text finds, with their status, owner and last contact, in name order; null past `max`. */
export async function findTextMatches(db: Kysely<Database>, text: string, max: number): Promise<TextMatch[] | null> {
  const rows = await db
    .selectFrom(textMatches(db, text.trim()).as('m'))
    .innerJoin('candidates as c', 'c.id', 'm.id')
    .leftJoin('candidate_activity as a', 'a.candidate_id', 'c.id')
    .select(['c.id', 'c.status', 'c.owner_recruiter_id', 'a.last_contact_at'])
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(max + 1)
    .execute();
  if (rows.length > max) return null;
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    ownerId: r.owner_recruiter_id,
    lastContactAt: r.last_contact_at,
  }));
}

/** The ids the filters match, or null when there is no filter (everyone). */
export async function candidateIdsMatching(
  db: Kysely<Database>,
  filters: CandidateFilters,
  options: SearchOptions = {},
): Promise<ReadonlySet<number> | null> {
  const text = textOf(filters);
  if (!isFiltered(filters)) return null;
  const matches = await keptMatches(filters, options);
  if (matches)
    return new Set(
      matches.idsWhere(
        JSON.stringify({ status: filters.status ?? null, owner: filters.owner ?? null }),
        'name',
        keeps(filters),
      ),
    );
  if (text.length > 0 && filters.status === undefined && filters.owner === undefined) {
    return new Set((await textMatches(db, text).execute()).map((r) => r.id));
  }
  const rows = await whereAll(
    db.selectFrom('candidates as c'),
    conditions(db, filters, text.length > 0 ? 'drive' : 'plain', 'name'),
  )
    .select('c.id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Every candidate's id, as one JSON array: 100,000 row objects cost ~50 ms, the array ~10 ms. */
export async function allCandidateIds(db: Kysely<Database>): Promise<ReadonlySet<number>> {
  const row = await db
    .selectFrom('candidates')
    .select(sql<string>`json_group_array(id)`.as('ids'))
    .executeTakeFirst();
  return new Set(JSON.parse(row?.ids ?? '[]') as number[]);
}

/**
 * A page of the sort's order restricted to `keep` (ids the caller chose, e.g. the people the digest lists) and
 * the filters. A small set is bound into the query; a large one is applied while reading the order, which
 * stops as soon as the page is full.
 */
export async function pageWithin(
  db: Kysely<Database>,
  filters: CandidateFilters,
  sort: CandidateSort,
  keep: ReadonlySet<number>,
  limit: number,
  offset: number,
): Promise<number[]> {
  if (limit <= 0 || keep.size === 0) return [];
  const plan: Plan = textOf(filters).length > 0 ? 'drive' : 'plain';
  if (keep.size <= MAX_BOUND_IDS) {
    const ids = [...keep];
    return sort === 'last_contact'
      ? lastContactPage(db, filters, plan, limit, offset, ids)
      : byName(db, filters, plan, ids).page(limit, offset);
  }
  const orders =
    sort === 'last_contact'
      ? [byLastContact(db, filters, plan), neverContacted(db, filters, plan)]
      : [byName(db, filters, plan)];
  const page: number[] = [];
  let skip = offset;
  for (const order of orders) {
    for await (const id of order.each()) {
      if (!keep.has(id)) continue;
      if (skip > 0) skip -= 1;
      else page.push(id);
      if (page.length === limit) return page;
    }
  }
  return page;
}

/**
 * The listed candidates' details, in the order given, in one query. The ids are bound as one JSON array, so
 * every page is the same statement (prepared once); skills come packed from the digest's per-candidate row
 * (migration 0004, joined by US in the order they were added) instead of a sorted subquery per candidate,
 * which was over a third of this statement's time at 100,000 candidates.
 */
export async function loadSummaries(db: Kysely<Database>, ids: readonly number[]): Promise<CandidateSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('candidates as c')
    .leftJoin('candidate_emails as e', (join) => join.onRef('e.candidate_id', '=', 'c.id').on('e.is_primary', '=', 1))
    .leftJoin('recruiters as r', 'r.id', 'c.owner_recruiter_id')
    .leftJoin('candidate_activity as a', 'a.candidate_id', 'c.id')
    .leftJoin('candidate_digest as d', 'd.candidate_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.status',
      'c.snoozed_until',
      'e.email',
      'e.bouncing_since',
      'r.email as owner_email',
      'r.name as owner_name',
      'a.last_contact_at',
      'd.skills',
    ])
    .where('c.id', 'in', sql<number>`(select value from json_each(${JSON.stringify(ids)}))`)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id): CandidateSummary[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        name: row.name,
        primaryEmail: row.email,
        bouncing: row.bouncing_since !== null,
        status: row.status,
        owner: row.owner_email ? { email: row.owner_email, name: row.owner_name ?? '' } : null,
        skills: row.skills ? row.skills.split('\x1f') : [],
        lastContactAt: row.last_contact_at,
        snoozedUntil: row.snoozed_until,
      },
    ];
  });
}
