import { describe, expect, it } from 'vitest';
import { messageKey, normaliseMessageId } from './message-identity.js';
import { isForwardSubject, normaliseSubject } from './subject-prefix.js';
import { makeFacts } from '../../../test/fixtures/mail/make-facts.js';

describe('normaliseMessageId', () => {
  it.each([
    ['<CAF=abc123@mail.gmail.com>', 'CAF=abc123@mail.gmail.com'],
    ['<ABC.def@MAIL.Example.COM>', 'ABC.def@mail.example.com'],
    ['  <abc@\r\n example.com>  ', 'abc@example.com'],
    ['abc@Example.com', 'abc@example.com'],
    ['<first@a.example> <second@b.example>', 'first@a.example'],
    ['<no-at-sign>', 'no-at-sign'],
    ['<>', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseMessageId(raw)).toBe(expected);
  });
});

describe('messageKey', () => {
  it('is the normalised Message-ID when there is one', () => {
    expect(messageKey(makeFacts({ messageId: '<X1@Agency.Example>' }))).toBe('X1@agency.example');
  });

  it('prefers the id Exchange kept from the original on a copy it generated', () => {
    const facts = makeFacts({
      messageId: '<rewritten@eur01.prod.outlook.com>',
      headerList: [['X-MS-Exchange-Parent-Message-Id', '<Original@Candidates.Example>']],
    });
    expect(messageKey(facts)).toBe('Original@candidates.example');
  });

  it('keeps a delivery report apart from the message it reports on', () => {
    const facts = makeFacts({
      messageId: '<ndr@outlook.com>',
      contentType: 'multipart/report',
      contentTypeParams: { 'report-type': 'delivery-status' },
      headerList: [['X-MS-Exchange-Parent-Message-Id', '<original@agency.example>']],
    });
    expect(messageKey(facts)).toBe('ndr@outlook.com');
  });

  it('gives the same message seen twice without a Message-ID the same key', () => {
    const a = makeFacts({
      to: [
        { name: 'A', address: 'alice@agency.example' },
        { name: 'B', address: 'bob@agency.example' },
      ],
    });
    const b = makeFacts({
      to: [{ name: 'Bob', address: 'BOB@agency.example' }],
      cc: [{ name: 'Alice', address: 'alice@agency.example' }],
      text: 'Thanks Alice,\r\n  talk soon.\r\n',
    });
    expect(messageKey(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messageKey(a)).toBe(messageKey(b));
  });

  it.each([
    ['body', { text: 'Thanks Alice, talk tomorrow.' }],
    ['date', { date: new Date('2026-11-23T09:15:00Z') }],
    ['subject', { subject: 'Re: Another role' }],
    ['sender', { from: [{ name: 'J', address: 'john@candidates.example' }] }],
    ['recipients', { to: [{ name: 'Bob', address: 'bob@agency.example' }] }],
  ])('keeps two messages without Message-ID apart when the %s differs', (_what, change) => {
    expect(messageKey(makeFacts(change))).not.toBe(messageKey(makeFacts()));
  });

  it('ignores reply prefixes in the subject', () => {
    expect(messageKey(makeFacts({ subject: 'AW: Senior  Sales Rep' }))).toBe(
      messageKey(makeFacts({ subject: 'Re: Senior Sales Rep' })),
    );
  });
});

describe('subjects', () => {
  it.each([
    ['Fwd: Jane Roe', true],
    ['FW: Jane Roe', true],
    ['Fw: Jane Roe', true],
    ['WG: Bewerbung', true],
    ['TR: Candidature', true],
    ['RV: Candidatura', true],
    ['VS: Ansøgning', true],
    ['Doorst: Sollicitatie', true],
    ['I: Candidatura', true],
    ['Enc: Candidatura', true],
    ['[EXT] FW: Jane Roe', true],
    ['Re: Fwd: Jane Roe', false],
    ['Forward planning', false],
    ['Interview', false],
  ])('isForwardSubject(%j) is %s', (subject, expected) => {
    expect(isForwardSubject(subject)).toBe(expected);
  });

  it.each([
    ['Re: RE: Fwd: Senior Rep', 'senior rep'],
    ['AW: WG:  Senior   Rep ', 'senior rep'],
    ['[EXT] Re: Senior Rep', 'senior rep'],
    ['Re[2]: Senior Rep', 'senior rep'],
    ['Senior Rep', 'senior rep'],
  ])('normaliseSubject(%j) is %j', (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });
});
