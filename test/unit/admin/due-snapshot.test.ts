// The due snapshot (the candidate list's "due" filter and the dashboard's counts) is the admin's costly
// read: it must not hold up other requests while it is made, nor make anyone wait once one exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/config-schema.js';
import { createDueSnapshots } from '../../../src/admin/due-snapshot.js';
import {
  addCandidate,
  addInteraction,
  addRecruiter,
  createTempLibrary,
  type TempLibrary,
} from '../digest/seed-library.js';

let lib: TempLibrary;
let clock = new Date('2026-11-23T13:00:00.000Z');
const config = configSchema.parse({ database: 'sqlite::memory:' });
const TTL = 60_000;

beforeEach(async () => {
  lib = await createTempLibrary();
  clock = new Date('2026-11-23T13:00:00.000Z');
  for (const [i, email] of ['alice@agency.example', 'bob@agency.example', 'cleo@agency.example'].entries()) {
    const recruiter = await addRecruiter(lib.db, email, email.split('@')[0] ?? email);
    const candidate = await addCandidate(lib.db, {
      name: `Quiet ${i}`,
      emails: [`quiet${i}@mail.example`],
      owner: recruiter,
    });
    await addInteraction(lib.db, {
      candidateId: candidate,
      recruiterId: recruiter,
      direction: 'outbound',
      at: '2026-09-01T10:00:00.000Z',
    });
  }
});
afterEach(async () => {
  await lib.remove();
});

const snapshots = () => createDueSnapshots({ db: lib.db, config, now: () => clock, ttlMs: TTL });

describe('the due snapshot', () => {
  it('lets other work run between one recruiter’s digest and the next while it is made', async () => {
    let ranMeanwhile = false;
    const made = snapshots().get();
    setImmediate(() => (ranMeanwhile = true));
    const snapshot = await made;
    expect(snapshot.byCandidate.size).toBe(3);
    expect(ranMeanwhile).toBe(true);
  });

  it('answers with the previous snapshot once the TTL is over, while the next one is made', async () => {
    const due = snapshots();
    const first = await due.get();
    clock = new Date(clock.getTime() + TTL + 1);
    expect(await due.get()).toBe(first); // no waiting
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await due.get();
    expect(next).not.toBe(first);
    expect(next.at).toEqual(clock);
  });

  it('never answers with a snapshot begun before a change, once told of the change', async () => {
    const due = snapshots();
    const before = due.get();
    const startedAt = clock;
    clock = new Date(clock.getTime() + 1_000);
    due.invalidate();
    const after = await due.get();
    expect(after.at).toEqual(clock);
    expect((await before).at).toEqual(startedAt);
    expect(await due.get()).toBe(after);
  });
});
