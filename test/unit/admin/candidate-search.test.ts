import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCandidates, type CandidateSearch } from '../../../src/library/candidate-search.js';
import { createTempLibrary, seedCandidate, seedMail, seedRecruiter, type TempLibrary } from './library-fixture.js';

let library: TempLibrary;
const ids: Record<string, number> = {};

beforeAll(async () => {
  library = await createTempLibrary();
  const db = library.db;
  const alice = await seedRecruiter(db, 'alice@agency.example', 'Alice Archer');
  ids.jane = await seedCandidate(db, {
    name: 'Jane Roe',
    emails: ['jane.roe@gmail.com', 'jane@work.example'],
    skills: ['CRM', 'Oncology'],
    owner: alice,
  });
  ids.jose = await seedCandidate(db, {
    name: 'José Núñez',
    emails: ['jose@example.com'],
    skills: ['Cardiology'],
    status: 'placed_elsewhere',
  });
  ids.ann = await seedCandidate(db, { name: 'Ann 100%_Smith', emails: ['ann@example.com'], owner: alice });
  ids.bob = await seedCandidate(db, { name: 'Bob Stone', emails: ['bob@example.com'], skills: ['crm'] });
  await seedMail(db, ids.jose, { at: '2024-05-01T10:00:00.000Z' });
  await seedMail(db, ids.jane, { at: '2024-04-01T10:00:00.000Z' });
  await seedMail(db, ids.bob, { at: '2024-06-01T10:00:00.000Z', kind: 'bulk' });
});
afterAll(async () => library.remove());

const names = async (search: Partial<CandidateSearch>): Promise<string[]> =>
  (await searchCandidates(library.db, { sort: 'name', limit: 10, offset: 0, ...search })).rows.map((r) => r.name);

describe('searchCandidates', () => {
  it('finds people by part of a name, part of an address, a whole address (as its key) or a skill', async () => {
    expect(await names({ text: 'roe' })).toEqual(['Jane Roe']);
    expect(await names({ text: 'work.exam' })).toEqual(['Jane Roe']);
    expect(await names({ text: 'Jane.Roe+news@googlemail.com' })).toEqual(['Jane Roe']);
    expect(await names({ text: 'crm' })).toEqual(['Bob Stone', 'Jane Roe']);
  });

  it('finds names without their accents, and follows renames and address changes (the trigram index)', async () => {
    const db = library.db;
    expect(await names({ text: 'nunez' })).toEqual(['José Núñez']);
    expect(await names({ text: 'Núñez' })).toEqual(['José Núñez']);
    await db.updateTable('candidates').set({ name: 'Robert Stone' }).where('id', '=', ids.bob!).execute();
    await db
      .insertInto('candidate_emails')
      .values({ candidate_id: ids.bob!, email: 'rob@stone.example', email_key: 'rob@stone.example' })
      .execute();
    expect(await names({ text: 'robert' })).toEqual(['Robert Stone']);
    expect(await names({ text: 'stone.exa' })).toEqual(['Robert Stone']);
    await db.deleteFrom('candidate_emails').where('email', '=', 'rob@stone.example').execute();
    await db.updateTable('candidates').set({ name: 'Bob Stone' }).where('id', '=', ids.bob!).execute();
    expect(await names({ text: 'stone.exa' })).toEqual([]);
    expect(await names({ text: 'robert' })).toEqual([]);
    const rows = await sql<{
      n: number;
    }>`select (select count(*) from candidate_name_search) + (select count(*) from candidate_email_search) as n`.execute(
      db,
    );
    expect(rows.rows[0]?.n).toBe(9);
  });

  it('treats %, _ and quotes in the search as plain text', async () => {
    expect(await names({ text: '100%_' })).toEqual(['Ann 100%_Smith']);
    expect(await names({ text: '%' })).toEqual(['Ann 100%_Smith']);
    expect(await names({ text: "' or 1=1 --" })).toEqual([]);
    expect(await names({ text: '"roe" OR "*"' })).toEqual([]);
    expect(await names({ text: 'NEAR(a b)' })).toEqual([]);
  });

  it('filters by status and owner, and pages with the total', async () => {
    expect(await names({ status: 'placed_elsewhere' })).toEqual(['José Núñez']);
    expect(await names({ owner: 'none' })).toEqual(['Bob Stone', 'José Núñez']);
    const page = await searchCandidates(library.db, { sort: 'name', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(['Jane Roe', 'José Núñez']);
  });

  it('sorts by last personal contact, then the never-contacted by name, across pages', async () => {
    expect(await names({ sort: 'last_contact' })).toEqual(['José Núñez', 'Jane Roe', 'Ann 100%_Smith', 'Bob Stone']);
    const second = await searchCandidates(library.db, { sort: 'last_contact', limit: 2, offset: 1 });
    expect(second.rows.map((r) => r.name)).toEqual(['Jane Roe', 'Ann 100%_Smith']);
    expect(second.rows[0]?.lastContactAt).toBe('2024-04-01T10:00:00.000Z');
  });

  it('pages within a chosen set of ids in either order, bound into the query or applied while reading', async () => {
    const { pageWithin } = await import('../../../src/library/candidate-search.js');
    const chosen = new Set([ids.bob!, ids.jane!, ids.jose!]);
    expect(await pageWithin(library.db, {}, 'name', chosen, 10, 0)).toEqual([ids.bob, ids.jane, ids.jose]);
    expect(await pageWithin(library.db, { owner: 'none' }, 'last_contact', chosen, 10, 0)).toEqual([ids.jose, ids.bob]);
    expect(await pageWithin(library.db, { text: 'crm' }, 'name', chosen, 1, 1)).toEqual([ids.jane]);
  });
});
