import { describe, expect, it } from 'vitest';
import { textFromHtml } from './html-text.js';

describe('textFromHtml', () => {
  it.each([
    ['<p>Hello</p><p>World</p>', 'Hello\n\nWorld'],
    ['<div>Hi&nbsp;Jane,<br>see&#32;you &amp; <b>Bob</b> at 10&#x2019;s</div>', 'Hi Jane,\nsee you & Bob at 10’s'],
    [
      '<p>New words</p><blockquote><p>Old words</p><blockquote>Older</blockquote></blockquote>',
      'New words\n\n> Old words\n\n> > Older',
    ],
    [
      '<html><head><title>t</title><style>p{color:red}</style></head><body><!-- c --><p>Only this</p></body></html>',
      'Only this',
    ],
    ['<p>one</p>\n\n\n<p></p><p></p><p>two</p>', 'one\n\ntwo'],
    ['&unknown; &#0;', '&unknown; &#0;'],
  ])('%j -> %j', (html, expected) => {
    expect(textFromHtml(html)).toBe(expected);
  });
});
