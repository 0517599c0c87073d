import { describe, expect, it } from 'vitest';
import { compareEntries, computeDigests, sortEntries } from './select-digest.js';
import { REASON_ORDER, type Digest, type DigestEntry, type Reason } from './digest-types.js';
import type { DigestWorld, WorldCandidate } from './digest-world.js';
import type { CandidateSpec } from '../../test/unit/digest/world-builder.js';
import {
  DEFAULT_RULES,
  MONDAY,
  candidate,
  daysBefore,
  inbound,
  lifeEventIn,
  opening,
  outbound,
  recruiter,
  world,
} from '../../test/unit/digest/world-builder.js';

const digestOf = (w: DigestWorld, recruiterId = 1): Digest => {
  const found = computeDigests(w, { rules: DEFAULT_RULES, now: MONDAY }).find((d) => d.recruiter.id === recruiterId);
  if (!found) throw new Error(`no digest for recruiter ${recruiterId}`);
  return found;
};
const listed = (digest: Digest): string[] => digest.entries.map((entry) => entry.candidate.name);
const overdue = (over: CandidateSpec = {}): WorldCandidate =>
  candidate({ name: 'Overdue', mails: [outbound(daysBefore(45))], ...over });

describe('who is never listed', () => {
  it.each([
    ['do_not_contact', { status: 'do_not_contact' as const }, false],
    ['archived', { status: 'archived' as const }, false],
    ['snoozed until tomorrow', { snoozedUntil: daysBefore(-1) }, false],
    ['snoozed until exactly now', { snoozedUntil: MONDAY }, true],
    ['snoozed until last week', { snoozedUntil: daysBefore(7) }, true],
    ['placed elsewhere (kept on a slower cadence)', { status: 'placed_elsewhere' as const, cadenceDays: 30 }, true],
  ])('%s', (_label, over, isListed) => {
    expect(listed(digestOf(world({ candidates: [overdue(over)] })))).toEqual(isListed ? ['Overdue'] : []);
  });

  it('lists an opt-out awaiting confirmation under "please confirm", with the mail that triggered it', () => {
    const stop = inbound(daysBefore(2), 'Please remove me');
    const optedOut = overdue({
      name: 'Opted Out',
      status: 'do_not_contact',
      optOut: {
        detectedAt: daysBefore(2),
        previousStatus: 'runner_up',
        mail: { ...stop, snippet: 'Please stop emailing me.' },
      },
    });
    const confirmed = overdue({ name: 'Confirmed', status: 'do_not_contact' });
    const digest = digestOf(world({ candidates: [optedOut, confirmed] }));
    expect(digest.entries).toEqual([]);
    expect(digest.confirmOptOut).toMatchObject([
      {
        candidate: { name: 'Opted Out' },
        previousStatus: 'runner_up',
        mail: { subject: 'Please remove me', snippet: 'Please stop emailing me.' },
      },
    ]);
  });
});

describe('whose digest a candidate is in', () => {
  const two = [recruiter(), recruiter({ id: 2, name: 'Bob Baker', email: 'bob@agency.example' })];
  it('is the owner, whoever wrote last', () => {
    const w = world({
      recruiters: two,
      candidates: [overdue({ ownerRecruiterId: 2, mails: [outbound(daysBefore(45), 'Hi', { recruiterId: 1 })] })],
    });
    expect(listed(digestOf(w, 1))).toEqual([]);
    expect(listed(digestOf(w, 2))).toEqual(['Overdue']);
  });
  it('without an owner, the recruiter of the latest interaction', () => {
    const mails = [
      outbound(daysBefore(60), 'Hi', { recruiterId: 1 }),
      outbound(daysBefore(45), 'Hello', { recruiterId: 2 }),
    ];
    const w = world({ recruiters: two, candidates: [overdue({ ownerRecruiterId: null, mails })] });
    expect(listed(digestOf(w, 2))).toEqual(['Overdue']);
    expect(listed(digestOf(w, 1))).toEqual([]);
  });
  it('without an owner or any mail: nobody among several recruiters, the only recruiter when there is one', () => {
    const orphan = candidate({ name: 'Orphan', ownerRecruiterId: null, createdAt: daysBefore(40) });
    expect(listed(digestOf(world({ recruiters: two, candidates: [orphan] }), 1))).toEqual([]);
    expect(listed(digestOf(world({ recruiters: two, candidates: [orphan] }), 2))).toEqual([]);
    expect(listed(digestOf(world({ candidates: [orphan] })))).toEqual(['Orphan']);
  });
});

describe('order and grouping', () => {
  it('orders by the most urgent reason, check-ins most overdue first', () => {
    const w = world({
      openings: [opening()],
      candidates: [
        candidate({
          name: 'No reply',
          mails: [inbound(daysBefore(40)), outbound(daysBefore(20)), outbound(daysBefore(10))],
        }),
        candidate({ name: 'Check-in 40', mails: [outbound(daysBefore(40))] }),
        candidate({ name: 'Check-in 60', mails: [outbound(daysBefore(60))] }),
        candidate({ name: 'Match', skills: ['Cardiology', 'Negotiation'], mails: [outbound(daysBefore(3))] }),
        candidate({
          name: 'Bounced',
          mails: [outbound(daysBefore(5)), inbound(daysBefore(4), 'Undeliverable', { kind: 'bounce' })],
        }),
        candidate({
          name: 'Feedback',
          mails: [outbound(daysBefore(20))],
          outcomes: [
            {
              openingId: 1,
              openingTitle: 'Rep',
              client: 'Acme',
              stage: 'runner_up',
              decidedAt: daysBefore(6),
              feedbackNotes: null,
            },
          ],
        }),
        candidate({ name: 'Reply 3', mails: [inbound(daysBefore(5))] }),
        candidate({ name: 'Reply 5', mails: [inbound(daysBefore(7))] }),
        candidate({ name: 'Quiet', mails: [outbound(daysBefore(3))] }),
      ],
    });
    expect(listed(digestOf(w))).toEqual([
      'Reply 5',
      'Reply 3',
      'Feedback',
      'Bounced',
      'Match',
      'Check-in 60',
      'Check-in 40',
      'No reply',
    ]);
  });

  it('lists a candidate with several reasons once, every reason most urgent first', () => {
    const news = inbound(daysBefore(50), 'Update');
    const jane = candidate({
      name: 'Jane Roe',
      skills: ['Cardiology', 'Capital equipment'],
      mails: [outbound(daysBefore(52)), news],
      lifeEvents: [lifeEventIn(news, 'credential', 'I just earned my CMDR.')],
    });
    const digest = digestOf(world({ candidates: [jane], openings: [opening()] }));
    expect(digest.entries).toHaveLength(1);
    expect(digest.entries[0]?.reasons.map((reason) => reason.code)).toEqual([
      'reply_waiting',
      'life_event',
      'opening_match',
      'check_in_due',
    ]);
    expect(digest.entries[0]?.lastContact).toMatchObject({ direction: 'inbound', subject: 'Update' });
  });

  it('keeps a <script> in a subject as data', () => {
    const jane = candidate({ mails: [inbound(daysBefore(7), '<script>alert(1)</script>')] });
    expect(digestOf(world({ candidates: [jane] })).entries[0]?.reasons[0]?.evidence?.subject).toBe(
      '<script>alert(1)</script>',
    );
  });
});

describe('honesty check', () => {
  const flag = (days: number, over: { recruiterId?: number; kind?: 'personal' | 'bulk' } = {}) => ({
    candidateId: 5,
    candidateName: 'Jane Roe',
    phrase: 'the job is yours',
    mail: {
      ...outbound(daysBefore(days), 'Great news', { recruiterId: over.recruiterId ?? 1 }),
      kind: over.kind ?? ('personal' as const),
    },
  });
  it('lists promise flags in the recruiter own personal mail of the last 7 days', () => {
    const w = world({ promiseFlags: [flag(6), flag(8), flag(1, { recruiterId: 2 }), flag(1, { kind: 'bulk' })] });
    expect(digestOf(w).coaching).toMatchObject([
      { code: 'promise_flag', candidate: { name: 'Jane Roe' }, subject: 'Great news', phrase: 'the job is yours' },
    ]);
  });
});

describe('coming up', () => {
  it('names who falls due in the next 14 days, and not who is already listed or due later', () => {
    const w = world({
      candidates: [
        candidate({ name: 'Due in 11 days', mails: [outbound(daysBefore(20))] }),
        candidate({ name: 'Due in 21 days', mails: [outbound(daysBefore(10))] }),
        candidate({ name: 'Snoozed 5 more days', mails: [outbound(daysBefore(60))], snoozedUntil: daysBefore(-5) }),
        candidate({ name: 'Listed now', mails: [outbound(daysBefore(60))] }),
      ],
    });
    const digest = digestOf(w);
    expect(digest.comingUp.map((entry) => entry.candidate.name)).toEqual(['Snoozed 5 more days', 'Due in 11 days']);
    expect(digest.comingUp[0]?.dueAt).toEqual(daysBefore(-5));
  });
});

describe('sync health', () => {
  const folder = (over: Partial<DigestWorld['mailboxes'][number]>) => ({
    mailbox: 'log',
    folder: 'INBOX',
    role: 'log' as const,
    recruiterId: null,
    lastSuccessAt: daysBefore(0.01),
    lastError: null,
    lastErrorAt: null,
    ...over,
  });
  it('reports failing and stale mailboxes, its own and the log, not other recruiters', () => {
    const w = world({
      recruiters: [recruiter(), recruiter({ id: 2, email: 'bob@agency.example' })],
      mailboxes: [
        folder({}),
        folder({
          mailbox: 'alice',
          folder: 'INBOX',
          role: 'recruiter',
          recruiterId: 1,
          lastError: 'AUTHENTICATIONFAILED',
          lastErrorAt: daysBefore(0.5),
          lastSuccessAt: daysBefore(2),
        }),
        folder({ mailbox: 'alice', folder: 'Sent', role: 'recruiter', recruiterId: 1, lastSuccessAt: daysBefore(3) }),
        folder({ mailbox: 'bob', role: 'recruiter', recruiterId: 2, lastSuccessAt: null }),
      ],
    });
    expect(digestOf(w, 1).health).toMatchObject([
      {
        code: 'mailbox_failing',
        mailbox: 'alice',
        folders: ['INBOX'],
        detail: expect.stringContaining('AUTHENTICATIONFAILED') as string,
      },
      { code: 'mailbox_stale', mailbox: 'alice', folders: ['Sent'] },
    ]);
    expect(digestOf(w, 2).health).toMatchObject([{ code: 'mailbox_stale', mailbox: 'bob', at: null }]);
  });
  it('notices a recruiter whose BCC copies stopped, unless their own mailbox is connected', () => {
    const silent = world({
      hasLogMailbox: true,
      logAddress: 'log@agency.example',
      recruiters: [recruiter({ lastLogCopyAt: daysBefore(15) })],
    });
    expect(digestOf(silent).health).toMatchObject([
      { code: 'no_log_copy', detail: expect.stringContaining('No BCC copy from you in 14 days') as string },
    ]);
    const recent = world({ hasLogMailbox: true, recruiters: [recruiter({ lastLogCopyAt: daysBefore(13) })] });
    expect(digestOf(recent).health).toEqual([]);
    const ownMailbox = world({
      hasLogMailbox: true,
      recruiters: [recruiter({ lastLogCopyAt: null, hasOwnMailbox: true })],
    });
    expect(digestOf(ownMailbox).health).toEqual([]);
  });
});

describe('sync health when a mailbox cannot be reached', () => {
  it('reports one failing note (not stale folders) with the last good sync of its folders', () => {
    const base = { mailbox: 'alice', role: 'recruiter' as const, recruiterId: 1, lastError: null, lastErrorAt: null };
    const w = world({
      mailboxes: [
        { ...base, folder: '*', lastSuccessAt: null, lastError: 'connect ECONNREFUSED', lastErrorAt: daysBefore(0.1) },
        { ...base, folder: 'INBOX', lastSuccessAt: daysBefore(3) },
        { ...base, folder: 'Sent', lastSuccessAt: daysBefore(4) },
      ],
    });
    expect(digestOf(w).health).toEqual([
      {
        code: 'mailbox_failing',
        mailbox: 'alice',
        folders: ['*'],
        at: daysBefore(4),
        detail:
          'Mailbox "alice" is failing (connect ECONNREFUSED): mail since Thu 19 Nov 2026 may be missing from this digest.',
      },
    ]);
  });
});

describe('sortEntries', () => {
  it('orders entries exactly as compareEntries does, for plain and accented names, ties and punctuation', () => {
    const names = [
      'ann lee',
      'Ann Lee',
      'Anna',
      'Ann  Lee',
      'Ångström',
      'angstrom',
      "O'Brien",
      'O-Brien',
      'Zoë',
      'zoe',
      '',
      ' Bo',
      'bo',
      'Éva',
      'eva',
      'Eve',
    ];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n); // the high bits: an LCG's low bits repeat with a short period
    };
    const entries: DigestEntry[] = [];
    for (let id = 1; id <= 400; id++) {
      const code = REASON_ORDER[random(3)] ?? 'reply_waiting';
      const reasons =
        random(10) === 0 ? [] : [{ code, urgency: random(4), detail: '', evidence: null } as unknown as Reason];
      entries.push({
        candidate: { id, name: names[random(names.length)] ?? '', email: null },
        runnerUp: null,
        reasons,
        lastContact: null,
      });
    }
    expect(sortEntries(entries).map((e) => e.candidate.id)).toEqual(
      [...entries].sort(compareEntries).map((e) => e.candidate.id),
    );
  });
});
