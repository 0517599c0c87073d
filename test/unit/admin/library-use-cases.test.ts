// The use cases the admin page added to the library (callable from the CLI too): opt-out review, the triage
// queue, openings by hand, recruiter aliases as a whole list, and the dashboard's weekly counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeepwarmError } from '../../../src/errors.js';
import { listOptOutsAwaiting, reviewOptOut } from '../../../src/library/opt-out-review.js';
import {
  attachUnmatched,
  createFromUnmatched,
  dismissUnmatched,
  listUnmatched,
  neverLogUnmatched,
} from '../../../src/library/triage-queue.js';
import { closeOpening, listOpenings, saveOpening } from '../../../src/library/edit-opening.js';
import { addRecruiter } from '../../../src/library/add-recruiter.js';
import { editRecruiter } from '../../../src/library/edit-recruiter.js';
import { weeklyPersonalMail } from '../../../src/library/library-activity.js';
import { createTempLibrary, seedCandidate, seedMail, type TempLibrary } from './library-fixture.js';

const now = new Date('2024-06-05T12:00:00Z');
let library: TempLibrary;
beforeEach(async () => {
  library = await createTempLibrary();
});
afterEach(async () => library.remove());

async function unmatched(email: string): Promise<number> {
  const row = await library.db
    .insertInto('unmatched_addresses')
    .values({ email, email_key: email, message_count: 2, last_seen_at: '2024-06-01T10:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('opt-out review', () => {
  it('confirms (stays do_not_contact, leaves the list) or undoes (restores the status before)', async () => {
    const db = library.db;
    const jane = await seedCandidate(db, { name: 'Jane', emails: ['jane@example.com'] });
    const mail = await seedMail(db, jane, {
      at: '2024-06-01T10:00:00.000Z',
      subject: 'Re: hello',
      snippet: 'Please remove me',
    });
    const optOut = {
      status: 'do_not_contact' as const,
      previous_status: 'placed_elsewhere' as const,
      opt_out_interaction_id: mail,
      opt_out_detected_at: '2024-06-01T10:00:00.000Z',
    };
    await db.updateTable('candidates').set(optOut).where('id', '=', jane).execute();
    expect((await listOptOutsAwaiting(db)).map((o) => [o.name, o.mail?.snippet])).toEqual([
      ['Jane', 'Please remove me'],
    ]);
    expect(await reviewOptOut(db, jane, 'undo', { now })).toEqual({ status: 'placed_elsewhere' });
    expect(await listOptOutsAwaiting(db)).toEqual([]);
    await db.updateTable('candidates').set(optOut).where('id', '=', jane).execute();
    expect(await reviewOptOut(db, jane, 'confirm', { now })).toEqual({ status: 'do_not_contact' });
    expect(await listOptOutsAwaiting(db)).toEqual([]);
    await expect(reviewOptOut(db, jane, 'undo', { now })).rejects.toThrow(KeepwarmError);
  });
});

describe('triage queue', () => {
  it('attaches an address to a candidate and backfills it, or creates a candidate, or never logs it, or dismisses it', async () => {
    const db = library.db;
    await seedCandidate(db, { name: 'Jane', emails: ['jane@example.com'] });
    const backfilled: string[][] = [];
    const backfill = async (_id: number, keys: readonly string[]): Promise<void> => void backfilled.push([...keys]);
    await attachUnmatched(db, await unmatched('jane.home@example.com'), 'jane@example.com', { now, backfill });
    await createFromUnmatched(db, await unmatched('new@example.com'), { name: 'New Person' }, { now, backfill });
    await neverLogUnmatched(db, await unmatched('spouse@example.com'), { now });
    const dismissed = await unmatched('vendor@example.com');
    await dismissUnmatched(db, dismissed, now);
    expect(backfilled).toEqual([['jane.home@example.com'], ['new@example.com']]);
    expect(await listUnmatched(db)).toEqual([]);
    const emails = await db.selectFrom('candidate_emails').select('email').orderBy('email').execute();
    expect(emails.map((e) => e.email)).toEqual(['jane.home@example.com', 'jane@example.com', 'new@example.com']);
    expect(await db.selectFrom('never_log').select('email_key').execute()).toEqual([
      { email_key: 'spouse@example.com' },
    ]);
  });
});

describe('openings by hand', () => {
  it('adds, edits, refuses a duplicate title and client, and closes', async () => {
    const db = library.db;
    const { openingId } = await saveOpening(
      db,
      null,
      { title: 'Sales Rep', client: 'Acme', skills: 'CRM; Oncology' },
      { now },
    );
    await saveOpening(db, openingId, { title: 'Senior Sales Rep', client: 'Acme', status: 'filled' }, { now });
    await expect(saveOpening(db, null, { title: 'senior sales rep', client: 'ACME' }, { now })).rejects.toThrow(
      'already exists',
    );
    await expect(saveOpening(db, null, { title: 'X', client: 'Y', openedAt: '2024-02-30' }, { now })).rejects.toThrow(
      'cannot be saved',
    );
    await closeOpening(db, openingId, { now });
    const [opening] = await listOpenings(db);
    expect(opening).toMatchObject({
      title: 'Senior Sales Rep',
      status: 'closed',
      skills: ['CRM', 'Oncology'],
      closedAt: now.toISOString(),
    });
  });
});

describe('recruiter aliases', () => {
  it('keeps exactly the aliases given', async () => {
    const db = library.db;
    await addRecruiter(
      db,
      { email: 'alice@agency.example', name: 'Alice', aliases: ['a@agency.example', 'old@agency.example'] },
      { now },
    );
    const result = await editRecruiter(
      db,
      { email: 'alice@agency.example', name: 'Alice', aliases: ['a@agency.example', 'new@agency.example'] },
      { now },
    );
    expect(result.recruiter.aliases).toEqual(['a@agency.example', 'new@agency.example']);
  });
});

describe('weekly personal mail', () => {
  it('counts personal mail each way per week, Monday to Monday in the zone', async () => {
    const db = library.db;
    const jane = await seedCandidate(db, { name: 'Jane', emails: ['jane@example.com'] });
    await seedMail(db, jane, { at: '2024-06-03T04:30:00.000Z', direction: 'outbound' }); // Monday 00:30 in New York
    await seedMail(db, jane, { at: '2024-06-03T03:30:00.000Z' }); // Sunday 23:30 in New York
    await seedMail(db, jane, { at: '2024-06-04T10:00:00.000Z', kind: 'auto_reply' });
    const weeks = await weeklyPersonalMail(db, { now, weeks: 2, zone: 'America/New_York' });
    expect(weeks).toEqual([
      { week: '2024-05-27', outbound: 0, inbound: 1 },
      { week: '2024-06-03', outbound: 1, inbound: 0 },
    ]);
  });
});
