import { describe, expect, it } from 'vitest';
import { messageIdsIn, parseContentType, parseHeaderBlock } from './mail-headers.js';

describe('parseHeaderBlock', () => {
  it('unfolds continuation lines and keeps repeated headers in order', () => {
    const headers = parseHeaderBlock(
      'Received: from a\r\n\tby b\r\nReceived: from c\r\nSubject: Hello\r\n  world\r\nX-Empty:\r\n\r\nbody: not a header\r\n',
    );
    expect(headers.get('received')).toEqual(['from a by b', 'from c']);
    expect(headers.get('subject')).toEqual(['Hello world']);
    expect(headers.get('x-empty')).toEqual(['']);
    expect(headers.has('body')).toBe(false);
  });

  it('accepts CR-only line endings and skips garbage lines', () => {
    const headers = parseHeaderBlock('From: a@b.example\rgarbage line\rTo: c@d.example\r\r');
    expect(headers.get('from')).toEqual(['a@b.example']);
    expect(headers.get('to')).toEqual(['c@d.example']);
  });
});

describe('parseContentType', () => {
  it.each([
    [
      'multipart/report; report-type=delivery-status; boundary="x"',
      'multipart/report',
      { 'report-type': 'delivery-status', boundary: 'x' },
    ],
    ['Text/HTML; charset="iso-8859-1"', 'text/html', { charset: 'iso-8859-1' }],
    [undefined, 'text/plain', {}],
  ])('%s', (value, type, params) => {
    expect(parseContentType(value)).toEqual({ type, params });
  });
});

describe('messageIdsIn', () => {
  it('finds every id in a References header', () => {
    expect(messageIdsIn('<a@x.example> <b@y.example>\r\n <c@z.example>')).toEqual([
      'a@x.example',
      'b@y.example',
      'c@z.example',
    ]);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});
