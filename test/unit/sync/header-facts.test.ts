// The sync splits plain address headers itself and leaves every other shape to mailparser; both ways
// must give the same addresses and names, whatever the header holds.
import { describe, expect, it } from 'vitest';
import { addressesIn, parsedAddresses, plainAddresses } from '../../../src/sync/header-facts.js';

const NAMES = [
  'Jane Roe',
  'Sales Rep',
  'Jane  Roe',
  "O'Brien",
  'Jean-Luc Picard',
  'Dr. Sam Lee',
  'J.R.',
  '.',
  '-',
  "'",
  '_',
  '123',
  'a.b',
  'x y z',
  'Ünïcode Name',
  '"Roe, Jane"',
  '"Jane"',
  '=?utf-8?B?SmFuZSBSb2U=?=',
  'Jane (work)',
  'Team:',
  'Jane;',
  'Ja\\ne',
  '',
];
const ADDRESSES = [
  'jane@candidates.example',
  'J.Roe+tag@Example.COM',
  'rep1@vendor1.example',
  'a@b',
  'x_y%z@mail-1.example',
  'jane@xn--mnchen-3ya.example',
  'jane@',
  '@example.com',
  'a..b@x.example',
  'jane@exa mple.com',
  'jane@[127.0.0.1]',
  'plain',
  'jane@candidates.example.',
];
const SHAPES: ((name: string, address: string) => string)[] = [
  (n, a) => `${n} <${a}>`,
  (n, a) => `${n}<${a}>`,
  (_n, a) => a,
  (_n, a) => `<${a}>`,
  (n, a) => `${a} (${n})`,
  (n, a) => ` ${n}   <${a}> `,
];
const SEPARATORS = [', ', ',', ' , ', ',, ', ', , '];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('plain address headers', () => {
  it.each([
    ['Sales Rep <rep1@vendor1.example>', [{ name: 'Sales Rep', address: 'rep1@vendor1.example' }]],
    [
      'rep1@vendor1.example, <b@y.example>',
      [
        { name: '', address: 'rep1@vendor1.example' },
        { name: '', address: 'b@y.example' },
      ],
    ],
    ['Jane  Roe<j@x.example> ,', [{ name: 'Jane  Roe', address: 'j@x.example' }]],
  ])('reads %s directly', (value, expected) => {
    expect(plainAddresses(value)).toEqual(expected);
  });

  it.each([
    '"Roe, Jane" <j@x.example>',
    'jane@x.example (Jane)',
    'Team: a@x.example;',
    '=?utf-8?B?SmFuZQ==?= <j@x.example>',
    'Jane <j@xn--mnchen-3ya.example>',
    'Ünï <u@x.example>',
    'Jane\t<j@x.example>',
  ])('leaves %s to mailparser', (value) => {
    expect(plainAddresses(value)).toBeNull();
  });

  it('gives what mailparser gives for 20,000 headers of every shape', () => {
    const next = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      const count = 1 + Math.floor(next() * 3);
      const pieces = Array.from({ length: count }, () => pick(SHAPES)(pick(NAMES), pick(ADDRESSES)));
      let value = pieces[0]!;
      for (const piece of pieces.slice(1)) value += pick(SEPARATORS) + piece;
      const direct = plainAddresses(value);
      if (direct) plain++;
      expect(direct ?? parsedAddresses(value), value).toEqual(parsedAddresses(value));
    }
    expect(plain).toBeGreaterThan(2_000); // the direct path was exercised, not only the fallback
  });

  it('reads several values of one header in order, each bounded', () => {
    expect(addressesIn(['Jane <j@x.example>', '"Roe, Omar" <o@x.example>'])).toEqual([
      { name: 'Jane', address: 'j@x.example' },
      { name: 'Roe, Omar', address: 'o@x.example' },
    ]);
  });
});
