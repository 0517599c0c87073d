import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDigestWorld } from '../../../src/digest/load-digest-world.js';
import { summarizeContact, type LoggedMail } from '../../../src/digest/contact-summary.js';
import { computeDigests } from '../../../src/digest/select-digest.js';
import { toDigestJson } from '../../../src/digest/digest-json.js';
import type { Direction, InteractionKind } from '../../../src/db/schema.js';
import { DEFAULT_RULES } from './world-builder.js';
import {
  addCandidate,
  addInteraction,
  addOpening,
  addOutcome,
  addRecruiter,
  createTempLibrary,
  type TempLibrary,
} from './seed-library.js';

const NOW = new Date('2026-11-23T13:00:00.000Z'); // Monday 08:00 in New York
const ago = (days: number, hours = 0): string =>
  new Date(NOW.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();

let lib: TempLibrary;
beforeEach(async () => {
  lib = await createTempLibrary();
});
afterEach(async () => {
  await lib.remove();
});

describe('loadDigestWorld', () => {
  it('computes the same contact summary in SQL as the reference, for every mix of kinds, ties and future mail', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice');
    const bob = await addRecruiter(lib.db, 'bob@agency.example', 'Bob');
    let seed = 42;
    const random = (n: number): number => {
      // mulberry32: small, and random enough in its low bits to mix kinds, directions and ties
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const kinds: InteractionKind[] = ['personal', 'personal', 'personal', 'auto_reply', 'bulk', 'bounce'];
    const expected = new Map<number, LoggedMail[]>();
    const owners = new Map<number, number | null>();
    for (let c = 0; c < 80; c++) {
      const owner = c % 3 === 0 ? alice : c % 3 === 1 ? bob : null;
      const id = await addCandidate(lib.db, { name: `C${c}`, emails: [`c${c}@mail.example`], owner });
      owners.set(id, owner);
      const mails: LoggedMail[] = [];
      for (let m = 0; m < random(9); m++) {
        const direction: Direction = random(2) === 0 ? 'inbound' : 'outbound';
        const kind = kinds[random(kinds.length)] ?? 'personal';
        const recruiterId = random(5) === 0 ? null : random(2) === 0 ? alice : bob;
        const at = ago(random(12) - 2); // some mail is "after now" for an --at in the past
        const subject = random(10) === 0 ? `s${c}.${m}\u001fwith a separator` : `s${c}.${m}`;
        const interactionId = await addInteraction(lib.db, {
          candidateId: id,
          recruiterId,
          direction,
          kind,
          at,
          subject,
        });
        mails.push({ interactionId, at: new Date(at), subject, direction, kind, recruiterId });
      }
      expected.set(id, mails);
    }
    // Everyone in one pass, and one recruiter's candidates: theirs, and the unowned whose latest mail as of
    // NOW has them (the stored summary counts later mail too, so candidates with later mail are read as well).
    for (const recruiterId of [undefined, alice]) {
      const world = await loadDigestWorld(lib.db, { now: NOW, ...(recruiterId ? { recruiterId } : {}) });
      const read = new Set(world.candidates.map((candidate) => candidate.id));
      for (const [id, mails] of expected) {
        const owner = owners.get(id) ?? summarizeContact(mails, NOW).latestRecruiterId;
        if (recruiterId === undefined || owner === recruiterId) expect(read.has(id), `C${id}`).toBe(true);
      }
      if (recruiterId) expect(world.candidates.length).toBeLessThan(80);
      for (const candidate of world.candidates) {
        const reference = summarizeContact(expected.get(candidate.id) ?? [], NOW);
        // The fallback owner is only looked up for candidates who have no owner.
        if (candidate.ownerRecruiterId !== null) reference.latestRecruiterId = null;
        expect(candidate.contact, candidate.name).toEqual(reference);
      }
    }
  });

  it('reads a small library into the digest the issue describes', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice Archer', 'America/New_York');
    const jane = await addCandidate(lib.db, {
      name: 'Jane Roe',
      emails: ['jane@mail.example', 'jane@old.example'],
      owner: alice,
      skills: ['Cardiology', 'Capital equipment', 'Golf'],
    });
    const opening = await addOpening(lib.db, { title: 'Territory Manager', client: 'Acme Medical', openedAt: ago(40) });
    await addOutcome(lib.db, {
      candidateId: jane,
      openingId: opening,
      decidedAt: '2026-10-01T00:00:00.000Z',
      notes: 'Strong on cardiology.',
    });
    await addOpening(lib.db, {
      title: 'Capital Sales Rep',
      client: 'Beta Health',
      openedAt: ago(5),
      skills: ['cardiology', 'CAPITAL EQUIPMENT'],
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'outbound',
      at: ago(20),
      subject: 'Checking in',
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'inbound',
      at: ago(6),
      subject: 'Re: Checking in <script>x</script>',
      signals: [{ code: 'life_event', category: 'credential', text: 'I passed my CMDR exam.' }],
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'outbound',
      at: ago(3),
      kind: 'bulk',
      subject: 'Newsletter',
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'inbound',
      at: ago(2),
      kind: 'auto_reply',
      subject: 'Out of office',
    });

    const world = await loadDigestWorld(lib.db, { now: NOW, timezone: 'America/New_York' });
    const [digest] = computeDigests(world, { rules: DEFAULT_RULES, now: NOW });
    const json = toDigestJson(digest!);
    expect(json).toMatchObject({
      recruiter: 'alice@agency.example',
      at: '2026-11-23T13:00:00.000Z',
      items: [
        {
          candidate: { name: 'Jane Roe', email: 'jane@mail.example' },
          reasons: [
            {
              code: 'reply_waiting',
              detail: 'Wrote to you 4 working days ago and has had no reply.',
              evidence: { at: ago(6), subject: 'Re: Checking in <script>x</script>' },
            },
            { code: 'life_event', detail: 'Shared news of a new credential: “I passed my CMDR exam.”' },
            {
              code: 'opening_match',
              detail: 'New opening Capital Sales Rep at Beta Health shares 2 skills: Capital equipment, Cardiology.',
              evidence: null,
            },
          ],
          lastContact: { at: ago(6), direction: 'inbound', subject: 'Re: Checking in <script>x</script>' },
        },
      ],
      confirmOptOut: [],
      coaching: [],
    });
    // Only the skills a recent opening asks for are read.
    expect([...(world.candidates[0]?.skills ?? [])].sort()).toEqual(['Capital equipment', 'Cardiology']);
    // A decision date stored as midnight UTC is that day in the agency's zone.
    // 1 October in the agency's zone (New York), read at local noon so no recruiter's zone moves the day.
    expect(world.candidates[0]?.outcomes[0]?.decidedAt?.toISOString()).toBe('2026-10-01T16:00:00.000Z');
  });

  it('loads opt-outs awaiting confirmation with their mail, and leaves out archived and confirmed ones', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice');
    const pending = await addCandidate(lib.db, { name: 'Pending', emails: ['p@mail.example'], owner: alice });
    const stop = await addInteraction(lib.db, {
      candidateId: pending,
      recruiterId: alice,
      direction: 'inbound',
      at: ago(1),
      subject: 'Remove me',
      snippet: 'Please remove me from your list.',
    });
    await lib.db
      .updateTable('candidates')
      .set({
        status: 'do_not_contact',
        previous_status: 'runner_up',
        opt_out_interaction_id: stop,
        opt_out_detected_at: ago(1),
      })
      .where('id', '=', pending)
      .execute();
    await addCandidate(lib.db, {
      name: 'Confirmed',
      emails: ['c@mail.example'],
      owner: alice,
      status: 'do_not_contact',
    });
    await addCandidate(lib.db, { name: 'Archived', emails: ['a@mail.example'], owner: alice, status: 'archived' });

    const world = await loadDigestWorld(lib.db, { now: NOW });
    expect(world.candidates.map((c) => c.name)).toEqual(['Pending']);
    const json = toDigestJson(computeDigests(world, { rules: DEFAULT_RULES, now: NOW })[0]!);
    expect(json.confirmOptOut).toEqual([
      {
        candidate: { name: 'Pending', email: 'p@mail.example' },
        detectedAt: ago(1),
        previousStatus: 'runner_up',
        message: { at: ago(1), subject: 'Remove me', snippet: 'Please remove me from your list.' },
      },
    ]);
  });

  it('reads promise flags for coaching and signals only within the lookback', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice');
    const jane = await addCandidate(lib.db, { name: 'Jane', emails: ['j@mail.example'], owner: alice });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'outbound',
      at: ago(2),
      subject: 'Great news',
      signals: [{ code: 'promise_flag', text: 'the job is yours' }],
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'inbound',
      at: ago(120),
      subject: 'Old news',
      signals: [{ code: 'life_event', category: 'baby', text: 'We had a baby.' }],
    });
    const world = await loadDigestWorld(lib.db, { now: NOW });
    expect(world.promiseFlags).toMatchObject([
      { candidateName: 'Jane', phrase: 'the job is yours', mail: { subject: 'Great news', kind: 'personal' } },
    ]);
    expect(world.candidates[0]?.lifeEvents).toEqual([]);
    const [digest] = computeDigests(world, { rules: DEFAULT_RULES, now: NOW });
    expect(toDigestJson(digest!).coaching).toEqual([
      { code: 'promise_flag', candidate: 'Jane', subject: 'Great news', phrase: 'the job is yours' },
    ]);
  });

  it('reads only one recruiter’s candidates (and the unowned whose latest mail is theirs) when asked', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice');
    const bob = await addRecruiter(lib.db, 'bob@agency.example', 'Bob');
    await addCandidate(lib.db, { name: 'Alice’s', emails: ['a@mail.example'], owner: alice });
    await addCandidate(lib.db, { name: 'Bob’s', emails: ['b@mail.example'], owner: bob });
    await addCandidate(lib.db, { name: 'Nobody’s', emails: ['n@mail.example'] });
    const wroteAlice = await addCandidate(lib.db, { name: 'Wrote to Alice', emails: ['w@mail.example'] });
    await addInteraction(lib.db, { candidateId: wroteAlice, recruiterId: bob, direction: 'outbound', at: ago(9) });
    await addInteraction(lib.db, { candidateId: wroteAlice, recruiterId: alice, direction: 'inbound', at: ago(3) });
    const wroteBob = await addCandidate(lib.db, { name: 'Wrote to Bob', emails: ['x@mail.example'] });
    await addInteraction(lib.db, { candidateId: wroteBob, recruiterId: bob, direction: 'inbound', at: ago(3) });
    const world = await loadDigestWorld(lib.db, { now: NOW, recruiterId: alice });
    expect(world.candidates.map((c) => c.name)).toEqual(['Alice’s', 'Wrote to Alice']);
  });

  it('gives a one-recruiter agency every unowned candidate, mail or not', async () => {
    const alice = await addRecruiter(lib.db, 'alice@agency.example', 'Alice');
    await addCandidate(lib.db, { name: 'Nobody’s', emails: ['n@mail.example'] });
    const world = await loadDigestWorld(lib.db, { now: NOW, recruiterId: alice });
    expect(world.candidates.map((c) => c.name)).toEqual(['Nobody’s']);
  });

  it('reads mailbox health and each recruiter’s last BCC copy from the configured mailboxes', async () => {
    const alice = await addRecruiter(lib.db, 'Alice@Agency.example', 'Alice');
    const bob = await addRecruiter(lib.db, 'bob@agency.example', 'Bob');
    const jane = await addCandidate(lib.db, { name: 'Jane', emails: ['j@mail.example'] });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: alice,
      direction: 'outbound',
      at: ago(3),
      mailbox: 'log',
    });
    await addInteraction(lib.db, {
      candidateId: jane,
      recruiterId: bob,
      direction: 'outbound',
      at: ago(3),
      mailbox: 'bob',
    });
    await lib.db
      .insertInto('mailbox_positions')
      .values([
        { mailbox: 'log', folder: 'INBOX', last_success_at: ago(0, 1) },
        { mailbox: 'old', folder: 'INBOX', last_error: 'gone', last_error_at: ago(1) },
      ])
      .execute();
    const world = await loadDigestWorld(lib.db, {
      now: NOW,
      logAddress: 'log@agency.example',
      mailboxes: [
        { name: 'log', role: 'log' },
        { name: 'bob', role: 'recruiter', recruiter: 'BOB@agency.example' },
      ],
    });
    expect(world.hasLogMailbox).toBe(true);
    expect(world.recruiters).toMatchObject([
      { id: alice, lastLogCopyAt: new Date(ago(3)), hasOwnMailbox: false },
      { id: bob, lastLogCopyAt: null, hasOwnMailbox: true },
    ]);
    expect(world.mailboxes).toEqual([
      {
        mailbox: 'log',
        folder: 'INBOX',
        role: 'log',
        recruiterId: null,
        lastSuccessAt: new Date(ago(0, 1)),
        lastError: null,
        lastErrorAt: null,
      },
      {
        mailbox: 'bob',
        folder: '*',
        role: 'recruiter',
        recruiterId: bob,
        lastSuccessAt: null,
        lastError: null,
        lastErrorAt: null,
      },
    ]);
  });
});
