import { describe, expect, it } from 'vitest';
import { digestSlot, isDigestDue, isoWeekOf, retryDelayMs } from './digest-schedule.js';

const monday8 = (zone: string) => ({ day: 1, time: '08:00', zone });

describe('digestSlot', () => {
  it.each([
    // An ordinary week: Monday 08:00 New York is 13:00 UTC.
    ['2026-11-25T12:00:00Z', 'America/New_York', '2026-W48', '2026-11-23T13:00:00.000Z'],
    // The US fall-back week (Sunday 1 Nov 2026): Monday 2 Nov 08:00 EST is 13:00 UTC.
    ['2026-11-02T12:00:00Z', 'America/New_York', '2026-W45', '2026-11-02T13:00:00.000Z'],
    // The week before it, still on daylight time: 12:00 UTC.
    ['2026-10-27T12:00:00Z', 'America/New_York', '2026-W44', '2026-10-26T12:00:00.000Z'],
    // The US spring-forward week (Sunday 8 Mar 2026): Monday 9 Mar 08:00 EDT is 12:00 UTC.
    ['2026-03-10T00:00:00Z', 'America/New_York', '2026-W11', '2026-03-09T12:00:00.000Z'],
    // The EU change (Sunday 29 Mar 2026): Monday 30 Mar 08:00 CEST is 06:00 UTC.
    ['2026-03-31T00:00:00Z', 'Europe/Berlin', '2026-W14', '2026-03-30T06:00:00.000Z'],
    // Late Sunday night in New York is already the next ISO week in UTC, but not locally.
    ['2026-11-30T03:00:00Z', 'America/New_York', '2026-W48', '2026-11-23T13:00:00.000Z'],
  ])('at %s in %s: week %s, slot %s', (now, zone, week, at) => {
    const slot = digestSlot(new Date(now), monday8(zone));
    expect(slot.isoWeek).toBe(week);
    expect(slot.at.toISOString()).toBe(at);
  });

  it('moves a slot inside a spring-forward gap to the first real minute', () => {
    const slot = digestSlot(new Date('2026-03-08T12:00:00Z'), { day: 7, time: '02:30', zone: 'America/New_York' });
    expect(slot.at.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('isDigestDue', () => {
  it('is due from the slot to the end of the ISO week, not before', () => {
    const schedule = monday8('Europe/Berlin');
    expect(isDigestDue(new Date('2026-11-23T06:59:00Z'), schedule)).toBeNull();
    expect(isDigestDue(new Date('2026-11-23T07:00:00Z'), schedule)?.isoWeek).toBe('2026-W48');
    expect(isDigestDue(new Date('2026-11-29T22:59:00Z'), schedule)?.isoWeek).toBe('2026-W48');
    expect(isDigestDue(new Date('2026-11-29T23:00:00Z'), schedule)).toBeNull(); // Monday 00:00 Berlin: a new week, not yet 08:00
  });

  it('names ISO weeks that span a year end by their week-year', () => {
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 300_000],
    [2, 600_000],
    [4, 2_400_000],
    [20, 21_600_000],
  ])('attempt %i waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });
});
