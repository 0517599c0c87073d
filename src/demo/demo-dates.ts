// The demo's sample data names its dates relative to the Monday of the week the demo runs ("{{mail -12
// 09:14}}"), and the demo prints the digest as it goes out that Monday at 08:00. So the digest is the same
// on any day: fixed dates would age out of every window (feedback 90 days, life events 90, openings 30)
// within months, and dates relative to today would put a recruiter's mail on a Sunday one day in seven.
import { DateTime } from 'luxon';

export interface DemoClock {
  /** Day 0 of the data: midnight starting the Monday of the demo's week, in `zone`. */
  monday: Date;
  /** The agency's time zone: days count from midnight there, and mail carries its offset. */
  zone: string;
}

/** The Monday (00:00 in `zone`) of the week `now` falls in, and the moment that week's digest is mailed. */
export function demoWeek(
  now: Date,
  zone: string,
  digestTime = { hour: 8, minute: 0 },
): { monday: Date; digestAt: Date } {
  const monday = DateTime.fromJSDate(now, { zone }).startOf('week');
  return { monday: monday.toJSDate(), digestAt: monday.set(digestTime).toJSDate() };
}

/**
 * The formats a token can ask for, each as the place it appears writes it:
 * `day` a CSV date (2026-11-23), `mail` a Date header (RFC 2822), `gmail` a Gmail forward or quote line
 * (Mon, Nov 23, 2026 at 9:14 AM), `outlook` an Outlook forward block (Monday, November 23, 2026 9:14 AM),
 * `long` a date in running text (Monday, November 23, 2026).
 */
const FORMATS = {
  day: (at: DateTime) => at.toFormat('yyyy-MM-dd'),
  mail: (at: DateTime) => at.toRFC2822() ?? '',
  gmail: (at: DateTime) => at.toFormat("ccc, LLL d, yyyy 'at' h:mm a"),
  outlook: (at: DateTime) => at.toFormat('cccc, LLLL d, yyyy h:mm a'),
  long: (at: DateTime) => at.toFormat('cccc, LLLL d, yyyy'),
} as const;

type Format = keyof typeof FORMATS;

/** `{{FORMAT DAYS}}` or `{{FORMAT DAYS HH:MM}}`; DAYS is signed, relative to the clock's Monday (-3 is a Friday). */
const TOKEN = /\{\{(\w+) ([+-]\d{1,4})(?: (\d{2}):(\d{2}))?\}\}/g;

/** Replaces every date token; a token it cannot read is an error, so a typo never ships as literal text. */
export function materialiseDates(text: string, clock: DemoClock): string {
  const day0 = DateTime.fromJSDate(clock.monday, { zone: clock.zone }).setLocale('en-US').startOf('day');
  const out = text.replace(TOKEN, (token, format: string, days: string, hour?: string, minute?: string) => {
    if (!(format in FORMATS))
      throw new Error(`unknown date format in ${token} (use ${Object.keys(FORMATS).join(', ')})`);
    const at = day0.plus({ days: Number(days) }).set({ hour: Number(hour ?? 0), minute: Number(minute ?? 0) });
    return FORMATS[format as Format](at);
  });
  const left = /\{\{[^}]*\}\}/.exec(out);
  if (left) throw new Error(`unreadable date token ${left[0]} (expected {{FORMAT DAYS}} or {{FORMAT DAYS HH:MM}})`);
  return out;
}
