import { describe, expect, it } from 'vitest';
import { adminBaseUrl, buildDigestView } from './digest-view.js';
import { computeDigests } from './select-digest.js';
import type { Digest } from './digest-types.js';
import type { DigestWorld } from './digest-world.js';
import {
  DEFAULT_RULES,
  MONDAY,
  candidate,
  daysBefore,
  inbound,
  outbound,
  recruiter,
  world,
} from '../../test/unit/digest/world-builder.js';

const ADMIN = 'https://keepwarm.agency.example';
const digestOf = (w: DigestWorld): Digest => {
  const [digest] = computeDigests(w, { rules: DEFAULT_RULES, now: MONDAY });
  if (!digest) throw new Error('no digest');
  return digest;
};
const decidedRunnerUp = (days: number, notes: string | null) => ({
  openingId: 1,
  openingTitle: 'Territory Manager',
  client: 'Acme Medical',
  stage: 'runner_up' as const,
  decidedAt: daysBefore(days),
  feedbackNotes: notes,
});
const decodeMailto = (href: string): { to: string; subject: string; body: string } => {
  const url = new URL(href);
  return {
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject') ?? '',
    body: url.searchParams.get('body') ?? '',
  };
};

describe('digest view', () => {
  it('shows what they were runner-up for, each reason with its mail, the last contact and a next step', () => {
    const jane = candidate({
      id: 7,
      name: 'Jane Roe',
      mails: [outbound(daysBefore(45), 'Great to meet you')],
      outcomes: [decidedRunnerUp(60, null)],
    });
    const [entry] = buildDigestView(digestOf(world({ candidates: [jane] })), { adminUrl: ADMIN }).entries.items;
    expect(entry).toMatchObject({
      name: 'Jane Roe',
      adminUrl: `${ADMIN}/candidates/7`,
      runnerUp: 'Runner-up for Territory Manager at Acme Medical (decided Thu 24 Sep 2026)',
      reasons: [
        {
          label: 'Check-in due',
          sentence: 'No contact for 45 days (cadence 30).',
          evidence: 'Last mail of Fri 9 Oct 2026: “Great to meet you”',
        },
      ],
      lastContact: 'You wrote on Fri 9 Oct 2026: “Great to meet you”',
      nextStep: 'Send a short check-in, and say plainly that no role is on offer now.',
    });
  });

  it('drafts a check-in that says plainly no role is on offer', () => {
    const jane = candidate({
      name: 'Jane Roe',
      emails: [{ email: 'jane+cv@mail.example', isPrimary: true, bouncingSince: null }],
      mails: [outbound(daysBefore(45))],
    });
    const mailto = buildDigestView(digestOf(world({ candidates: [jane] })), { adminUrl: ADMIN }).entries.items[0]
      ?.mailto;
    const draft = decodeMailto(mailto?.href ?? '');
    expect(draft.to).toBe('jane+cv@mail.example');
    expect(mailto?.href).toContain('mailto:jane%2Bcv@mail.example?subject=Checking%20in&body=');
    expect(draft.body).toContain("I don't have a role for you right now");
    expect(draft.body).toMatch(/^Hi Jane,\r\n/);
    expect(draft.body).toMatch(/Best,\r\nAlice$/);
  });

  it('drafts feedback with the notes recorded with the decision', () => {
    const jane = candidate({
      name: 'Jane Roe',
      outcomes: [decidedRunnerUp(5, 'Great rapport with surgeons.\nEarn the CMDR credential.')],
    });
    const view = buildDigestView(digestOf(world({ candidates: [jane] })), { adminUrl: ADMIN });
    const draft = decodeMailto(view.entries.items[0]?.mailto?.href ?? '');
    expect(draft.subject).toBe('Feedback on the Territory Manager search');
    expect(draft.body).toContain('Great rapport with surgeons.\r\nEarn the CMDR credential.');
    expect(view.entries.items[0]?.reasons[0]?.evidence).toBe('Decision of Wed 18 Nov 2026');
  });

  it('offers no draft for a dead address', () => {
    const jane = candidate({
      mails: [outbound(daysBefore(5)), inbound(daysBefore(4), 'Undeliverable', { kind: 'bounce' })],
    });
    expect(
      buildDigestView(digestOf(world({ candidates: [jane] })), { adminUrl: ADMIN }).entries.items[0]?.mailto,
    ).toBeNull();
  });

  it('formats dates in the recruiter time zone', () => {
    const late = new Date('2026-11-13T03:00:00Z'); // Thursday night in New York, Friday noon in Tokyo
    const jane = candidate({ mails: [inbound(late, 'Hello')] });
    const inZone = (timezone: string) =>
      buildDigestView(digestOf(world({ recruiters: [recruiter({ timezone })], candidates: [jane] })), {
        adminUrl: ADMIN,
      }).entries.items[0]?.lastContact;
    expect(inZone('America/New_York')).toBe('They wrote on Thu 12 Nov 2026: “Hello”');
    expect(inZone('Asia/Tokyo')).toBe('They wrote on Fri 13 Nov 2026: “Hello”');
  });

  it('caps a long section with "and N more" linking to the admin page', () => {
    const candidates = Array.from({ length: 30 }, (_, i) =>
      candidate({ name: `Person ${i}`, mails: [outbound(daysBefore(40 + i))] }),
    );
    const view = buildDigestView(digestOf(world({ candidates })), { adminUrl: ADMIN });
    expect(view.entries.items).toHaveLength(25);
    expect(view.entries.more).toEqual({ count: 5, url: `${ADMIN}/candidates?owner=alice%40agency.example` });
    expect(view.subject).toBe('keepwarm: 30 people to contact (week of Mon 23 Nov)');
  });

  it('says "all caught up" in an empty week', () => {
    const view = buildDigestView(digestOf(world()), { adminUrl: ADMIN });
    expect(view.allCaughtUp).toBe(true);
    expect(view.subject).toBe('keepwarm: all caught up (week of Mon 23 Nov)');
  });

  it('builds the admin address from publicUrl, else from admin.listen', () => {
    expect(adminBaseUrl({ listen: '127.0.0.1:8787' })).toBe('http://127.0.0.1:8787');
    expect(adminBaseUrl({ listen: '127.0.0.1:8787', publicUrl: 'https://kw.agency.example/' })).toBe(
      'https://kw.agency.example',
    );
  });
});
