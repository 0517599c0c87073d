import { describe, expect, it } from 'vitest';
import { demoWeek, materialiseDates } from '../../../src/demo/demo-dates.js';

const ZONE = 'America/New_York';
// Monday 2026-11-23, 00:00 in New York.
const monday = new Date('2026-11-23T05:00:00.000Z');

describe('demoWeek', () => {
  it.each([
    ['a Monday morning', '2026-11-23T14:00:00Z'],
    ['a Sunday night in New York (already Monday in UTC)', '2026-11-30T03:30:00Z'],
    ['a Friday', '2026-11-27T18:00:00Z'],
  ])('anchors %s to that week’s Monday, with the digest at 08:00', (_what, now) => {
    expect(demoWeek(new Date(now), ZONE)).toEqual({ monday, digestAt: new Date('2026-11-23T13:00:00.000Z') });
  });
});

describe('materialiseDates', () => {
  const clock = { monday, zone: ZONE };
  it.each([
    ['a CSV date', '{{day -5}}', '2026-11-18'],
    ['a future CSV date', '{{day +45}}', '2027-01-07'],
    ['a Date header with the zone’s offset', '{{mail -3 16:20}}', 'Fri, 20 Nov 2026 16:20:00 -0500'],
    ['a Date header before daylight saving ended', '{{mail -31 09:00}}', 'Fri, 23 Oct 2026 09:00:00 -0400'],
    ['a Gmail forward line', '{{gmail -62 08:47}}', 'Tue, Sep 22, 2026 at 8:47 AM'],
    ['an Outlook forward block', '{{outlook -19 17:30}}', 'Wednesday, November 4, 2026 5:30 PM'],
    ['a date in running text', '{{long +9}}', 'Wednesday, December 2, 2026'],
  ])('writes %s', (_what, token, expected) => {
    expect(materialiseDates(`Date: ${token}\n`, clock)).toBe(`Date: ${expected}\n`);
  });

  it('leaves text without tokens alone', () => {
    expect(materialiseDates('Hi {name}, {{ not a token', clock)).toBe('Hi {name}, {{ not a token');
  });

  it.each([
    ['an unknown format', '{{week -1}}', /unknown date format in \{\{week -1\}\}/],
    ['a missing sign', '{{day 5}}', /unreadable date token \{\{day 5\}\}/],
    ['a malformed time', '{{mail -1 9:00}}', /unreadable date token/],
  ])('refuses %s rather than ship it as text', (_what, token, error) => {
    expect(() => materialiseDates(token, clock)).toThrow(error);
  });
});
