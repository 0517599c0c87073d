import { describe, expect, it } from 'vitest';
import { returnDateFromAutoReply, snoozeUntilAfterReturn } from './out-of-office.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

const RECEIVED = new Date('2026-11-24T10:00:00Z'); // a Tuesday

function day(text: string, subject = 'Automatic reply: Checking in', receivedAt = RECEIVED): string | null {
  return returnDateFromAutoReply(subject, text, receivedAt)?.toISOString().slice(0, 10) ?? null;
}

describe('returnDateFromAutoReply', () => {
  it('reads the return date of the Exchange fixture and snoozes to the next working day', async () => {
    const facts = await loadFixture('out-of-office.eml');
    const back = returnDateFromAutoReply(facts.subject, facts.text, facts.date!);
    expect(back?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(snoozeUntilAfterReturn(back!).toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it.each([
    ['I will be back on Monday, December 1.', '2026-12-01'],
    ['I am out of the office, returning 12/01/2026.', '2026-12-01'],
    ['Back on 1 December.', '2026-12-01'],
    ['I am away until 3rd December with limited access.', '2026-12-03'],
    ['I will return on 2026-12-02.', '2026-12-02'],
    ['Back on the 4th of December', '2026-12-04'],
    ['Out from Nov 20 until Dec 2. For urgent matters (24/7) call Bob.', '2026-12-02'],
    ['I am out of the office from 20/11/2026 until 02/12/2026.', '2026-12-02'],
    ['Back 12/1', '2026-12-01'],
    ['Back on January 5', '2027-01-05'],
    ['Ich bin bis einschließlich 30.11. nicht im Büro und ab dem 01.12.2026 wieder erreichbar.', '2026-12-01'],
    ['Ich bin ab dem 24.11. nicht im Büro und zurück am 01.12.2026.', '2026-12-01'],
    ['Ich bin bis zum 3. Dezember im Urlaub.', '2026-12-03'],
    ['Je serai de retour le 1 décembre.', '2026-12-01'],
    ['Je suis absent jusqu’au 1er décembre inclus.', '2026-12-01'],
    ['Estaré fuera hasta el 3 de diciembre.', '2026-12-03'],
    ['Sarò fuori sede fino al 2 dicembre.', '2026-12-02'],
    ['Ik ben terug op 2 december.', '2026-12-02'],
    ['I am on leave and will reply on 7 Dec 2026.', '2026-12-07'],
  ])('%j -> %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    ['no date at all', 'Thank you for your email. I will reply as soon as possible.'],
    ['only a date in the past', 'I was out on 1 November 2026.'],
    ['only a date more than a year ahead', 'Back on 1 December 2028.'],
    ['a phone number', 'Call +44 20 7946 0958 for urgent matters.'],
    ['a 24/7 hotline', 'Our 24/7 hotline is always open.'],
  ])('is null for %s', (_what, text) => {
    expect(day(text)).toBeNull();
  });

  it('reads the date from the subject too', () => {
    expect(day('Thank you for your message.', 'Out of office until 3 December')).toBe('2026-12-03');
  });

  it('ignores dates in quoted history', () => {
    expect(
      day(
        'I am travelling.\n\nOn Mon, Nov 23, 2026 at 9:14 AM Alice <alice@agency.example> wrote:\n> Can we talk on December 9?',
      ),
    ).toBeNull();
  });

  it('takes a date without a year as its next occurrence on or after the day received', () => {
    expect(day('Back on 24 November', undefined, RECEIVED)).toBe('2026-11-24');
    expect(day('Back on 10 January', undefined, new Date('2026-12-20T10:00:00Z'))).toBe('2027-01-10');
  });
});

describe('snoozeUntilAfterReturn', () => {
  it.each([
    ['2026-12-07T00:00:00Z', '2026-12-08T00:00:00.000Z'], // Monday -> Tuesday
    ['2026-12-04T00:00:00Z', '2026-12-07T00:00:00.000Z'], // Friday -> Monday
    ['2026-12-05T00:00:00Z', '2026-12-07T00:00:00.000Z'], // Saturday -> Monday
    ['2026-12-06T00:00:00Z', '2026-12-07T00:00:00.000Z'], // Sunday -> Monday
    ['2026-12-01T15:30:00Z', '2026-12-02T00:00:00.000Z'], // time of day is dropped
    ['2026-12-31T00:00:00Z', '2027-01-01T00:00:00.000Z'], // no public holidays: kept simple
  ])('%s -> %s', (returnDate, expected) => {
    expect(snoozeUntilAfterReturn(new Date(returnDate)).toISOString()).toBe(expected);
  });
});
