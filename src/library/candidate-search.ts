// One page of the talent library: search by name, address or skill, filter by status, owner or a given set of
// ids (the people the digest lists), sorted by name, last contact or a caller's ranking. Written for 100,000
// candidates: text is found through the trigram indexes of names and addresses (a whole address through its key,
// a skill through skill_key), the name sort walks candidates_name, last contact candidate_activity's index,
// a ranking is applied to the ranked ids only, and only one page of rows is ever loaded with its details.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CandidateStatus, Database } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { skillKey } from '../core/library-fields.js';

export const CANDIDATE_SORTS = ['name', 'last_contact', 'ranked'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export interface CandidateSearch {
  /** Part of a name or address, a whole address, or a skill (exact, case-insensitive). */
  text?: string;
  status?: CandidateStatus;
  /** A recruiter's id, or 'none' for candidates without an owner. */
  owner?: number | 'none';
  /** Only these candidates (e.g. the ones the digest lists for a reason). */
  onlyIds?: readonly number[];
  sort: CandidateSort;
  /** For sort 'ranked': candidate ids in the order to list them; the others follow by name. */
  ranking?: readonly number[];
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

type Filter = (c: ReturnType<typeof base>) => ReturnType<typeof base>;

const base = (db: Kysely<Database>) => db.selectFrom('candidates as c');
const idsJson = (ids: Iterable<number>): string => JSON.stringify([...ids]);
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
/** An FTS5 phrase: the text in double quotes (doubled inside), so no query syntax in it is ever read. */
const phrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;

function filtersOf(search: CandidateSearch): Filter {
  return (query) => {
    let q = query;
    const text = search.text?.trim() ?? '';
    if (text.length > 0) {
      const key = text.includes('@') ? addressKey(text) : null;
      q = key
        ? q.where('c.id', 'in', (eb) => eb.selectFrom('candidate_emails').select('candidate_id').where('email_key', '=', key))
        : q.where((eb) =>
            eb.or([
              eb('c.id', 'in', eb.selectFrom('candidate_skills').select('candidate_id').where('skill_key', '=', skillKey(text))),
              text.length >= 3
                ? // A trigram phrase matches exactly where the text occurs in a name or address (see migration 0003).
                  eb.or([
                    sql<SqlBool>`c.id in (select rowid from candidate_name_search where candidate_name_search match ${phrase(text)})`,
                    sql<SqlBool>`c.id in (select candidate_id from candidate_emails where id in (select rowid from candidate_email_search where candidate_email_search match ${phrase(text)}))`,
                  ])
                : // Too short for trigrams: a scan, but of one column and only for one or two characters.
                  eb.or([
                    eb(sql`c.name`, 'like', sql`${likePattern(text)} escape '\\'`),
                    eb('c.id', 'in', eb.selectFrom('candidate_emails').select('candidate_id').where(sql<SqlBool>`email like ${likePattern(text)} escape '\\'`)),
                  ]),
            ]),
          );
    }
    if (search.status) q = q.where('c.status', '=', search.status);
    if (search.owner === 'none') q = q.where('c.owner_recruiter_id', 'is', null);
    else if (search.owner !== undefined) q = q.where('c.owner_recruiter_id', '=', search.owner);
    if (search.onlyIds) q = q.where(inJson('c.id', search.onlyIds));
    return q;
  };
}

const isFiltered = (search: CandidateSearch): boolean =>
  Boolean(search.text?.trim()) || search.status !== undefined || search.owner !== undefined || search.onlyIds !== undefined;

function inJson(column: 'c.id', ids: Iterable<number>): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${idsJson(ids)}))`;
}

async function count(db: Kysely<Database>, filter: Filter): Promise<number> {
  const row = await filter(base(db)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function idsByName(db: Kysely<Database>, filter: Filter, limit: number, offset: number): Promise<number[]> {
  if (limit <= 0) return [];
  const rows = await filter(base(db)).select('c.id').orderBy('c.name').orderBy('c.id').limit(limit).offset(offset).execute();
  return rows.map((r) => r.id);
}

/**
 * A page taken from an ordered first part followed by the rest by name. The first part is counted only when
 * the page reaches past it, so the first pages of a long list cost one indexed walk.
 */
async function twoPartPage(
  first: (limit: number, offset: number) => Promise<number[]>,
  countFirst: () => Promise<number>,
  rest: (limit: number, offset: number) => Promise<number[]>,
  limit: number,
  offset: number,
): Promise<number[]> {
  const ids = await first(limit, offset);
  if (ids.length === limit) return ids;
  const firstCount = ids.length > 0 ? offset + ids.length : await countFirst();
  return [...ids, ...(await rest(limit - ids.length, Math.max(0, offset - firstCount)))];
}

async function pageIds(db: Kysely<Database>, search: CandidateSearch, filter: Filter): Promise<number[]> {
  const { limit, offset } = search;
  if (search.sort === 'last_contact') {
    const contacted: Filter = (q) => filter(q).innerJoin('candidate_activity as a', 'a.candidate_id', 'c.id');
    const never: Filter = (q) => filter(q).where((eb) => eb.not(eb.exists(eb.selectFrom('candidate_activity as a').select('a.candidate_id').whereRef('a.candidate_id', '=', 'c.id'))));
    const byContact = async (l: number, o: number): Promise<number[]> =>
      (await contacted(base(db)).select('c.id').orderBy(sql.ref('a.last_contact_at'), 'desc').orderBy('c.id', 'desc').limit(l).offset(o).execute()).map((r) => r.id);
    const countContacted = async (): Promise<number> =>
      isFiltered(search) ? count(db, contacted) : Number((await db.selectFrom('candidate_activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    return twoPartPage(byContact, countContacted, (l, o) => idsByName(db, never, l, o), limit, offset);
  }
  if (search.sort === 'ranked' && search.ranking && search.ranking.length > 0) {
    const ranking = search.ranking;
    let ranked = ranking;
    if (isFiltered(search)) {
      const kept = new Set((await filter(base(db)).select('c.id').where(inJson('c.id', ranking)).execute()).map((r) => r.id));
      ranked = ranking.filter((id) => kept.has(id));
    }
    const unranked: Filter = (q) => filter(q).where((eb) => eb.not(inJson('c.id', ranking)));
    const first = (l: number, o: number): Promise<number[]> => Promise.resolve(ranked.slice(o, o + l));
    return twoPartPage(first, () => Promise.resolve(ranked.length), (l, o) => idsByName(db, unranked, l, o), limit, offset);
  }
  return idsByName(db, filter, limit, offset);
}

export async function searchCandidates(db: Kysely<Database>, search: CandidateSearch): Promise<CandidatePage> {
  const filter = filtersOf(search);
  const total = await count(db, filter);
  const ids = total === 0 ? [] : await pageIds(db, search, filter);
  return { total, rows: await loadSummaries(db, ids) };
}

/** The listed candidates' details, in the order given. */
export async function loadSummaries(db: Kysely<Database>, ids: readonly number[]): Promise<CandidateSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('candidates as c')
    .leftJoin('candidate_emails as e', (join) => join.onRef('e.candidate_id', '=', 'c.id').on('e.is_primary', '=', 1))
    .leftJoin('recruiters as r', 'r.id', 'c.owner_recruiter_id')
    .leftJoin('candidate_activity as a', 'a.candidate_id', 'c.id')
    .select(['c.id', 'c.name', 'c.status', 'c.snoozed_until', 'e.email', 'e.bouncing_since', 'r.email as owner_email', 'r.name as owner_name', 'a.last_contact_at'])
    .where('c.id', 'in', ids)
    .execute();
  const skills = await db.selectFrom('candidate_skills').select(['candidate_id', 'skill']).where('candidate_id', 'in', ids).orderBy(sql`rowid`).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id): CandidateSummary[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [{
      id,
      name: row.name,
      primaryEmail: row.email,
      bouncing: row.bouncing_since !== null,
      status: row.status,
      owner: row.owner_email ? { email: row.owner_email, name: row.owner_name ?? '' } : null,
      skills: skills.filter((s) => s.candidate_id === id).map((s) => s.skill),
      lastContactAt: row.last_contact_at,
      snoozedUntil: row.snoozed_until,
    }];
  });
}
