import { describe, expect, it } from 'vitest';
import { extractNewText, snippet } from './new-text.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

describe('extractNewText on fixtures', () => {
  it.each([
    [
      'gmail-reply.eml',
      'Hi Alice,\n\nThanks for letting me know, and for the honest feedback. Could you tell me\nwhich certifications would make the biggest difference next time?\n\nBest,\nJane',
    ],
    [
      'outlook-reply.eml',
      "Hi Alice,\n\nYes, Thursday at 10 works for me. I'll bring the territory plan.\n\nKind regards,\nJane Roe",
    ],
    ['apple-mail-reply.eml', 'Hi Alice,\n\nI’ll send the two references tomorrow morning.\n\nJane'],
    [
      'windows-1252-html-reply.eml',
      'Bonjour Alice,\n\nMerci beaucoup pour votre retour. Je suis très intéressé par le poste à Lyon et\nj’ai hâte d’en parler. Le salaire de 55\u00a0000 € me convient.\n\nCordialement,\nRené Müller',
    ],
    [
      'life-event-reply.eml',
      'Hi Alice! Quick update: I just passed my CPA exam! 🎉 Let me know if anything comes up in the new year.',
    ],
    [
      'accepted-offer-reply.eml',
      'Hi Bob,\n\nThanks for thinking of me! I’ve accepted another offer and start at Initech in January, so I’m off the market for now. Happy to stay in touch though.\n\nBest,\nMaria',
    ],
    ['outlook-forward.eml', "FYI, Jane's availability for the Acme interviews. Please log.\n\nBob"],
    ['gmail-forward.eml', 'Logging this one, Jane is keen.'],
    ['apple-mail-forward.eml', 'Jane’s references, for the file.'],
    ['outlook-forward-german.eml', 'Bitte ablegen, Frau Rössler ist sehr interessiert.\n\nGruß\nBob'],
  ])('keeps only the new words of %s', async (file, expected) => {
    expect(extractNewText((await loadFixture(file)).text ?? '')).toBe(expected);
  });
});

describe('extractNewText', () => {
  it.each([
    ['plain text stays', 'Hello there.\nSecond line.', 'Hello there.\nSecond line.'],
    ['CRLF becomes LF', 'Hello\r\nthere', 'Hello\nthere'],
    ['> lines go', 'Yes.\n\n> Are you free?\n>> Earlier', 'Yes.'],
    ['interleaved answers stay, quotes go', '> Are you free Monday?\nYes.\n> And Tuesday?\nNo.', 'Yes.\nNo.'],
    ['On … wrote:', 'Yes.\n\nOn Mon, Nov 23, 2026 at 9:14 AM Alice <alice@agency.example> wrote:\nHi Jane', 'Yes.'],
    [
      'On … wrote: wrapped over two lines',
      'Yes.\n\nOn Mon, Nov 23, 2026 at 9:14 AM Alice Smith <\nalice@agency.example> wrote:\n\n> Hi',
      'Yes.',
    ],
    [
      'On … wrote: wrapped over three lines',
      'Yes.\n\nOn Mon, Nov 23, 2026 at 9:14 AM\nAlice Smith\n<alice@agency.example> wrote:\nHi',
      'Yes.',
    ],
    [
      'Apple "On 23 Nov 2026, at 09:14"',
      'Yes.\n\nOn 23 Nov 2026, at 09:14, Alice <alice@agency.example> wrote:\n\nHi',
      'Yes.',
    ],
    ['Thunderbird "Alice wrote:" with a date', 'Yes.\n\nOn 11/23/26 9:14 AM, Alice Smith wrote:\nHi', 'Yes.'],
    ['French', 'Oui.\n\nLe lun. 23 nov. 2026 à 09:14, Alice <alice@agency.example> a écrit :\nBonjour', 'Oui.'],
    ['German', 'Ja.\n\nAm Mo., 23. Nov. 2026 um 09:14 Uhr schrieb Alice <alice@agency.example>:\nHallo', 'Ja.'],
    ['German, Outlook order', 'Ja.\n\nAm 23.11.2026 um 09:14 schrieb Alice Smith:\nHallo', 'Ja.'],
    ['Spanish', 'Sí.\n\nEl lun, 23 nov 2026 a las 9:14, Alice (<alice@agency.example>) escribió:\nHola', 'Sí.'],
    [
      'Italian',
      'Sì.\n\nIl giorno lun 23 nov 2026 alle ore 09:14 Alice <alice@agency.example> ha scritto:\nCiao',
      'Sì.',
    ],
    ['Dutch', 'Ja.\n\nOp ma 23 nov. 2026 om 09:14 schreef Alice <alice@agency.example>:\nHoi', 'Ja.'],
    ['Outlook Original Message', 'Yes.\n\n-----Original Message-----\nFrom: Alice\nSent: Monday\nHi', 'Yes.'],
    ['Outlook Ursprüngliche Nachricht', 'Ja.\n\n-----Ursprüngliche Nachricht-----\nVon: Alice\nHallo', 'Ja.'],
    [
      'Outlook From/Sent block',
      'Yes.\n\nFrom: Alice Smith <alice@agency.example>\nSent: Monday, November 23, 2026 9:14 AM\nTo: Jane\nSubject: Hi\n\nHi',
      'Yes.',
    ],
    [
      'Outlook From/Date block (Mac)',
      'Yes.\n\nFrom: Alice Smith <alice@agency.example>\nDate: Monday, 23 November 2026 at 09:14\nTo: Jane\n\nHi',
      'Yes.',
    ],
    [
      'Outlook French block',
      'Oui.\n\nDe : Alice Smith <alice@agency.example>\nEnvoyé : lundi 23 novembre 2026 09:14\nÀ : René\n\nBonjour',
      'Oui.',
    ],
    ['Outlook web separator', 'Yes.\n\n________________________________\nFrom: Alice\nHi', 'Yes.'],
    ['signature "-- "', 'Yes.\n\n-- \nJane Roe\nSales Rep', 'Yes.'],
    ['Sent from my iPhone', 'Yes!\n\nSent from my iPhone', 'Yes!'],
    ['Get Outlook for Android', 'Yes!\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>', 'Yes!'],
    ['Von meinem iPhone gesendet', 'Ja!\n\nVon meinem iPhone gesendet', 'Ja!'],
    ['Envoyé de mon iPhone', 'Oui !\n\nEnvoyé de mon iPhone', 'Oui !'],
    [
      'a sentence ending in "wrote:" is not an attribution',
      'Here is what my manager wrote:\nGreat work.',
      'Here is what my manager wrote:\nGreat work.',
    ],
    [
      'a From: line in prose is not a header block',
      'From: the team, thanks!\nSee you.',
      'From: the team, thanks!\nSee you.',
    ],
    ['only history leaves nothing', '> quoted', ''],
  ])('%s', (_what, text, expected) => {
    expect(extractNewText(text)).toBe(expected);
  });
});

describe('snippet', () => {
  it.each([
    ['short text', 'Hello  there\n\nJane', 500, 'Hello there Jane'],
    ['cut at a word boundary with an ellipsis', 'one two three four five', 12, 'one two…'],
    ['exactly the limit', 'abcde', 5, 'abcde'],
    ['one long word is cut where it is', 'https://example.com/a-very-long-link', 10, 'https://e…'],
    ['no trailing punctuation before the ellipsis', 'Hello, world. Goodbye', 14, 'Hello, world…'],
  ])('%s', (_what, text, max, expected) => {
    const out = snippet(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });

  it('defaults to 500 characters', () => {
    expect(snippet('word '.repeat(200)).length).toBeLessThanOrEqual(500);
  });
});
