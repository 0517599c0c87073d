import { describe, expect, it } from 'vitest';
import {
  cleanText,
  openingKey,
  parseAddressList,
  parseCadenceDays,
  parseCandidateStatus,
  parseSkills,
  personNameKey,
} from './library-fields.js';
import { suppressionHash } from './suppression-hash.js';

describe('talent-library fields', () => {
  it.each([
    ['runner_up', 'runner_up'],
    [' Placed_Elsewhere ', 'placed_elsewhere'],
    ['hired', null],
    ['', null],
  ])('reads status %j as %j', (input, expected) => {
    expect(parseCandidateStatus(input)).toBe(expected);
  });

  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['0', null],
    ['-5', null],
    ['2.5', null],
    ['soon', null],
  ])('reads cadence %j as %j', (input, expected) => {
    expect(parseCadenceDays(input)).toBe(expected);
  });

  it('splits skills on semicolons, keeping the first spelling of each', () => {
    expect(parseSkills(' Python; SQL;;python ; medical  sales')).toEqual([
      { skill: 'Python', key: 'python' },
      { skill: 'SQL', key: 'sql' },
      { skill: 'medical sales', key: 'medical sales' },
    ]);
  });

  it('folds control characters in a skill to a space, so no skill can hold the separator the digest packs with', () => {
    expect(parseSkills('Go\u001fRust;\u0007SQL\u0000;\u007f')).toEqual([
      { skill: 'Go Rust', key: 'go rust' },
      { skill: 'SQL', key: 'sql' },
    ]);
  });

  it('keeps addresses in order with their keys and names the ones that are not addresses', () => {
    expect(parseAddressList('Jane.Roe@gmail.com; jane@work.example ;janeroe@gmail.com; not-an-address')).toEqual({
      addresses: [
        { email: 'Jane.Roe@gmail.com', key: 'janeroe@gmail.com' },
        { email: 'jane@work.example', key: 'jane@work.example' },
      ],
      invalid: ['not-an-address'],
    });
  });

  it('treats a decomposed and a composed José as one name', () => {
    const decomposed = 'Jose\u0301 Nu\u0301n\u0303ez';
    expect(cleanText(decomposed)).toBe('José Núñez');
    expect(personNameKey(`  ${decomposed} `)).toBe(personNameKey('josé  núñez'));
  });

  it('folds only ASCII case in an opening key, as SQLite lower() does', () => {
    expect(openingKey('Sales Rep', 'ACME')).toBe(openingKey(' sales rep', 'acme'));
    expect(openingKey('Rep', 'ÉCOLE')).not.toBe(openingKey('Rep', 'école'));
  });

  it('hashes an address key the same way every time, without containing it', () => {
    const hash = suppressionHash('jane@example.com');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(suppressionHash('jane@example.com'));
    expect(hash).not.toBe(suppressionHash('john@example.com'));
  });
});
