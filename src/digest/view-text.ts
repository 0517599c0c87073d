// Text from mail made safe to place: in one line of a digest, in a multi-line draft, or in a mail header.
// Escaping for HTML is the template engine's job; this removes what no output should carry (control
// characters that could move a terminal or, in a header, start a new header line).

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators: matching them is the point.
/* eslint-disable no-control-regex */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
/* eslint-enable no-control-regex */

/** One line: every control character becomes a space, runs of spaces collapse. */
export function oneLine(text: string, maxLength = 500): string {
  const flat = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}

/** Several lines (a draft body, recorded notes): newlines kept, other controls removed. */
export function multiLine(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS_BUT_NEWLINE, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A header value (Subject, a display name): one line, no controls, kept short. */
export function headerText(text: string, maxLength = 200): string {
  return oneLine(text, maxLength);
}

/** The first name, for a greeting ("Jane Roe" -> "Jane"); the whole name when it has no space. */
export function firstName(name: string): string {
  const clean = oneLine(name, 100);
  return clean.split(' ')[0] || clean;
}
