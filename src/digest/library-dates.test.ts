import { describe, expect, it } from 'vitest';
import { readLibraryDate } from './library-dates.js';
import { formatDay } from './calendar.js';

describe('readLibraryDate', () => {
  it.each([['America/Chicago'], ['America/Los_Angeles'], ['Europe/Berlin'], ['America/New_York']])(
    'shows a date-only decision as the same day to a recruiter in %s',
    (zone) => {
      const decided = readLibraryDate('2026-09-13', 'America/New_York')!;
      expect(formatDay(decided, zone)).toMatch(/13/);
    },
  );

  it('keeps a real timestamp as the instant it names', () => {
    expect(readLibraryDate('2026-09-13T08:30:00.000Z', 'America/New_York')?.toISOString()).toBe(
      '2026-09-13T08:30:00.000Z',
    );
  });
});
