// email-forward-parser runs all of its ~300 patterns (dozens of clients and locales) over the whole body,
// each to its end even after one has matched: ~10 ms for a 30 KB forward, most of the log mailbox's time
// (bench P1). Nearly all of those patterns need a word the body does not contain ("Weitergeleitete
// Nachricht", "skrev følgende den"), so each read here runs the parser with only the patterns whose
// required text occurs in the body or subject. A pattern that cannot match changes none of the parser's
// choices (it picks the earliest match among those that match), so the answer is the same; a table test
// holds it to the unnarrowed parser.
import EmailForwardParser, { type EmailForwardResult } from 'email-forward-parser';
import { requiredLiteral } from './regex-literal.js';

/** The parser's internals this module narrows: named lists of patterns, some with a `<name>_line` twin. */
interface Reader {
  read: EmailForwardParser['read'];
  parser: { regexes: Record<string, unknown>; parseSubject(subject: string): string | null };
}

interface PatternList {
  name: string;
  /** The list built from the same patterns with a capture around each, narrowed alike. */
  twin: string | null;
  /** Per pattern: the index of the search that must find its required text, or -1 when none is known. */
  probes: number[];
}

/** One required text, searched once per read however many patterns need it. */
type Probe = (text: SearchText) => boolean;

interface SearchText {
  text: string;
  /** The text lower-cased, for patterns with the `i` flag whose required text is ASCII. */
  lower: string;
}

interface Narrowing {
  reader: Reader;
  lists: PatternList[];
  probes: Probe[];
}

// Built on first use (the parser compiles its patterns in its constructor) and then only read.
let narrowing: Narrowing | null | undefined;

function getNarrowing(): Narrowing | null {
  if (narrowing === undefined) narrowing = prepareNarrowing();
  return narrowing;
}

/** What email-forward-parser's `read(text, subject)` answers, with the patterns that cannot match left out. */
export function readForward(text: string, subject: string): EmailForwardResult {
  const base = getNarrowing();
  if (!base) return new EmailForwardParser().read(text, subject);
  if (readsNoBody(base, subject)) return base.reader.read(text, subject);
  return narrowedReader(base, text, subject).reader.read(text, subject);
}

/**
 * For tests: how many of the parser's patterns a read of this text keeps, of all of them, and how many
 * required texts it searched the body for.
 */
export function patternsToRun(text: string, subject: string): { run: number; all: number; searches: number } {
  const base = getNarrowing();
  if (!base) return { run: 0, all: 0, searches: 0 };
  const all = base.reader.parser.regexes;
  const count = (regexes: Record<string, unknown>): number =>
    base.lists.reduce((n, list) => n + (regexes[list.name] as unknown[]).length, 0);
  if (readsNoBody(base, subject)) return { run: count(all), all: count(all), searches: 0 };
  const narrowed = narrowedReader(base, text, subject);
  return { run: count(narrowed.reader.parser.regexes), all: count(all), searches: narrowed.searches };
}

/**
 * A subject that does not read as a forward ("Re: …") makes the parser answer "not forwarded" without
 * reading the body, so there is nothing to narrow (a BCC copy in the log mailbox is read this way).
 */
function readsNoBody(base: Narrowing, subject: string): boolean {
  return subject !== '' && base.reader.parser.parseSubject(subject) === null;
}

function narrowedReader(base: Narrowing, text: string, subject: string): { reader: Reader; searches: number } {
  // Every text a pattern runs on is a piece of the body or subject with characters taken out only at
  // line starts or up to a line end (quote marks, indentation, CRs, trailing no-break spaces, a header
  // line a lax lookup cuts out), which never joins required text (it holds no line break) into being.
  // The parser also drops BOMs and turns no-break spaces into spaces: so does this search text.
  const body = text.replace(/\uFEFF/g, '').replace(/\u00A0/g, ' ');
  const searched: SearchText[] = [
    { text: body, lower: body.toLowerCase() },
    { text: subject, lower: subject.toLowerCase() },
  ];
  const found = new Map<number, boolean>();
  const mayMatch = (probe: number): boolean => {
    if (probe < 0) return true;
    let hit = found.get(probe);
    if (hit === undefined) found.set(probe, (hit = searched.some(base.probes[probe]!)));
    return hit;
  };
  const all = base.reader.parser.regexes;
  const regexes: Record<string, unknown> = { ...all };
  for (const list of base.lists) {
    const keep = list.probes.map(mayMatch);
    // An empty list would change a "replace" lookup's answer (it returns "" when no pattern ran at all).
    if (!keep.includes(true)) keep[keep.length - 1] = true;
    regexes[list.name] = (all[list.name] as unknown[]).filter((_, i) => keep[i]);
    if (list.twin) regexes[list.twin] = (all[list.twin] as unknown[]).filter((_, i) => keep[i]);
  }
  const parser = Object.create(base.reader.parser, { regexes: { value: regexes } }) as Reader['parser'];
  return { reader: Object.create(base.reader, { parser: { value: parser } }) as Reader, searches: found.size };
}

/** Null when the parser's internals are not as expected (another version): then every read is unnarrowed. */
function prepareNarrowing(): Narrowing | null {
  const reader = new EmailForwardParser() as unknown as Partial<Reader> & Pick<Reader, 'read'>;
  const regexes = reader.parser?.regexes;
  if (typeof regexes !== 'object' || regexes === null || typeof reader.parser?.parseSubject !== 'function') return null;
  const lists: PatternList[] = [];
  const probes: Probe[] = [];
  const probeIds = new Map<string, number>();
  const probeFor = (pattern: RegExp): number => {
    const literal = requiredLiteral(pattern);
    if (literal === null) return -1;
    const key = `${pattern.flags.replace(/[gmsyd]/g, '')}/${literal}`;
    let id = probeIds.get(key);
    if (id === undefined) {
      id = probes.push(probeOf(literal, pattern.flags)) - 1;
      probeIds.set(key, id);
    }
    return id;
  };
  for (const [name, value] of Object.entries(regexes)) {
    if (!Array.isArray(value) || name.endsWith('_line')) continue;
    if (!value.every((p) => p instanceof RegExp)) return null;
    const twin = regexes[`${name}_line`];
    if (twin !== undefined && (!Array.isArray(twin) || twin.length !== value.length)) return null;
    lists.push({ name, twin: twin === undefined ? null : `${name}_line`, probes: (value as RegExp[]).map(probeFor) });
  }
  return { reader: reader as Reader, lists, probes };
}

function probeOf(literal: string, flags: string): Probe {
  const ignoreCase = flags.includes('i');
  const unicode = flags.includes('u') || flags.includes('v');
  if (!ignoreCase) return (t) => t.text.includes(literal);
  // Without the u flag, /i matches an ASCII letter only with an ASCII letter of either case, so the
  // lower-cased text holds every hit (lower-casing other letters can only add some). Other letters,
  // and /iu, fold by their own rules: ask a pattern of the literal alone.
  if (!unicode && /^[\x20-\x7e]*$/.test(literal)) {
    const lower = literal.toLowerCase();
    return (t) => t.lower.includes(lower);
  }
  const probe = new RegExp(literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), flags.replace(/[gy]/g, ''));
  return (t) => probe.test(t.text);
}
