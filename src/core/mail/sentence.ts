// Signals quote "the sentence that shows it" in the digest. Mail wraps lines at ~72 columns, so a line
// break ends a sentence only after punctuation, a blank line, or a short line ("Hi Alice,").
const MAX_SENTENCE = 300;
const SHORT_LINE = 40;

export interface SentenceSpan {
  start: number;
  end: number;
  /** The sentence, whitespace collapsed, trimmed, at most about 300 characters around the match. */
  text: string;
}

/** The sentence holding text[index, end): from the boundary before index to the boundary after end. */
export function sentenceAt(text: string, index: number, end: number): SentenceSpan {
  const bounds = boundaries(text);
  let start = 0;
  let stop = text.length;
  for (const b of bounds) {
    if (b <= index) start = b;
    else if (b >= end) {
      stop = b;
      break;
    }
  }
  return { start, end: stop, text: clip(text.slice(start, stop), index - start, end - start) };
}

/** Offsets where a sentence starts: after `.!?…` and whitespace, after a blank line, after a short or closed line. */
function boundaries(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(/[.!?…]+["'”’)\]]*\s+/gu)) out.add(m.index + m[0].length);
  let offset = 0;
  for (const line of text.split('\n')) {
    const next = offset + line.length + 1;
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.length < SHORT_LINE || /[.!?…:]["'”’)\]]*$/u.test(trimmed)) out.add(next);
    offset = next;
  }
  return [...out].filter((b) => b <= text.length).sort((a, b) => a - b);
}

/** Whitespace collapsed; when too long, a window around the match cut at word boundaries with ellipses. */
function clip(raw: string, matchStart: number, matchEnd: number): string {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= MAX_SENTENCE) return collapsed;
  const centre = Math.floor((matchStart + matchEnd) / 2);
  const from = Math.max(0, centre - MAX_SENTENCE / 2);
  const window = raw.slice(from, from + MAX_SENTENCE);
  const inner = window
    .replace(/^\S*\s+/, from > 0 ? '' : '$&')
    .replace(/\s+\S*$/, from + MAX_SENTENCE < raw.length ? '' : '$&');
  const body = inner.replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${from + MAX_SENTENCE < raw.length ? '…' : ''}`;
}
