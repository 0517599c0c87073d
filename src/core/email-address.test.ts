import { describe, expect, it } from 'vitest';
import { addressKey, isValidAddress } from './email-address.js';

describe('addressKey', () => {
  it.each([
    ['Jane.Roe@Example.com', 'jane.roe@example.com'],
    ['  jane@example.com ', 'jane@example.com'],
    ['jane+jobs@example.com', 'jane@example.com'],
    ['Jane.Roe@gmail.com', 'janeroe@gmail.com'],
    ['jane.roe+x@googlemail.com', 'janeroe@gmail.com'],
    ['j.roe@outlook.com', 'j.roe@outlook.com'],
    ['josé@exämple.com', null],
    ['not an address', null],
    ['jane@', null],
    ['@example.com', null],
    ['jane@example', null],
  ])('%s -> %s', (input, expected) => {
    expect(addressKey(input)).toBe(expected);
  });

  it('accepts ordinary addresses and rejects display names', () => {
    expect(isValidAddress('a.b-c@sub.example.org')).toBe(true);
    expect(isValidAddress('Jane <jane@example.com>')).toBe(false);
  });
});
