import { describe, expect, it } from 'vitest';
import { requiredLiteral } from './regex-literal.js';

describe('requiredLiteral', () => {
  it.each([
    [String.raw`^>?\s*Begin forwarded message\s?:`, 'm', 'Begin forwarded message'],
    [String.raw`^\s*-{8,10}\s*Forwarded message\s*-{8,10}\s*`, 'm', 'Forwarded message'],
    [String.raw`^\s*-{5} Message transmis -{5}\s*`, 'm', '----- Message transmis -----'],
    [String.raw`^\s*_{32}\s*$`, 'm', '_'.repeat(32)],
    [String.raw`^\s?Le\s?.+\,\s?«.+»\s*[\[|<].+[\]|>]\s?a écrit\s?:`, 'm', 'a écrit'],
    [String.raw`^\s?Dne\s?.+\,\s?.+\s*[\[|<].+[\]|>]\s?napsal\(a\)\s?:`, 'm', 'napsal(a)'],
    [String.raw`^(\*?\s*From\s?:\*?(.+))$`, 'm', 'From'],
    [String.raw`^\*?Subject\s?:\*?(.+)`, 'im', 'Subject'],
    [String.raw`^Redir.:(.*)`, 'm', 'Redir'],
    [
      String.raw`^\s?Dnia\s?(?<date>.+)\s?„(?<from_name>.+)”\s*[\[|<](?<from_address>.+)[\]|>]\s?napisał\s?:`,
      'm',
      'napisał',
    ],
    [String.raw`a(?:bc)d`, '', 'abcd'],
    [String.raw`x(?<n>yz)w`, '', 'xyzw'],
    [String.raw`a(bc)?d`, '', 'a'],
    [String.raw`(ab|cd)ef`, '', 'ef'],
    [String.raw`(?:ab)+cd`, '', 'cd'],
    [String.raw`(?=abc)d`, '', 'd'],
    [String.raw`ab+c`, '', 'ab'],
    [String.raw`abc*de`, '', 'ab'],
    [String.raw`a{3}b`, '', 'aaab'],
    [String.raw`xa{2,}b`, '', 'xaa'],
    [String.raw`ab\u0041cd`, '', 'ab'],
    [String.raw`\p{L}{2}xyz`, 'u', 'xyz'],
    [String.raw`a\sb`, '', 'a'],
    [String.raw`[abc]de`, '', 'de'],
    [String.raw`[\]x]yz`, '', 'yz'],
    [String.raw`\1ab(c)`, '', 'abc'],
  ])('/%s/%s requires %j', (source, flags, expected) => {
    expect(requiredLiteral(new RegExp(source, flags))).toBe(expected);
  });

  it.each([/ab|cd/, /(?:x|y)/, /^\s*$/, /.+/, /[a-z]+/, /a?/, /(?!x)/])(
    '%s requires nothing for certain',
    (pattern) => {
      expect(requiredLiteral(pattern)).toBeNull();
    },
  );

  it('names text that every match contains', () => {
    const cases: [RegExp, string][] = [
      [/^\s*-{5,10} Weitergeleitete Nachricht -{5,10}\s*/m, 'x\n  -------- Weitergeleitete Nachricht ----------\n'],
      [
        new RegExp(String.raw`^\s?Am\s?.+\s?schrieb\s?\".+\"\s*[\[|<].+[\]|>]\s?:`, 'm'),
        'Am 1. Mai schrieb "Jana" <jana@x.example>:',
      ],
      [/Subject\s?:(.+)/i, 'SUBJECT: hello'],
      [/^(\s*De\s?:(.+))$/m, 'De : Jane <j@x.example>'],
    ];
    for (const [pattern, text] of cases) {
      const match = pattern.exec(text);
      expect(match).not.toBeNull();
      const literal = requiredLiteral(pattern)!;
      expect(new RegExp(literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), pattern.flags).test(match![0])).toBe(true);
    }
  });
});
