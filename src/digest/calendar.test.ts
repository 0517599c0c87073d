import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { calendarDaysBetween, safeZone, startOfDayAfter, workingDaysBetween } from './calendar.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
  'UTC',
];

describe('zone calendar', () => {
  it.each(ZONES)('agrees with luxon on calendar days and day starts in %s, across a year of DST changes', (zone) => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let ms = start; ms < start + 366 * 86_400_000; ms += 7 * 3_600_000 + 11 * 60_000) {
      const at = new Date(ms);
      const later = new Date(ms + 40 * 3_600_000);
      const expectedDays = Math.round(
        DateTime.fromJSDate(later, { zone })
          .startOf('day')
          .diff(DateTime.fromJSDate(at, { zone }).startOf('day'), 'days').days,
      );
      expect(calendarDaysBetween(at, later, zone)).toBe(expectedDays);
      expect(startOfDayAfter(at, 1, zone).toISOString()).toBe(
        DateTime.fromJSDate(at, { zone }).plus({ days: 1 }).startOf('day').toJSDate().toISOString(),
      );
    }
  });

  it.each([
    ['Friday to Monday', '2026-11-20T12:00:00Z', '2026-11-23T12:00:00Z', 1],
    ['Friday to the next Friday', '2026-11-20T12:00:00Z', '2026-11-27T12:00:00Z', 5],
    ['Saturday to Tuesday', '2026-11-21T12:00:00Z', '2026-11-24T12:00:00Z', 2],
    ['Monday to Monday three weeks on', '2026-11-02T12:00:00Z', '2026-11-23T12:00:00Z', 15],
    ['later to earlier', '2026-11-23T12:00:00Z', '2026-11-20T12:00:00Z', 0],
  ])('counts working days %s', (_label, from, to, expected) => {
    expect(workingDaysBetween(new Date(from), new Date(to), 'UTC')).toBe(expected);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(safeZone('Mars/Olympus_Mons')).toBe('UTC');
  });
});
