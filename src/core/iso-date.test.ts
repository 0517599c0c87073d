import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './iso-date.js';

describe('parseIsoDate', () => {
  it.each([
    ['2024-03-01', '2024-03-01T00:00:00.000Z'],
    [' 2024-03-01 ', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T09:30', '2024-03-01T09:30:00.000Z'],
    ['2024-03-01 09:30:15', '2024-03-01T09:30:15.000Z'],
    ['2024-03-01T09:30:15.5Z', '2024-03-01T09:30:15.500Z'],
    ['2024-03-01T09:30:00+02:00', '2024-03-01T07:30:00.000Z'],
    ['2024-03-01T00:30:00-0500', '2024-03-01T05:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it.each(['', '2024-02-30', '2023-02-29', '2024-13-01', '2024-03-01T24:00', '01/03/2024', 'tomorrow', '2024-3-1'])(
    'rejects %j',
    (input) => {
      expect(parseIsoDate(input)).toBeNull();
    },
  );

  it('round-trips its own output, so an export re-imports unchanged', () => {
    const stored = parseIsoDate('2024-03-01T09:30:00+02:00') ?? '';
    expect(parseIsoDate(stored)).toBe(stored);
  });
});
