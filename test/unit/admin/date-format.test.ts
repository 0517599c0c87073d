// The list's dates come from the zone's offset looked up once per day; they must read exactly as Intl reads
// the moment itself, including on the days a zone changes its clock (and in zones a half or three quarters of an
// hour off UTC).
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, relativeDays } from '../../../src/admin/views/format.js';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Pacific/Chatham',
  'Africa/Casablanca',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const formats = new Map(
  ZONES.map((zone) => [
    zone,
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  ]),
);

function asIntlReadsIt(at: Date, zone: string): { day: string; dateTime: string; dayNumber: number } {
  const parts = Object.fromEntries(
    formats
      .get(zone)!
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.day} ${parts.month} ${parts.year}`,
    dateTime: `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`,
    dayNumber: Date.UTC(Number(parts.year), MONTHS.indexOf(parts.month ?? ''), Number(parts.day)) / 86_400_000,
  };
}

describe('list dates', () => {
  it('read as Intl reads each moment through 2024, minute by minute around every clock change', () => {
    const now = new Date('2024-06-05T14:00:00.000Z');
    const HOUR = 3_600_000;
    for (const zone of ZONES) {
      const today = asIntlReadsIt(now, zone).dayNumber;
      const moments: number[] = [];
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR) {
        moments.push(t + 7 * 60_000 + 13_000);
        // The clock changed within this hour: check every minute of the hours around it.
        const hourLater = asIntlReadsIt(new Date(t + HOUR), zone).dateTime.slice(-5);
        const expectedHourLater = asIntlReadsIt(new Date(t), zone).dateTime.slice(-5);
        if (
          hourLater.slice(3) !== expectedHourLater.slice(3) ||
          (Number(hourLater.slice(0, 2)) - Number(expectedHourLater.slice(0, 2)) + 24) % 24 !== 1
        ) {
          for (let m = -120; m <= 180; m++) moments.push(t + m * 60_000 + 29_000);
        }
      }
      for (const t of moments) {
        const iso = new Date(t).toISOString();
        const expected = asIntlReadsIt(new Date(t), zone);
        const days = today - expected.dayNumber;
        const relative =
          days === 0
            ? 'today'
            : days === 1
              ? 'yesterday'
              : days === -1
                ? 'tomorrow'
                : days > 0
                  ? `${days} days ago`
                  : `in ${-days} days`;
        if (
          formatDay(iso, zone) !== expected.day ||
          formatDateTime(iso, zone) !== expected.dateTime ||
          relativeDays(iso, now, zone) !== relative
        ) {
          expect({
            zone,
            iso,
            day: formatDay(iso, zone),
            dateTime: formatDateTime(iso, zone),
            relative: relativeDays(iso, now, zone),
          }).toEqual({ zone, iso, ...expected, relative });
        }
      }
    }
  }, 30_000);

  it('shows nothing for a missing or unreadable date', () => {
    expect(formatDay(null, 'UTC')).toBe('—');
    expect(formatDateTime('not a date', 'UTC')).toBe('—');
    expect(relativeDays(undefined, new Date(), 'UTC')).toBe('never');
  });
});
