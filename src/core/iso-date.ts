// The library stores every date as an ISO-8601 UTC string (strings then sort in time order). A spreadsheet or a
// command line gives a date or a date-time; both become that one canonical form, and nonsense (2024-02-30) is
// rejected rather than silently rolled over into March.

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A date ("2024-03-01", midnight UTC) or date-time (UTC unless it names an offset), as `toISOString()`; else null. */
export function parseIsoDate(text: string): string | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number(((match[7] ?? '') + '000').slice(0, 3));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 2024-02-30 over into March; a round trip of the calendar day catches that.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const offsetMinutes = parseOffset(match[8]);
  if (offsetMinutes === null) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

function parseOffset(text: string | undefined): number | null {
  if (text === undefined || text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
