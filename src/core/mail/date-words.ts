// People write dates in words ("back on 1 December", "Montag, 23. November 2026 09:14"), in the languages
// recruiters' candidates use. Auto-reply return dates and inline-forward headers both need to read them.

const MONTH_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro'],
  2: [
    'february',
    'feb',
    'februar',
    'février',
    'fevrier',
    'févr',
    'fevr',
    'febrero',
    'febbraio',
    'februari',
    'fevereiro',
  ],
  3: ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz', 'mars', 'marzo', 'maart', 'mrt', 'março'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  5: ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  6: ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  7: ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  8: ['august', 'aug', 'août', 'aout', 'agosto', 'augustus'],
  9: ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  10: ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  12: ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
};

const MONTH_BY_NAME = new Map<string, number>(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) => names.map((n) => [n, Number(month)] as const)),
);
const MONTH = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

export interface DateMention {
  index: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  /** Numeric day and month that could be read either way (1/12): `alternative` is the other reading. */
  alternative?: { month: number; day: number };
  /** A year-less number pair ("12/1"): too easily something else ("24/7") unless a cue word precedes it. */
  weak: boolean;
}

export type NumericOrder = 'month-first' | 'day-first';

const PATTERNS: readonly {
  re: RegExp;
  read: (m: RegExpExecArray, order: NumericOrder) => Omit<DateMention, 'index' | 'end'> | null;
}[] = [
  {
    re: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/gu,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, weak: false }),
  },
  {
    re: new RegExp(
      `(?<![\\p{L}])(${MONTH})(?![\\p{L}])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|\\.\\d)(?:,?\\s+(\\d{4})(?!\\d))?`,
      'giu',
    ),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTH_BY_NAME.get(m[1]!.toLowerCase())!,
      day: +m[2]!,
      weak: false,
    }),
  },
  {
    re: new RegExp(
      `(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|e|\\.|°|º)?\\s*(?:of\\s+|de\\s+)?(${MONTH})(?![\\p{L}])\\.?(?:,?\\s+(?:de\\s+)?(\\d{4})(?!\\d))?`,
      'giu',
    ),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTH_BY_NAME.get(m[2]!.toLowerCase())!,
      day: +m[1]!,
      weak: false,
    }),
  },
  {
    re: /(?<![\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./]\d)/gu,
    read: (m, order) => numeric(+m[1]!, +m[3]!, m[2] === '.' ? 'day-first' : order, year(m[4]!), false),
  },
  // German writes year-less dates with a trailing dot ("bis 01.12."); slashes without a year are weak.
  { re: /(?<![\d./])(\d{1,2})\.(\d{1,2})\.(?![\d])/gu, read: (m) => numeric(+m[1]!, +m[2]!, 'day-first', null, false) },
  { re: /(?<![\d./])(\d{1,2})\/(\d{1,2})(?![\d/])/gu, read: (m, order) => numeric(+m[1]!, +m[2]!, order, null, true) },
];

/** Every date written in the text, in text order; overlapping readings keep the longest. */
export function findDateMentions(text: string, order: NumericOrder = 'month-first'): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const value = read(m as RegExpExecArray, order);
      if (value && isCalendarDate(value.year ?? 2000, value.month, value.day)) {
        found.push({ ...value, index: m.index, end: m.index + m[0].length });
      }
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: DateMention[] = [];
  for (const d of found) if (!out.some((o) => d.index < o.end && o.index < d.end)) out.push(d);
  return out;
}

function numeric(
  a: number,
  b: number,
  order: NumericOrder,
  y: number | null,
  weak: boolean,
): Omit<DateMention, 'index' | 'end'> | null {
  if (a > 12 && b > 12) return null;
  if (a > 12) return { year: y, day: a, month: b, weak };
  if (b > 12) return { year: y, month: a, day: b, weak };
  const [month, day] = order === 'month-first' ? [a, b] : [b, a];
  return { year: y, month, day, weak, ...(a === b ? {} : { alternative: { month: day, day: month } }) };
}

function year(raw: string): number {
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

export function isCalendarDate(y: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(y, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
