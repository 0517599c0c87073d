import { describe, expect, it } from 'vitest';
import { findPhrases, requiredRun } from './phrase-match.js';

describe('requiredRun', () => {
  it.each([
    ["don't contact me", 'contact'],
    ['stop e-mailing', 'mailing'],
    ['not interested, please don’t', 'interested'],
    ['finished my * degree', 'finished'],
    ['100% you will get', 'will'],
    ['…', null],
    ['déménagé à Lyon', 'lyon'],
  ])('%s -> %s', (phrase, run) => {
    expect(requiredRun(phrase)).toBe(run);
  });
});

describe('findPhrases skips a phrase only when it cannot match', () => {
  it('finds a phrase whatever the case of an ASCII text', () => {
    expect(findPhrases('Please REMOVE ME from your list', ['remove me']).map((h) => h.phrase)).toEqual(['REMOVE ME']);
  });

  it('still folds case the Unicode way in a text that is not ASCII (the Kelvin sign is a k)', () => {
    expect(findPhrases('Last month I too\u212A a job at Acme.', ['took a job']).map((h) => h.phrase)).toEqual([
      'too\u212A a job',
    ]);
  });

  it('matches curly apostrophes and optional hyphens as before', () => {
    expect(findPhrases('Please don’t e mailing me', ["don't e-mailing"]).map((h) => h.phrase)).toEqual([
      'don’t e mailing',
    ]);
    expect(
      findPhrases('I got my CMR certification last week.', ['got my * certification']).map((h) => h.phrase),
    ).toEqual(['got my CMR certification']);
  });

  it('finds nothing when no phrase is in the text', () => {
    expect(
      findPhrases('thanks for the update about the role', ['remove me', 'took a job', 'got my * certification']),
    ).toEqual([]);
  });
});
