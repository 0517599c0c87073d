import { readdirSync } from 'node:fs';
import EmailForwardParser from 'email-forward-parser';
import { describe, expect, it } from 'vitest';
import { patternsToRun, readForward } from './forward-reader.js';
import { FIXTURE_DIR, loadFixture } from '../../../test/fixtures/mail/load-fixture.js';
import { createRandom } from '../../../bench/lib/prng.js';

// The narrowed reader must answer exactly what email-forward-parser answers when it runs every pattern.
const unnarrowed = (text: string, subject: string) => new EmailForwardParser().read(text, subject);

const JANE = 'Jane Roe <jane.roe@candidates.example>';
const ALICE = 'Alice Smith <alice@agency.example>';
const BOB = '"Jones, Bob" <bob@agency.example>';

// Forward header blocks as the common clients and locales print them.
const HEADER_BLOCKS: readonly ((cc: string | null) => string)[] = [
  (cc) =>
    `---------- Forwarded message ---------\nFrom: ${JANE}\nDate: Mon, Nov 23, 2026 at 9:14 AM\nSubject: Question about the role\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}\n`,
  (cc) =>
    `---------- Forwarded message ---------\nVon: ${JANE}\nDate: Mo., 23. Nov. 2026 um 09:14 Uhr\nSubject: Bewerbung\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}\n`,
  (cc) =>
    `________________________________\nFrom: ${JANE}\nSent: Monday, November 23, 2026 9:14 AM\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}Subject: Availability next week\n\n`,
  (cc) =>
    `-----Original Message-----\nFrom: ${JANE}\nSent: Monday, November 23, 2026 9:14 AM\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}Subject: Availability\n\n`,
  (cc) =>
    `Begin forwarded message:\n\nFrom: ${JANE}\nSubject: References\nDate: 23 November 2026 at 09:14:00 GMT+1\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}\n`,
  (cc) =>
    `Anfang der weitergeleiteten Nachricht:\n\nVon: ${JANE}\nBetreff: Unterlagen\nDatum: 23. November 2026 um 09:14:00 MEZ\nAn: ${ALICE}\n${cc ? `Kopie: ${cc}\n` : ''}\n`,
  (cc) =>
    `-------- Forwarded Message --------\nSubject: \tReferences\nDate: \tMon, 23 Nov 2026 09:14:00 +0100\nFrom: \t${JANE}\nTo: \t${ALICE}\n${cc ? `CC: \t${cc}\n` : ''}\n`,
  (cc) =>
    `----- Forwarded Message -----\nFrom: ${JANE}To: ${ALICE}${cc ? `Cc: ${cc}` : ''}Sent: Monday, November 23, 2026, 09:14:00 AM GMTSubject: Hello\n`,
  (cc) =>
    `On Monday, November 23, 2026 9:14 AM, "Jane Roe" <jane.roe@candidates.example> wrote:\n${cc ? `Cc: ${cc}\n` : ''}\n`,
  (cc) =>
    `De : ${JANE}\nEnvoyé : lundi 23 novembre 2026 09:14\nÀ : ${ALICE}\n${cc ? `Cc : ${cc}\n` : ''}Objet : Candidature\n\n`,
  (cc) =>
    `-------- Message transféré --------\nSujet : Candidature\nDate : Mon, 23 Nov 2026 09:14:00 +0100\nDe : ${JANE}\nPour : ${ALICE}\n${cc ? `Copie à : ${cc}\n` : ''}\n`,
  (cc) =>
    `---------- Mensaje reenviado ---------\nDe: ${JANE}\nFecha: lun, 23 nov 2026 a las 9:14\nAsunto: Candidatura\nPara: ${ALICE}\n${cc ? `CC: ${cc}\n` : ''}\n`,
  (cc) => `Dnia 23 listopada 2026 „Jane Roe” <jane.roe@candidates.example> napisał:\n${cc ? `DW: ${cc}\n` : ''}\n`,
  (cc) =>
    `From: ${JANE}\nSent: Monday, November 23, 2026 9:14 AM\nTo: ${ALICE}\n${cc ? `Cc: ${cc}\n` : ''}Subject: No separator line\n\n`,
  (cc) =>
    `---------- Forwarded message ---------\nFROM: ${JANE}\nDATE: Mon, Nov 23, 2026 at 9:14 AM\nSUBJECT: Shouting\nTO: ${ALICE}\n${cc ? `CC: ${cc}\n` : ''}\n`,
  () => '',
];

const NOTES = [
  '',
  'Logging this one, keep warm.\n\n',
  'FYI\u00a0below.\n\n',
  '\ufeffPlease log.\n\n',
  'Bitte ablegen.\n\nGruß\nBob\n\n',
];
const SUBJECTS = [
  'Fwd: Question',
  'FW: Availability',
  'WG: Bewerbung',
  'TR: Candidature',
  'RV: Candidatura',
  'Re: Question',
  'Question',
  '',
];
const HISTORY_LINES = [
  'Thanks for getting back to me, happy to talk next week.',
  'De: someone earlier in the thread',
  'Cc: Dwight Schrute <dwight@paper.example>',
  'Dwight will join the call too.',
  'To: the whole team',
  'Subject: the earlier thread',
  'subject: lower case',
  'OBJET : en majuscules',
  'Sent: from my phone',
  'A: note',
  'Kopie: archive@agency.example',
  '    indented four spaces',
  '>',
  '',
  'Date: Tue, 24 Nov 2026',
  'Le lundi 23 nov. 2026, « Jean » <jean@x.example> a écrit :',
];

function generatedForward(seed: number): { text: string; subject: string } {
  const r = createRandom(seed); // the same cases every run
  const cc = r.next() < 0.3 ? BOB : null;
  const history = Array.from({ length: Math.floor(r.next() * 60) }, () => r.pick(HISTORY_LINES));
  const quote = r.next() < 0.5 ? '> ' : '';
  const original = `Hi Alice,\n\nIs the role still open?\n\nOn Sun, 22 Nov 2026 at 10:00, ${ALICE} wrote:\n${history.map((l) => `${quote}${l}`).join('\n')}`;
  let text = `${r.pick(NOTES)}${r.pick(HEADER_BLOCKS)(cc)}${original}`;
  if (r.next() < 0.2) text = `${r.pick(NOTES)}${r.pick(HEADER_BLOCKS)(null)}${text}`; // a forward of a forward
  if (r.next() < 0.2) text = text.replace(/^/gm, '> ');
  if (r.next() < 0.1) text = text.replace(/\n/g, '\r\n');
  if (r.next() < 0.1) text = text.replace(/ /g, '\u00a0');
  return { text, subject: r.pick(SUBJECTS) };
}

describe('readForward', () => {
  it('answers what the unnarrowed parser answers for every mail fixture', async () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const facts = await loadFixture(file);
      const text = (facts.text ?? '').replace(/\r\n?/g, '\n');
      for (const subject of [facts.subject, '']) {
        expect(readForward(text, subject), `${file} with subject ${JSON.stringify(subject)}`).toEqual(
          unnarrowed(text, subject),
        );
      }
    }
  });

  it('answers what the unnarrowed parser answers for 400 generated forwards, replies and plain mail', () => {
    let forwarded = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { text, subject } = generatedForward(seed);
      const expected = unnarrowed(text, subject);
      expect(readForward(text, subject), `seed ${seed}`).toEqual(expected);
      if (expected.forwarded && expected.email.from.address) forwarded++;
    }
    // The cases cover both outcomes, so equality is not only two parsers agreeing on "nothing".
    expect(forwarded).toBeGreaterThan(150);
    expect(forwarded).toBeLessThan(400);
  });

  it('runs only a small part of the parser’s patterns over an English Gmail forward', async () => {
    const facts = await loadFixture('gmail-forward.eml');
    const { run, all } = patternsToRun(facts.text!, facts.subject);
    expect(all).toBeGreaterThan(300);
    expect(run).toBeLessThan(all / 4);
  });

  it('does not search the body of a message whose subject is not a forward’s, which the parser does not read', async () => {
    const facts = await loadFixture('gmail-reply.eml');
    expect(facts.subject).toMatch(/^Re:/);
    expect(patternsToRun(facts.text!, facts.subject).searches).toBe(0);
    expect(patternsToRun(facts.text!, `Fwd: ${facts.subject}`).searches).toBeGreaterThan(0);
  });
});
