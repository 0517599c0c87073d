import { describe, expect, it } from 'vitest';
import { findAttachedMessage, isForwardSubject, parseInlineForward } from './forward.js';
import { parseForwardDate } from './forward-date.js';
import { makeFacts } from '../../../test/fixtures/mail/make-facts.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

const jane = { name: 'Jane Roe', address: 'jane.roe@gmail.com' };
const alice = { name: 'Alice Smith', address: 'alice@agency.example' };

describe('parseInlineForward on fixtures', () => {
  it.each([
    [
      'gmail-forward.eml',
      {
        original: {
          from: jane,
          to: [alice],
          cc: [],
          date: '2026-11-23T09:14:00.000Z',
          subject: 'Question about the Acme role',
        },
        note: 'Logging this one, Jane is keen.',
        body: /^Hi Alice,\n\nIs the Acme role still open\?/,
      },
    ],
    [
      'outlook-forward.eml',
      {
        original: {
          from: { name: 'Jane Roe', address: 'jane@candidates.example' },
          to: [{ name: 'Bob Jones', address: 'bob@agency.example' }],
          cc: [alice],
          date: '2026-11-23T09:14:00.000Z',
          subject: 'Availability next week',
        },
        note: "FYI, Jane's availability for the Acme interviews. Please log.\n\nBob",
        body: /^Hi Bob,/,
      },
    ],
    [
      'apple-mail-forward.eml',
      {
        original: { from: jane, to: [alice], cc: [], date: '2026-11-23T08:14:00.000Z', subject: 'References' },
        note: 'Jane’s references, for the file.',
        body: /Dr\. Sam Lee and Pat Kim/,
      },
    ],
    [
      'outlook-forward-german.eml',
      {
        original: {
          from: { name: 'Jana Rössler', address: 'jana.roessler@candidates.example' },
          to: [{ name: 'Bob Jones', address: 'bob@agency.example' }],
          cc: [],
          date: '2026-11-23T09:14:00.000Z',
          subject: 'Bewerbung Außendienst',
        },
        note: 'Bitte ablegen, Frau Rössler ist sehr interessiert.\n\nGruß\nBob',
        body: /meine Unterlagen für die Stelle/,
      },
    ],
  ])('reads the original out of %s', async (file, expected) => {
    const forward = parseInlineForward(await loadFixture(file));
    expect(forward).not.toBeNull();
    const { date, body, ...rest } = forward!.original;
    expect({ ...rest, date: date?.toISOString() ?? null }).toEqual(expected.original);
    expect(body).toMatch(expected.body);
    expect(forward!.note).toBe(expected.note);
  });

  it('reads a printed date without a zone in the forwarder’s zone', async () => {
    const forward = parseInlineForward(await loadFixture('gmail-forward.eml'), { timezone: 'Europe/Berlin' });
    expect(forward?.original.date?.toISOString()).toBe('2026-11-23T08:14:00.000Z');
  });

  it.each(['gmail-reply.eml', 'outlook-reply.eml', 'apple-mail-reply.eml', 'opt-out-reply.eml'])(
    'finds no forward in the reply %s',
    async (file) => {
      expect(parseInlineForward(await loadFixture(file))).toBeNull();
    },
  );

  it('leaves a forward-as-attachment to findAttachedMessage', async () => {
    const facts = await loadFixture('forward-attached-message.eml');
    expect(parseInlineForward(facts)).toBeNull();
    const source = findAttachedMessage(facts);
    expect(source).toMatch(/^Return-Path: <jane@candidates\.example>\r\nFrom: Jane Roe <jane@candidates\.example>\r\n/);
    expect(source).toContain('Message-ID: <followup-0001@candidates.example>');
  });

  it('finds no attached message in an ordinary reply', async () => {
    expect(findAttachedMessage(await loadFixture('gmail-reply.eml'))).toBeNull();
  });

  it('is null without text', () => {
    expect(parseInlineForward(makeFacts({ text: null, subject: 'Fwd: x' }))).toBeNull();
  });
});

describe('isForwardSubject', () => {
  it.each([
    ['Fwd: x', true],
    ['FW: x', true],
    ['WG: x', true],
    ['TR: x', true],
    ['RV: x', true],
    ['Re: x', false],
  ])('%j is %s', (subject, expected) => {
    expect(isForwardSubject(subject)).toBe(expected);
  });
});

describe('parseForwardDate', () => {
  it.each([
    ['Gmail', 'Mon, Nov 23, 2026 at 9:14 AM', '2026-11-23T09:14:00.000Z'],
    ['Gmail afternoon', 'Mon, Nov 23, 2026 at 12:05 PM', '2026-11-23T12:05:00.000Z'],
    ['Gmail with a narrow no-break space', 'Mon, Nov 23, 2026 at 9:14\u202fPM', '2026-11-23T21:14:00.000Z'],
    ['Gmail just after midnight', 'Tue, Nov 24, 2026 at 12:30 AM', '2026-11-24T00:30:00.000Z'],
    ['Outlook', 'Monday, November 23, 2026 9:14 AM', '2026-11-23T09:14:00.000Z'],
    ['Outlook numeric US', '11/23/2026 9:14 PM', '2026-11-23T21:14:00.000Z'],
    ['Outlook numeric UK', '23/11/2026 09:14', '2026-11-23T09:14:00.000Z'],
    ['Apple', '23 November 2026 at 09:14:00 GMT+1', '2026-11-23T08:14:00.000Z'],
    ['Apple US', 'November 23, 2026 at 9:14:00 AM EST', '2026-11-23T14:14:00.000Z'],
    ['German Outlook', 'Montag, 23. November 2026 09:14', '2026-11-23T09:14:00.000Z'],
    ['French Outlook', 'lundi 23 novembre 2026 09:14', '2026-11-23T09:14:00.000Z'],
    ['Spanish', 'lunes, 23 de noviembre de 2026 9:14', '2026-11-23T09:14:00.000Z'],
    ['Thunderbird / RFC 5322', 'Mon, 23 Nov 2026 09:14:00 +0100', '2026-11-23T08:14:00.000Z'],
    ['ISO', '2026-11-23 09:14', '2026-11-23T09:14:00.000Z'],
    ['date only', '23 November 2026', '2026-11-23T00:00:00.000Z'],
  ])('%s: %j', (_client, raw, expected) => {
    expect(parseForwardDate(raw)?.toISOString()).toBe(expected);
  });

  it.each([null, '', 'yesterday', 'Monday 9:14', '23 November'])('is null for %j', (raw) => {
    expect(parseForwardDate(raw)).toBeNull();
  });

  it('reads a zoneless date in the given zone', () => {
    expect(parseForwardDate('Mon, Nov 23, 2026 at 9:14 AM', 'America/New_York')?.toISOString()).toBe(
      '2026-11-23T14:14:00.000Z',
    );
  });
});
