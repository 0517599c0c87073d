// What the admin page keeps between requests is keyed by the library's version: it must move on every write,
// by this process or another, so nothing kept is ever served after the data under it changed.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVersionedCache,
  memoizeByLibraryVersion,
  readLibraryVersion,
} from '../../../src/library/library-version.js';
import { createTempLibrary, seedCandidate, type TempLibrary } from './library-fixture.js';

let library: TempLibrary;
beforeAll(async () => {
  library = await createTempLibrary();
});
afterAll(async () => library.remove());

const countCandidates = async (): Promise<number> =>
  (await library.db.selectFrom('candidates').select('id').execute()).length;

describe('the library version', () => {
  it('stays while nothing is written, and moves with a write here or a commit through another connection', async () => {
    const first = await readLibraryVersion(library.db);
    expect(await readLibraryVersion(library.db)).toBe(first);
    await seedCandidate(library.db, { name: 'Ann Here', emails: ['ann@here.example'] });
    const second = await readLibraryVersion(library.db);
    expect(second).not.toBe(first);
    const other = new SQLite(`${library.dir}/keepwarm.db`);
    other.prepare("insert into candidates (name) values ('Bob Elsewhere')").run();
    other.close();
    expect(await readLibraryVersion(library.db)).not.toBe(second);
  });

  it('recomputes a kept value only after a write', async () => {
    let computed = 0;
    const count = memoizeByLibraryVersion(library.db, async () => {
      computed += 1;
      return countCandidates();
    });
    const cache = createVersionedCache(library.db);
    const cached = (): Promise<number> => cache.get('count', countCandidates);
    const before = await count();
    expect(await count()).toBe(before);
    expect(computed).toBe(1);
    expect(await cached()).toBe(before);
    await seedCandidate(library.db, { name: 'Cy New', emails: ['cy@new.example'] });
    expect(await count()).toBe(before + 1);
    expect(await cached()).toBe(before + 1);
    expect(computed).toBe(2);
  });

  it('does not keep a value computed while another call moved on to a newer version', async () => {
    const cache = createVersionedCache(library.db);
    const stale = cache.get('n', async () => {
      // A write lands while this value is computed; the next call must not get the old one.
      await seedCandidate(library.db, { name: 'Dee Meanwhile', emails: ['dee@meanwhile.example'] });
      return -1;
    });
    expect(await stale).toBe(-1);
    expect(await cache.get('n', countCandidates)).toBe(await countCandidates());
  });
});
