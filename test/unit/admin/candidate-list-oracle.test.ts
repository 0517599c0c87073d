// The candidate list's fast paths (an index walked in order, kept search results, the digest's ranking paged in
// memory) checked against a plain reference: every candidate read into memory, then filtered, sorted and paged the
// obvious way, for many searches, filters, sorts and pages over a library big enough to take each path.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateStatus } from '../../../src/db/schema.js';
import { addressKey } from '../../../src/core/email-address.js';
import { skillKey } from '../../../src/core/library-fields.js';
import {
  findTextMatches,
  loadSummaries,
  MAX_BOUND_IDS,
  searchCandidates,
  type CandidateFilters,
  type CandidateSort,
} from '../../../src/library/candidate-search.js';
import { createTextMatchMemo } from '../../../src/library/candidate-text-matches.js';
import { createDueListing, type DueFilter } from '../../../src/admin/due-listing.js';
import type { DueCandidate, DueSnapshot } from '../../../src/admin/due-snapshot.js';
import type { ReasonCode } from '../../../src/digest/digest-types.js';
import { createTempLibrary, seedCandidate, seedMail, seedRecruiter, type TempLibrary } from './library-fixture.js';

const PEOPLE = 1_500;
const FIRST = ['Ann', 'Anna', 'Lee', 'Leena', 'Omar', 'Jane', 'Janet', 'Bob', 'Eve', 'Ian', 'Zoe', 'Kai'];
const LAST = ['Smith', 'Lee', 'Roe', 'Rossi', 'Shah', 'Stone', 'Ng', 'Wu', 'Haddad', 'Berg', 'Khan', 'Miles'];
const SKILLS = ['CRM', 'Oncology', 'Cardiology', 'Key accounts', 'Lab sales', 'Dental'];
const STATUSES: CandidateStatus[] = [
  'runner_up',
  'runner_up',
  'runner_up',
  'active',
  'active',
  'placed_elsewhere',
  'do_not_contact',
  'archived',
];
const CODES: ReasonCode[] = ['reply_waiting', 'feedback_owed', 'check_in_due', 'bounced'];

interface Person {
  id: number;
  name: string;
  status: CandidateStatus;
  owner: number | null;
  emails: string[];
  skills: string[];
  lastContactAt: string | null;
}

/** mulberry32: the same library every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let library: TempLibrary;
let people: Person[] = [];
let owners: number[] = [];
const rnd = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

beforeAll(async () => {
  library = await createTempLibrary();
  await library.db.transaction().execute(async (db) => {
    owners = [
      await seedRecruiter(db, 'ann@agency.example', 'Ann'),
      await seedRecruiter(db, 'ben@agency.example', 'Ben'),
      await seedRecruiter(db, 'cy@agency.example', 'Cy'),
    ];
    for (let i = 0; i < PEOPLE; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      // Some names repeat exactly, so the order by name has ties that only the id breaks.
      const name = rnd() < 0.3 ? `${first} ${last}` : `${first} ${last} ${i}`;
      const emails = [`${first}.${last}${i}@example.com`.toLowerCase(), ...(rnd() < 0.2 ? [`p${i}@mail.example`] : [])];
      const skills = SKILLS.filter(() => rnd() < 0.25);
      const status = pick(STATUSES);
      const owner = rnd() < 0.2 ? null : pick(owners);
      const id = await seedCandidate(db, { name, emails, skills, status, owner });
      let lastContactAt: string | null = null;
      if (rnd() < 0.8) {
        // Whole seconds over two years, with repeats, so equal times are ordered by id.
        const at = new Date(
          Date.UTC(2023, 0, 1) + Math.floor(rnd() * 700) * 86_400_000 + (rnd() < 0.5 ? 0 : 3_600_000),
        ).toISOString();
        await seedMail(db, id, { at });
        lastContactAt = at;
      } else if (rnd() < 0.5) {
        await seedMail(db, id, { at: '2024-01-01T00:00:00.000Z', kind: 'bulk' });
      }
      people.push({ id, name, status, owner, emails, skills, lastContactAt });
    }
  });
}, 60_000);
afterAll(async () => library.remove());

function matchesText(p: Person, raw: string | undefined): boolean {
  const text = raw?.trim() ?? '';
  if (!text) return true;
  const key = text.includes('@') ? addressKey(text) : null;
  if (key) return p.emails.some((e) => addressKey(e) === key);
  if (p.skills.some((s) => skillKey(s) === skillKey(text))) return true;
  const lower = text.toLowerCase();
  return p.name.toLowerCase().includes(lower) || p.emails.some((e) => e.toLowerCase().includes(lower));
}

const matching =
  (f: CandidateFilters) =>
  (p: Person): boolean =>
    matchesText(p, f.text) &&
    (f.status === undefined || p.status === f.status) &&
    (f.owner === undefined || p.owner === (f.owner === 'none' ? null : f.owner));

const byName = (a: Person, b: Person): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);

function inOrder(list: Person[], sort: CandidateSort): Person[] {
  if (sort === 'name') return [...list].sort(byName);
  const contacted = list
    .filter((p) => p.lastContactAt !== null)
    .sort((a, b) => (a.lastContactAt! < b.lastContactAt! ? 1 : a.lastContactAt! > b.lastContactAt! ? -1 : b.id - a.id));
  return [...contacted, ...list.filter((p) => p.lastContactAt === null).sort(byName)];
}

const TEXTS = [
  undefined,
  'an',
  'Lee',
  'rossi',
  'crm',
  'Oncology',
  'e',
  'ee',
  'example.c',
  'ANNA.SMITH',
  'zzz',
  '"Lee"',
];
const FILTERS: CandidateFilters[] = TEXTS.flatMap((text) =>
  [undefined, 'runner_up' as const, 'active' as const].flatMap((status) =>
    [undefined, 'none' as const, 0].map((ownerIndex): CandidateFilters => ({
      ...(text !== undefined ? { text } : {}),
      ...(status ? { status } : {}),
      ...(ownerIndex === 'none' ? { owner: 'none' as const } : ownerIndex === 0 ? { owner: owners[0]! } : {}),
    })),
  ),
);

describe('the candidate list against a reference', () => {
  it('has a library that takes every path: dense and rare text, and id sets above the bound limit', () => {
    expect(people.filter(matching({ text: 'Lee' })).length).toBeGreaterThan(300);
    expect(people.filter(matching({ text: 'crm' })).length).toBeGreaterThan(100);
    expect(PEOPLE).toBeGreaterThan(MAX_BOUND_IDS);
  });

  it('finds, counts, sorts and pages exactly as the reference, with and without kept search results', async () => {
    const db = library.db;
    const memo = createTextMatchMemo(db, (text, max) => findTextMatches(db, text, max));
    let checked = 0;
    for (const filters of FILTERS) {
      const everyone = people.filter(matching(filters));
      for (const sort of ['name', 'last_contact'] as const) {
        const ordered = inOrder(everyone, sort).map((p) => p.id);
        for (const offset of [0, 300, 1_450]) {
          const search = { ...filters, sort, limit: 50, offset };
          const expected = { total: ordered.length, ids: ordered.slice(offset, offset + 50) };
          for (const options of [{}, { textMatches: memo }]) {
            const page = await searchCandidates(db, search, options);
            expect(
              { total: page.total, ids: page.rows.map((r) => r.id) },
              JSON.stringify({ search, kept: 'textMatches' in options }),
            ).toEqual(expected);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(FILTERS.length * 2 * 3 * 2);
  }, 60_000);

  it('loads each listed person with their primary address, owner, skills in the order added, and last contact', async () => {
    const someone = people.find((p) => p.skills.length >= 2 && p.owner !== null && p.lastContactAt !== null)!;
    const [summary] = await loadSummaries(library.db, [someone.id]);
    expect(summary).toMatchObject({
      id: someone.id,
      name: someone.name,
      primaryEmail: someone.emails[0],
      skills: someone.skills,
      lastContactAt: someone.lastContactAt,
      status: someone.status,
    });
    expect(summary?.owner?.email).toMatch(/@agency\.example$/);
  });
});

describe('the "due" filter and "most overdue" sort against a reference', () => {
  // The digest lists 1,100 of the 1,500 people (more than are ever bound into a query) plus two who no longer exist.
  function snapshotOf(listed: readonly number[]): DueSnapshot {
    const byCandidate = new Map<number, DueCandidate>();
    for (const id of listed)
      byCandidate.set(id, {
        codes: CODES.filter(() => rnd() < 0.4).concat(rnd() < 0.5 ? ['check_in_due'] : []),
        overdueDays: Math.floor(rnd() * 90),
      });
    return { at: new Date('2024-06-01T08:00:00Z'), byCandidate, ranking: listed, comingUp: 0, optOutsToConfirm: 0 };
  }

  function expectedPage(
    snapshot: DueSnapshot,
    filters: CandidateFilters,
    due: DueFilter | undefined,
    sort: 'name' | 'last_contact' | 'overdue',
    offset: number,
    alive: Person[],
  ) {
    const keep = matching(filters);
    const wanted = (id: number): boolean =>
      due === undefined || due === 'any' || (snapshot.byCandidate.get(id)?.codes.includes(due) ?? false);
    const byId = new Map(alive.map((p) => [p.id, p]));
    const ranked = snapshot.ranking.filter((id) => byId.has(id) && keep(byId.get(id)!) && wanted(id));
    let ordered: number[];
    if (sort === 'overdue') {
      const rankedSet = new Set(snapshot.ranking);
      const rest =
        due === undefined
          ? inOrder(
              alive.filter((p) => keep(p) && !rankedSet.has(p.id)),
              'name',
            ).map((p) => p.id)
          : [];
      ordered = [...ranked, ...rest];
    } else {
      const listed = new Set(ranked);
      ordered = inOrder(
        alive.filter((p) => listed.has(p.id)),
        sort,
      ).map((p) => p.id);
    }
    return { total: ordered.length, ids: ordered.slice(offset, offset + 50) };
  }

  it('lists, counts and pages exactly as the reference, and stays exact after an erase', async () => {
    const db = library.db;
    const shuffled = people.map((p) => p.id).sort(() => rnd() - 0.5);
    const snapshot = snapshotOf([...shuffled.slice(0, 1_100), 999_998, 999_999]);
    const memo = createTextMatchMemo(db, (text, max) => findTextMatches(db, text, max));
    const check = async (alive: Person[]): Promise<number> => {
      let checked = 0;
      for (const listing of [createDueListing(db), createDueListing(db, memo)]) {
        for (const filters of FILTERS.filter((_, i) => i % 5 === 0)) {
          for (const [due, sort] of [
            [undefined, 'overdue'],
            ['any', 'overdue'],
            ['check_in_due', 'overdue'],
            ['any', 'name'],
            ['feedback_owed', 'last_contact'],
            ['bounced', 'name'],
          ] as const) {
            for (const offset of [0, 1_050]) {
              const page = await listing.page({ snapshot, filters, due, sort, limit: 50, offset });
              expect(page, JSON.stringify({ filters, due, sort, offset })).toEqual(
                expectedPage(snapshot, filters, due, sort, offset, alive),
              );
              checked += 1;
            }
          }
        }
      }
      return checked;
    };
    expect(await check(people)).toBeGreaterThan(200);
    // An erase (here straight in SQL, as another process would) takes the person out of every total and page.
    const gone = snapshot.ranking[3]!;
    await db.deleteFrom('candidates').where('id', '=', gone).execute();
    people = people.filter((p) => p.id !== gone);
    await check(people);
  }, 120_000);

  it('sees a write made through another connection (another keepwarm process) before the next page', async () => {
    const db = library.db;
    const listing = createDueListing(db);
    const snapshot = snapshotOf(people.slice(0, 20).map((p) => p.id));
    const before = await listing.page({ snapshot, filters: {}, due: 'any', sort: 'overdue', limit: 50, offset: 0 });
    const other = new SQLite(`${library.dir}/keepwarm.db`);
    other.pragma('foreign_keys = ON');
    other.prepare('delete from candidates where id = ?').run(people[0]!.id);
    other.close();
    const after = await listing.page({ snapshot, filters: {}, due: 'any', sort: 'overdue', limit: 50, offset: 0 });
    expect(after.total).toBe(before.total - 1);
    expect(after.ids).not.toContain(people[0]!.id);
    people = people.slice(1);
  });
});
