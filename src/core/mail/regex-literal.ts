// Reading a pattern's source for text that every match must contain, so a caller holding many patterns
// can skip those that cannot match a text without running them (a substring search is far cheaper than
// a backtracking pattern over 30 KB). Conservative: when in doubt it answers with less, or null.

interface Quantifier {
  length: number;
  min: number;
  max: number;
}

/**
 * The longest run of characters that every match of `pattern` contains, as the pattern spells it (its
 * `i` and `u` flags still apply when searching for it), or null when no run is certain: a top-level `|`,
 * or nothing but classes, escapes like `\s` and optional parts. A plain group matched exactly once
 * (`(…)`, `(?:…)`, `(?<name>…)` without `|` inside) is read through; any other group breaks the run.
 */
export function requiredLiteral(pattern: RegExp): string | null {
  const src = pattern.source;
  let best = '';
  let run = '';
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    let atom: string | null = null;
    let end = i + 1;
    if (c === '\\') {
      end = escapeEnd(src, i);
      const next = src[i + 1] ?? '';
      // `\.` is a dot; `\s`, `\b`, `\u0041`, `\1`, `\p{L}` are classes, assertions or code points.
      if (!/[A-Za-z0-9]/.test(next)) atom = next;
    } else if (c === '[') {
      end = classEnd(src, i);
    } else if (c === '(') {
      const close = groupEnd(src, i);
      const opening = /^\((?:\?(?::|<(?![=!])[^>]*>))?/.exec(src.slice(i))![0];
      const lookaround = /^\(\?(?:[=!]|<[=!])/.test(src.slice(i));
      if (!lookaround && !quantifierAt(src, close) && !hasBarAtDepthZero(src, i + opening.length, close - 1)) {
        i += opening.length; // read through the group: its closing parenthesis is skipped below
        continue;
      }
      end = close;
    } else if (c === ')') {
      i += 1;
      continue;
    } else if (c === '|') {
      return null;
    } else if (c !== '.' && c !== '^' && c !== '$' && c !== '\n' && c !== '\r') {
      atom = c;
    }
    const quantifier = quantifierAt(src, end);
    if (quantifier) end += quantifier.length;
    if (atom === null || (quantifier && quantifier.min === 0)) {
      endRun();
    } else if (quantifier) {
      run += atom.repeat(Math.min(quantifier.min, 64));
      if (quantifier.max !== quantifier.min) endRun();
    } else {
      run += atom;
    }
    i = end;
  }
  endRun();
  return best.length > 0 ? best : null;
}

function quantifierAt(src: string, i: number): Quantifier | null {
  const c = src[i];
  let q: Quantifier | null = null;
  if (c === '?') q = { length: 1, min: 0, max: 1 };
  else if (c === '*') q = { length: 1, min: 0, max: Infinity };
  else if (c === '+') q = { length: 1, min: 1, max: Infinity };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (m)
      q = {
        length: m[0].length,
        min: Number(m[1]),
        max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity,
      };
  }
  if (q && src[i + q.length] === '?') q.length += 1; // lazy
  return q;
}

function escapeEnd(src: string, i: number): number {
  const next = src[i + 1] ?? '';
  const braced = src[i + 2] === '{' || (next === 'k' && src[i + 2] === '<');
  if (braced && 'upPk'.includes(next)) {
    const close = src.indexOf(next === 'k' ? '>' : '}', i + 2);
    return close < 0 ? src.length : close + 1;
  }
  if (next === 'u') return i + 6;
  if (next === 'x') return i + 4;
  if (next === 'c') return i + 3;
  let end = i + 2;
  if (/[0-9]/.test(next)) while (/[0-9]/.test(src[end] ?? '')) end++;
  return end;
}

function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The index just past the parenthesis that closes the group opening at `i`. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') j += 2;
    else if (c === '[') j = classEnd(src, j);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return src.length;
}

function hasBarAtDepthZero(src: string, from: number, to: number): boolean {
  let depth = 0;
  let j = from;
  while (j < to) {
    const c = src[j]!;
    if (c === '\\') j += 2;
    else if (c === '[') j = classEnd(src, j);
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) return true;
      j++;
    }
  }
  return false;
}
