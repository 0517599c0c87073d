// A leaner html`` for the one place where hono's costs too much: the candidate list's fifty rows (P5). Like
// html`` and JSX, every interpolated string is escaped with hono's own escaping, numbers are written as they
// are, null, undefined and booleans write nothing, and only markup made by this tag goes in unescaped. It
// makes one string, where html`` makes a buffer array a value and JSX an object an element.
import { raw } from 'hono/html';
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html';

/** Markup made by `markup`: safe to write as it is. */
export class Markup {
  constructor(readonly text: string) {}
}

export type MarkupValue = string | number | boolean | null | undefined | Markup | readonly Markup[];

const NEEDS_ESCAPING = /[&<>"']/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

function write(value: MarkupValue): string {
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (value instanceof Markup) return value.text;
  if (typeof value === 'object' && value !== null) return value.map((item) => item.text).join('');
  return '';
}

export function markup(strings: TemplateStringsArray, ...values: MarkupValue[]): Markup {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += write(values[i]) + strings[i + 1]!;
  return new Markup(text);
}

/** Hands markup to hono/jsx, which writes it as it is. */
export function toJsx(made: Markup | readonly Markup[]): HtmlEscapedString {
  return raw(made instanceof Markup ? made.text : made.map((item) => item.text).join(''));
}
