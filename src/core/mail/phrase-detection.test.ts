import { describe, expect, it } from 'vitest';
import { detectLifeEvents, detectOptOut, detectPlacedElsewhere, detectPromises } from './phrase-detection.js';
import { compilePhrase } from './phrase-match.js';
import { extractNewText } from './new-text.js';
import { loadFixture } from '../../../test/fixtures/mail/load-fixture.js';

async function newTextOf(file: string): Promise<string> {
  return extractNewText((await loadFixture(file)).text ?? '');
}

describe('phrases on fixtures (new text only)', () => {
  it('finds the opt-out in a reply', async () => {
    expect(detectOptOut(await newTextOf('opt-out-reply.eml'))).toEqual({
      phrase: 'remove me',
      sentence: 'Please remove me from your list.',
    });
  });

  it('does not take the recruiter\'s quoted "unsubscribe" for the candidate\'s', async () => {
    const facts = await loadFixture('gmail-reply.eml');
    expect(detectOptOut(facts.text ?? '')).not.toBeNull();
    expect(detectOptOut(extractNewText(facts.text ?? ''))).toBeNull();
  });

  it('reads "I’ve accepted another offer" as placed elsewhere, not as an opt-out', async () => {
    const text = await newTextOf('accepted-offer-reply.eml');
    expect(detectPlacedElsewhere(text)).toEqual({
      phrase: 'accepted another offer',
      sentence: 'I’ve accepted another offer and start at Initech in January, so I’m off the market for now.',
    });
    expect(detectOptOut(text)).toBeNull();
  });

  it('finds a life event, and not the one in the quoted part', async () => {
    expect(detectLifeEvents(await newTextOf('life-event-reply.eml'))).toEqual([
      { category: 'credential', phrase: 'passed my CPA exam', sentence: 'Quick update: I just passed my CPA exam!' },
    ]);
  });

  it('flags the recruiter’s empty promise', async () => {
    expect(detectPromises(await newTextOf('promise-outbound.eml')).map((p) => p.phrase)).toEqual([
      'I guarantee',
      'the job is yours',
    ]);
  });

  it.each(['gmail-reply.eml', 'outlook-reply.eml', 'apple-mail-reply.eml', 'windows-1252-html-reply.eml'])(
    'finds nothing in the ordinary reply %s',
    async (file) => {
      const text = await newTextOf(file);
      expect([detectOptOut(text), detectPlacedElsewhere(text), detectLifeEvents(text), detectPromises(text)]).toEqual([
        null,
        null,
        [],
        [],
      ]);
    },
  );
});

describe('detectOptOut', () => {
  it.each([
    ['Please remove me from your list.', 'remove me'],
    ['Please REMOVE ME from your mailing list', 'REMOVE ME'],
    ['Unsubscribe', 'Unsubscribe'],
    ['Please unsubscribe me.', 'unsubscribe me'],
    ['Stop emailing me.', 'Stop emailing'],
    ['Please stop contacting me about roles.', 'stop contacting'],
    ['Don’t contact me again.', 'Don’t contact me'],
    ['Do not   contact me again.', 'Do not contact me'],
    ['Take me off your list', 'Take me off'],
    ["I'm not interested, please don't write again.", "not interested, please don't"],
    ['Not interested. Please do not call.', 'Not interested. Please do not'],
    ['I no longer wish to receive these emails.', 'no longer wish to receive'],
    ['I am no longer interested, please remove me.', 'remove me'],
    ['Please delete my data.', 'delete my data'],
    ['Leave me alone!', 'Leave me alone'],
  ])('%j asks to stop', (text, phrase) => {
    expect(detectOptOut(text)?.phrase).toBe(phrase);
  });

  it.each([
    "I'm not interested in unsubscribing",
    "Please don't remove me from your list!",
    'Please do not remove me.',
    "I am interested, please don't hesitate to call.",
    "Don't stop emailing me, I like the updates.",
    'I never asked you to remove me.',
    'Please remove me from consideration for the Acme role.',
    "I'm not interested in this role, but keep me in mind.",
    'Feel free to contact me any time.',
    'Thanks, talk soon.',
  ])('%j does not', (text) => {
    expect(detectOptOut(text)).toBeNull();
  });

  it('extends the defaults with configured phrases', () => {
    expect(detectOptOut('Bitte keine Mails mehr.')).toBeNull();
    expect(detectOptOut('Bitte keine Mails mehr.', ['keine Mails mehr'])?.phrase).toBe('keine Mails mehr');
  });
});

describe('detectPlacedElsewhere', () => {
  it.each([
    ['I accepted another offer last week.', 'accepted another offer'],
    ["I've accepted a position at Initech.", 'accepted a position'],
    ['I started a new role at Globex in March.', 'started a new role'],
    ['I took a job with Initech.', 'took a job'],
    ['I have decided to accept an offer from Globex.', 'decided to accept an offer'],
    ['I’ve accepted an offer elsewhere', 'accepted an offer elsewhere'],
  ])('%j', (text, phrase) => {
    expect(detectPlacedElsewhere(text)?.phrase).toBe(phrase);
  });

  it.each([
    "I haven't accepted another offer yet.",
    'If I accepted an offer, would you still call me?',
    'I accepted your invitation to interview.',
    "I'm hoping to take a job in Lyon.",
    'Remove me, I accepted nothing.',
  ])('%j is not', (text) => {
    expect(detectPlacedElsewhere(text)).toBeNull();
  });
});

describe('detectLifeEvents', () => {
  it.each([
    ['I just passed my CPA exam!', 'credential'],
    ['I passed the PMP exam on Friday.', 'credential'],
    ['I got my nursing license last month.', 'credential'],
    ['I earned my PMP in October.', 'credential'],
    ['Good news: I got promoted to regional manager.', 'new_job'],
    ['I started at Initech on Monday.', 'new_job'],
    ['I have a new job at Globex.', 'new_job'],
    ['We moved to Denver in the summer.', 'move'],
    ["I'm relocating to Lyon next year.", 'move'],
    ['We relocated to Austin.', 'move'],
    ['We had a baby in October!', 'baby'],
    ['Our daughter was born on Tuesday.', 'baby'],
    ['Our son Leo was born last week.', 'baby'],
    ['I got married in June.', 'wedding'],
    ['We just got engaged!', 'wedding'],
    ['The wedding was lovely.', 'wedding'],
    ['I graduated in May.', 'graduation'],
    ['I finally finished my MBA.', 'graduation'],
    ["I finished my master's degree.", 'graduation'],
  ])('%j is %s', (text, category) => {
    expect(detectLifeEvents(text).map((e) => e.category)).toEqual([category]);
  });

  it.each([
    "I'm looking for a new job.",
    "I'm open to relocating.",
    "I'm not relocating.",
    "We haven't moved to Denver yet.",
    'I did not pass the CPA exam.',
    'If I get a new job I will tell you.',
    'Thanks for the update on the role.',
  ])('%j is none', (text) => {
    expect(detectLifeEvents(text)).toEqual([]);
  });

  it('returns one signal per category and sentence, in text order, with the whole sentence', () => {
    const text =
      'Hi Alice,\n\nBig year! We moved to Denver and relocated the whole family.\nAlso I passed the bar exam.';
    expect(detectLifeEvents(text)).toEqual([
      { category: 'move', phrase: 'We moved to', sentence: 'We moved to Denver and relocated the whole family.' },
      { category: 'credential', phrase: 'passed the bar exam', sentence: 'Also I passed the bar exam.' },
    ]);
  });

  it('cuts a very long sentence around the match', () => {
    const text = `${'word '.repeat(100)}I got married ${'word '.repeat(100)}`;
    const [event] = detectLifeEvents(text);
    expect(event?.sentence.length).toBeLessThanOrEqual(302);
    expect(event?.sentence).toContain('I got married');
    expect(event?.sentence.startsWith('…')).toBe(true);
  });

  it('extends a category with configured phrases and ignores unknown categories', () => {
    expect(detectLifeEvents('I bought a house.', { move: ['bought a house'], hobby: ['house'] })).toEqual([
      { category: 'move', phrase: 'bought a house', sentence: 'I bought a house.' },
    ]);
  });
});

describe('detectPromises', () => {
  it.each([
    ['I guarantee you will love it.', ['I guarantee']],
    ['You will definitely get the offer.', ['You will definitely get']],
    ['You’ll definitely get it.', ['You’ll definitely get']],
    ['The job is yours.', ['The job is yours']],
    ["It's basically yours.", ["It's basically yours"]],
    ["100% you'll get this role.", ["100% you'll get"]],
    ["You're a shoo-in.", ["You're a shoo-in"]],
    ['You’re a shoo in.', ['You’re a shoo in']],
    ['Consider it done!', ['Consider it done']],
    ['I guarantee the job is yours.', ['I guarantee', 'the job is yours']],
  ])('%j promises %j', (text, phrases) => {
    expect(detectPromises(text).map((p) => p.phrase)).toEqual(phrases);
  });

  it.each([
    "I can't guarantee anything.",
    'I cannot guarantee an offer.',
    "I can’t say you'll definitely get it.",
    'Nobody can promise the job is yours.',
    'There is no role on offer right now.',
  ])('%j promises nothing', (text) => {
    expect(detectPromises(text)).toEqual([]);
  });

  it('extends the defaults with configured phrases', () => {
    expect(detectPromises('Trust me, it is a done deal.', ['a done deal']).map((p) => p.phrase)).toEqual([
      'a done deal',
    ]);
  });
});

describe('compilePhrase', () => {
  it.each([
    ["don't contact me", 'Don’t  contact\nme', true],
    ["don't contact me", 'dont contact me', false],
    ['remove me', 'removeme', false],
    ['remove me', 'remove meeting', false],
    ['shoo-in', 'shoo in', true],
    ['shoo-in', 'shooin', true],
    ['passed my * exam', 'passed my state board exam', true],
    ['passed my * exam', 'passed my exam', false],
    ['not interested, please', 'not interested please', true],
    ['not interested, please', 'not interested. Please', true],
  ])('%j against %j is %s', (phrase, text, matches) => {
    expect(compilePhrase(phrase).test(text)).toBe(matches);
  });
});
