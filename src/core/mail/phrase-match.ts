// The engine under every phrase detector: configurable phrases become forgiving patterns (case, curly
// apostrophes, extra spaces, "*" for a few words), and a hit must not sit in a negated clause.
import { sentenceAt } from './sentence.js';

export interface PhraseHit {
  /** The words as the sender wrote them. */
  phrase: string;
  /** The whole sentence around them, whitespace collapsed, at most about 300 characters. */
  sentence: string;
  index: number;
}

export interface FindOptions {
  /** Extra patterns that cancel a hit when found in the few words before it, like the built-in negations. */
  blockers?: readonly RegExp[];
  /** Patterns that cancel a hit when the text *starting at* the hit matches them ("remove me from consideration"). */
  exceptions?: readonly RegExp[];
}

const APOSTROPHES = "'’‘ʼ`´";
const WORD_CHAR = /[\p{L}\p{N}]/u;
// "n't" covers don't/can't/won't/isn't...; the apostrophe may be curly, or missing in the common ones.
const NEGATION =
  /\p{L}n['’‘ʼ]t\b|\b(?:not|no|never|cannot|nobody|nothing|without|hardly|neither|nor|dont|cant|wont|didnt|doesnt|isnt|wasnt|havent|hasnt|couldnt|wouldnt|shouldnt)\b/iu;
const CLAUSE_BREAK = /[,;:()–—]|\s-\s|\bbut\b|\bhowever\b/giu;
const WINDOW_WORDS = 4;

// Every message runs ~140 phrases through compilePhrase: building each pattern once (per process) cut the
// sync's phrase detection by a third (bench P1). Only the source is kept: a /g RegExp carries lastIndex, so
// each caller still gets its own object. Phrases come from code and config, so the map stays small.
const PATTERN_SOURCES = new Map<string, string>();
const MAX_CACHED_PATTERNS = 10_000;

/**
 * A phrase as a pattern: case-insensitive, on word boundaries, any apostrophe for an apostrophe, any run of
 * spaces for a space, punctuation optional, a hyphen optional, and a standalone `*` for one to four words.
 */
export function compilePhrase(phrase: string): RegExp {
  let source = PATTERN_SOURCES.get(phrase);
  if (source === undefined) {
    source = patternSource(phrase);
    if (PATTERN_SOURCES.size < MAX_CACHED_PATTERNS) PATTERN_SOURCES.set(phrase, source);
  }
  return new RegExp(source, 'giu');
}

function patternSource(phrase: string): string {
  const words = phrase
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let source = '';
  let afterPunctuation = false;
  words.forEach((word, i) => {
    // After "interested," the space is optional: "interested,please" still counts.
    if (i > 0) source += afterPunctuation ? '\\s*' : '\\s+';
    afterPunctuation = /[,.;:!?]$/.test(word);
    if (word === '*' || word === '…') {
      source += '[^\\s.!?]+(?:\\s+[^\\s.!?]+){0,3}';
      return;
    }
    for (const ch of word) {
      if (APOSTROPHES.includes(ch)) source += `[${APOSTROPHES}]`;
      else if (ch === '-') source += '[-‐‑\\s]?';
      // "interested, please" also matches "interested please" and "interested. Please".
      else if (/[,.;:!?]/.test(ch)) source += '(?:\\s*[,.;:!?–—-])?';
      else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  });
  const first = words[0]?.[0] ?? '';
  const last = words.at(-1)?.at(-1) ?? '';
  const before = WORD_CHAR.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = WORD_CHAR.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${source}${after}`;
}

// Most mail holds none of the ~140 phrases, and compiling their case-insensitive Unicode patterns costs
// more than running them (bench P1: ~0.4 s per process). Every hit of a phrase contains its longest run
// of ASCII letters and digits, so when an all-ASCII text (where /iu folds case like ASCII does) does not
// contain that run in lower case, the phrase cannot match and its pattern is neither built nor run.
const REQUIRED_RUNS = new Map<string, string | null>();

/** The longest run of ASCII letters and digits that a phrase's pattern matches literally, lower-cased. */
export function requiredRun(phrase: string): string | null {
  let run = REQUIRED_RUNS.get(phrase);
  if (run === undefined) {
    // Apostrophes, hyphens and punctuation become classes or optional groups in patternSource; "*"
    // and "…" become wildcards; whitespace becomes \s+. Only the runs between them are literal.
    const runs = phrase.split(/[^A-Za-z0-9]+/).filter((r) => r.length > 0);
    run =
      runs
        .reduce<string | null>((longest, r) => (longest === null || r.length > longest.length ? r : longest), null)
        ?.toLowerCase() ?? null;
    if (REQUIRED_RUNS.size < MAX_CACHED_PATTERNS) REQUIRED_RUNS.set(phrase, run);
  }
  return run;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Every non-negated hit of any phrase in the text, in text order. Overlapping hits keep the longest. A hit
 * is negated when the few words before it in the same clause hold a negation ("please don't remove me",
 * "I can't say the job is yours") or one of the caller's blockers.
 */
export function findPhrases(text: string, phrases: readonly string[], options: FindOptions = {}): PhraseHit[] {
  const raw: { index: number; end: number }[] = [];
  const lowerAscii = NON_ASCII.test(text) ? null : text.toLowerCase();
  for (const phrase of new Set(phrases.map((p) => p.trim()).filter((p) => p.length > 0))) {
    const run = lowerAscii === null ? null : requiredRun(phrase);
    if (run !== null && !lowerAscii!.includes(run)) continue;
    for (const m of text.matchAll(compilePhrase(phrase))) {
      if (m[0].length > 0) raw.push({ index: m.index, end: m.index + m[0].length });
    }
  }
  raw.sort((a, b) => a.index - b.index || b.end - a.end);
  const hits: PhraseHit[] = [];
  let lastEnd = -1;
  for (const { index, end } of raw) {
    if (index < lastEnd) continue;
    const sentence = sentenceAt(text, index, end);
    const lead = leadingWords(text.slice(sentence.start, index));
    if (NEGATION.test(lead) || options.blockers?.some((b) => b.test(lead))) continue;
    const rest = text.slice(index);
    if (options.exceptions?.some((e) => e.test(rest))) continue;
    hits.push({ phrase: text.slice(index, end).replace(/\s+/g, ' '), sentence: sentence.text, index });
    lastEnd = end;
  }
  return hits;
}

/** The last few words of the clause before a hit, where a negation or hedge would sit. */
function leadingWords(before: string): string {
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  return before.slice(clauseStart).trim().split(/\s+/).slice(-WINDOW_WORDS).join(' ');
}
