// The candidate list's rows are written with markup``, not hono's html``: it must write exactly what html`` (and
// so JSX) writes for the same values, above all escape every string that came from mail or an import.
import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { escapeText, markup, toJsx } from '../../../src/admin/views/markup.js';

const TEXTS = [
  'Jane Roe',
  '<img src=x onerror=alert(1)>',
  `"quoted" & 'single'`,
  'a&b<c>d"e\'f',
  '&amp; already escaped',
  'Zoë — Núñez · 東京',
  '',
  ' ',
];
const OTHERS = [0, -3, 12.5, 42, null, undefined, true, false];

describe('markup``', () => {
  it('writes what html`` writes for text, numbers and nothing, in element content and in attributes', () => {
    for (const value of [...TEXTS, ...OTHERS]) {
      expect(markup`<a href="/x/${value}" title="${value}">${value}</a>`.text).toBe(
        String(html`<a href="/x/${value}" title="${value}">${value}</a>`),
      );
    }
  });

  it('writes its own markup as it is, alone or as a list, and escapes text beside it', () => {
    const rows = TEXTS.map((text) => markup`<li>${text}</li>`);
    const htmlRows = TEXTS.map((text) => html`<li>${text}</li>`);
    expect(markup`<ul>${rows}</ul>${TEXTS[1]}`.text).toBe(String(html`<ul>${htmlRows}</ul>${TEXTS[1]}`));
    expect(markup`<p>${markup`<b>${TEXTS[2]}</b>`}</p>`.text).toBe(String(html`<p>${html`<b>${TEXTS[2]}</b>`}</p>`));
  });

  it('never lets text pass for markup', () => {
    expect(markup`${'<script>alert(1)</script>'}`.text).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeText(`<"'&>`)).toBe('&lt;&quot;&#39;&amp;&gt;');
  });

  it('hands rows to JSX without escaping them again', () => {
    const rows = [markup`<tr><td>${TEXTS[1]}</td></tr>`, markup`<tr><td>${TEXTS[3]}</td></tr>`];
    expect(String(html`<tbody>${toJsx(rows)}</tbody>`)).toBe(`<tbody>${rows[0]!.text}${rows[1]!.text}</tbody>`);
  });
});
