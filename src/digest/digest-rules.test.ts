import { describe, expect, it } from 'vitest';
import {
  bounced,
  cadenceDaysFor,
  checkInDue,
  feedbackOwed,
  lifeEvent,
  noReply,
  openingMatch,
  prepareOpenings,
  replyWaiting,
  type RuleContext,
} from './digest-rules.js';
import type { WorldOpening } from './digest-world.js';
import {
  DEFAULT_RULES,
  MONDAY,
  ZONE,
  candidate,
  daysBefore,
  inbound,
  lifeEventIn,
  ny,
  opening,
  outbound,
  rulesWith,
} from '../../test/unit/digest/world-builder.js';
import type { RulesConfig } from '../config/config-schema.js';

const ctx = (
  over: { now?: Date; zone?: string; rules?: RulesConfig; openings?: WorldOpening[] } = {},
): RuleContext => ({
  now: over.now ?? MONDAY,
  zone: over.zone ?? ZONE,
  rules: over.rules ?? DEFAULT_RULES,
  openings: prepareOpenings(over.openings ?? []),
});

describe('reply_waiting: the candidate wrote and no recruiter replied for N working days', () => {
  it.each([
    [
      'Friday afternoon, seen Monday morning (1 working day)',
      ny('2026-11-20T16:00:00'),
      ny('2026-11-23T08:00:00'),
      null,
    ],
    [
      'Friday afternoon, seen Tuesday morning (2 working days)',
      ny('2026-11-20T16:00:00'),
      ny('2026-11-24T08:00:00'),
      2,
    ],
    ['Thursday, seen Monday (Friday and Monday)', ny('2026-11-19T10:00:00'), ny('2026-11-23T08:00:00'), 2],
    ['Saturday, seen Monday (the weekend does not count)', ny('2026-11-21T10:00:00'), ny('2026-11-23T20:00:00'), null],
    ['Saturday, seen Tuesday', ny('2026-11-21T10:00:00'), ny('2026-11-24T08:00:00'), 2],
    ['Monday late, seen Wednesday just after midnight', ny('2026-11-16T23:59:00'), ny('2026-11-18T00:01:00'), 2],
    ['a fortnight ago', ny('2026-11-09T09:00:00'), ny('2026-11-23T08:00:00'), 10],
  ])('%s', (_label, wrote, now, expected) => {
    const reasons = replyWaiting(candidate({ mails: [inbound(wrote, 'Next steps?')], now }), ctx({ now }));
    if (expected === null) expect(reasons).toEqual([]);
    else
      expect(reasons).toMatchObject([
        { code: 'reply_waiting', workingDays: expected, evidence: { at: wrote, subject: 'Next steps?' } },
      ]);
  });

  it('counts working days in the recruiter time zone', () => {
    const wrote = ny('2026-11-20T20:00:00'); // Friday evening in New York, Saturday morning in Tokyo
    const now = new Date('2026-11-24T03:00:00Z'); // Monday night in New York, Tuesday noon in Tokyo
    const jane = candidate({ mails: [inbound(wrote)], now });
    expect(replyWaiting(jane, ctx({ now }))).toEqual([]);
    expect(replyWaiting(jane, ctx({ now, zone: 'Asia/Tokyo' }))).toMatchObject([{ workingDays: 2 }]);
  });

  it('is answered by a personal reply after the question', () => {
    const jane = candidate({ mails: [inbound(daysBefore(6)), outbound(daysBefore(5))] });
    expect(replyWaiting(jane, ctx())).toEqual([]);
  });

  it('is not answered by a newsletter, and an out-of-office reply is not a new question', () => {
    const waiting = candidate({ mails: [inbound(daysBefore(6)), outbound(daysBefore(5), 'News', { kind: 'bulk' })] });
    expect(replyWaiting(waiting, ctx())).toMatchObject([{ code: 'reply_waiting' }]);
    const answered = candidate({
      mails: [
        inbound(daysBefore(9)),
        outbound(daysBefore(8)),
        inbound(daysBefore(6), 'Out of office', { kind: 'auto_reply' }),
      ],
    });
    expect(replyWaiting(answered, ctx())).toEqual([]);
  });

  it('respects a configured threshold', () => {
    const jane = candidate({ mails: [inbound(ny('2026-11-20T16:00:00'))] });
    expect(replyWaiting(jane, ctx({ rules: rulesWith({ replyWaitingWorkingDays: 1 }) }))).toHaveLength(1);
  });
});

describe('feedback_owed: a runner-up decision N..90 days old with no mail to the candidate since', () => {
  const decision = (decidedAt: Date, stage: 'runner_up' | 'finalist' = 'runner_up') => ({
    openingId: 1,
    openingTitle: 'Territory Manager',
    client: 'Acme Medical',
    stage,
    decidedAt,
    feedbackNotes: 'Strong on cardiology; earn the CMDR credential.',
  });
  it.each([
    ['2 days old', ny('2026-11-21T00:00:00'), false],
    ['3 days old', ny('2026-11-20T00:00:00'), true],
    ['90 days old', daysBefore(90), true],
    ['91 days old', daysBefore(91), false],
  ])('decision %s', (_label, decidedAt, listed) => {
    const reasons = feedbackOwed(candidate({ outcomes: [decision(decidedAt)] }), ctx());
    expect(reasons.length).toBe(listed ? 1 : 0);
  });

  it('shows the notes recorded with the decision', () => {
    const [reason] = feedbackOwed(candidate({ outcomes: [decision(daysBefore(5))] }), ctx());
    expect(reason?.detail).toContain('Territory Manager (Acme Medical) 5 days ago');
    expect(reason?.detail).toContain('Notes: Strong on cardiology; earn the CMDR credential.');
    expect(reason?.notes).toBe('Strong on cardiology; earn the CMDR credential.');
  });

  it('is settled by personal mail after the decision, not before it, and not by bulk mail', () => {
    const outcomes = [decision(daysBefore(10))];
    expect(feedbackOwed(candidate({ outcomes, mails: [outbound(daysBefore(9))] }), ctx())).toEqual([]);
    expect(feedbackOwed(candidate({ outcomes, mails: [outbound(daysBefore(11))] }), ctx())).toHaveLength(1);
    expect(
      feedbackOwed(candidate({ outcomes, mails: [outbound(daysBefore(9), 'News', { kind: 'bulk' })] }), ctx()),
    ).toHaveLength(1);
  });

  it('only for runner-up outcomes', () => {
    expect(feedbackOwed(candidate({ outcomes: [decision(daysBefore(5), 'finalist')] }), ctx())).toEqual([]);
  });
});

describe('check_in_due: no personal contact for longer than the cadence', () => {
  it.each([
    ['runner_up', null, 30, false],
    ['runner_up', null, 31, true],
    ['active', null, 31, true],
    ['placed_elsewhere', null, 31, false],
    ['placed_elsewhere', null, 90, false],
    ['placed_elsewhere', null, 91, true],
    ['placed_elsewhere', 10, 11, true],
    ['runner_up', 60, 45, false],
  ] as const)('%s with override %s, last contact %i days ago: listed %s', (status, cadenceDays, days, listed) => {
    const reasons = checkInDue(candidate({ status, cadenceDays, mails: [outbound(daysBefore(days))] }), ctx());
    expect(reasons.length).toBe(listed ? 1 : 0);
  });

  it('takes the cadence by status from the rules config', () => {
    const rules = rulesWith({ cadenceDays: { runner_up: 45 } });
    expect(cadenceDaysFor({ status: 'runner_up', cadenceDays: null }, rules)).toBe(45);
    expect(cadenceDaysFor({ status: 'placed_elsewhere', cadenceDays: null }, rules)).toBe(90);
    expect(checkInDue(candidate({ mails: [inbound(daysBefore(40))] }), ctx({ rules }))).toEqual([]);
  });

  it('says how overdue, with the last mail as evidence', () => {
    const last = inbound(daysBefore(45), 'Thanks!');
    expect(checkInDue(candidate({ mails: [last] }), ctx())).toMatchObject([
      {
        detail: 'No contact for 45 days (cadence 30).',
        overdueDays: 15,
        evidence: { at: last.at, subject: 'Thanks!' },
      },
    ]);
  });

  it('counts a never-contacted candidate from the decision, else from when they were added', () => {
    const decided = {
      openingId: 1,
      openingTitle: 'Rep',
      client: 'Acme',
      stage: 'runner_up' as const,
      decidedAt: daysBefore(31),
      feedbackNotes: null,
    };
    expect(checkInDue(candidate({ outcomes: [decided], createdAt: daysBefore(200) }), ctx())).toMatchObject([
      { countedFrom: 'decision', daysSince: 31, evidence: null },
    ]);
    expect(checkInDue(candidate({ createdAt: daysBefore(31) }), ctx())).toMatchObject([
      { countedFrom: 'added', daysSince: 31 },
    ]);
    expect(checkInDue(candidate({ createdAt: daysBefore(30) }), ctx())).toEqual([]);
  });

  it('does not count auto-replies, bulk mail or bounces as contact', () => {
    const mails = [
      outbound(daysBefore(40)),
      inbound(daysBefore(39), 'Automatic reply', { kind: 'auto_reply' }),
      outbound(daysBefore(5), 'Newsletter', { kind: 'bulk' }),
      inbound(daysBefore(4), 'Undeliverable', { kind: 'bounce' }),
    ];
    expect(checkInDue(candidate({ mails }), ctx())).toMatchObject([{ daysSince: 40 }]);
  });
});

describe('no_reply: two or more mails since their last one, the first 14+ days ago', () => {
  it.each([
    ['two mails, first 14 days ago', [14, 3], true],
    ['two mails, first 13 days ago', [13, 3], false],
    ['one mail 30 days ago', [30], false],
    ['three mails', [20, 10, 2], true],
  ] as const)('%s', (_label, ages, listed) => {
    const mails = [inbound(daysBefore(60)), ...ages.map((age) => outbound(daysBefore(age)))];
    const reasons = noReply(candidate({ mails }), ctx());
    expect(reasons.length).toBe(listed ? 1 : 0);
    if (listed) expect(reasons[0]).toMatchObject({ unanswered: ages.length, daysSince: ages[0] });
  });

  it('is reset by their reply', () => {
    const mails = [outbound(daysBefore(30)), outbound(daysBefore(20)), inbound(daysBefore(10))];
    expect(noReply(candidate({ mails }), ctx())).toEqual([]);
  });
});

describe('opening_match: a recent open opening shares at least 2 skills', () => {
  const skills = ['cardiology ', 'CAPITAL EQUIPMENT', 'Spanish'];
  it.each([
    ['opened 10 days ago', {}, true],
    ['opened 30 days ago', { openedAt: daysBefore(30) }, true],
    ['opened 31 days ago', { openedAt: daysBefore(31) }, false],
    ['filled', { status: 'filled' as const }, false],
    ['sharing one skill', { skills: ['Cardiology', 'Orthopedics'] }, false],
  ])('%s', (_label, over, listed) => {
    const reasons = openingMatch(candidate({ skills }), ctx({ openings: [opening(over)] }));
    expect(reasons.length).toBe(listed ? 1 : 0);
  });

  it('names the opening, the client and the shared skills (trimmed, case-insensitive)', () => {
    const [reason] = openingMatch(candidate({ skills }), ctx({ openings: [opening()] }));
    expect(reason?.sharedSkills).toEqual(['CAPITAL EQUIPMENT', 'cardiology']);
    expect(reason?.detail).toBe(
      'New opening Territory Manager at Acme Medical shares 2 skills: CAPITAL EQUIPMENT, cardiology.',
    );
  });

  it('skips the opening they were already a finalist for', () => {
    const theOpening = opening();
    const outcomes = [
      {
        openingId: theOpening.id,
        openingTitle: 'x',
        client: 'y',
        stage: 'runner_up' as const,
        decidedAt: null,
        feedbackNotes: null,
      },
    ];
    expect(openingMatch(candidate({ skills, outcomes }), ctx({ openings: [theOpening] }))).toEqual([]);
  });
});

describe('life_event: news in their mail (or a forwarded note) in the last 90 days, not yet answered', () => {
  const news = (days: number, over: { direction?: 'inbound' | 'outbound'; note?: boolean } = {}) => {
    const logged = (over.direction === 'outbound' ? outbound : inbound)(daysBefore(days), 'Big news');
    return {
      logged,
      event: lifeEventIn(logged, 'baby', 'We welcomed our daughter Mia last week.', over.note ?? false),
    };
  };
  it('quotes the sentence, with the mail as evidence', () => {
    const { logged, event } = news(10);
    expect(lifeEvent(candidate({ mails: [logged], lifeEvents: [event] }), ctx())).toMatchObject([
      {
        code: 'life_event',
        detail: 'Shared news of a new baby: “We welcomed our daughter Mia last week.”',
        evidence: { subject: 'Big news' },
      },
    ]);
  });
  it.each([
    ['90 days ago', 90, true],
    ['91 days ago', 91, false],
  ])('news %s', (_label, days, listed) => {
    const { logged, event } = news(days);
    expect(lifeEvent(candidate({ mails: [logged], lifeEvents: [event] }), ctx()).length).toBe(listed ? 1 : 0);
  });
  it('is settled by personal mail to them after the news', () => {
    const { logged, event } = news(10);
    expect(lifeEvent(candidate({ mails: [logged, outbound(daysBefore(2))], lifeEvents: [event] }), ctx())).toEqual([]);
  });
  it('comes from a note a recruiter forwarded, never from the recruiter own mail', () => {
    const forwarded = news(10, { direction: 'outbound', note: true });
    const own = news(10, { direction: 'outbound', note: false });
    expect(lifeEvent(candidate({ lifeEvents: [forwarded.event] }), ctx())).toHaveLength(1);
    expect(lifeEvent(candidate({ lifeEvents: [own.event] }), ctx())).toEqual([]);
  });
  it('lists one line per kind of news, the newest, when a forward note repeats it in other words', () => {
    const theirs = news(10);
    const noteMail = outbound(daysBefore(9), 'Fwd: Big news');
    const note = lifeEventIn(noteMail, 'baby', 'Jane just had a baby girl!', true);
    const reasons = lifeEvent(candidate({ mails: [theirs.logged], lifeEvents: [theirs.event, note] }), ctx());
    expect(reasons).toMatchObject([{ sentence: 'Jane just had a baby girl!' }]);
  });
});

describe('bounced: mail bounced after the last successful contact', () => {
  const wrote = outbound(daysBefore(10), 'Checking in');
  const bounce = inbound(new Date(daysBefore(10).getTime() + 60_000), 'Undelivered Mail Returned to Sender', {
    kind: 'bounce',
  });
  const emails = [{ email: 'jane@old.example', isPrimary: true, bouncingSince: bounce.at }];
  it('asks for a new address, with the bounce as evidence', () => {
    expect(bounced(candidate({ emails, mails: [wrote, bounce] }), ctx())).toMatchObject([
      {
        code: 'bounced',
        deadAddresses: ['jane@old.example'],
        detail:
          'Mail to jane@old.example bounced: the address is dead (often a sign of a job change). Find a new address.',
        evidence: { subject: 'Undelivered Mail Returned to Sender' },
      },
    ]);
  });
  it('suggests another known address', () => {
    const two = [...emails, { email: 'jane@new.example', isPrimary: false, bouncingSince: null }];
    expect(bounced(candidate({ emails: two, mails: [wrote, bounce] }), ctx())[0]?.detail).toContain(
      'Try jane@new.example',
    );
  });
  it('clears once there is new contact after the bounce', () => {
    expect(
      bounced(candidate({ emails, mails: [wrote, bounce, inbound(daysBefore(3), 'New address!')] }), ctx()),
    ).toEqual([]);
    expect(bounced(candidate({ emails, mails: [wrote, bounce, outbound(daysBefore(3))] }), ctx())).toEqual([]);
  });
  it('comes back when the next mail bounces too', () => {
    const again = inbound(daysBefore(2), 'Undeliverable', { kind: 'bounce' });
    expect(bounced(candidate({ emails, mails: [wrote, bounce, outbound(daysBefore(3)), again] }), ctx())).toHaveLength(
      1,
    );
  });
});
