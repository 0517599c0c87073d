import { describe, expect, it } from 'vitest';
import { printJson, printJsonArray } from '../../../src/cli/output.js';
import type { CliIo } from '../../../src/cli/cli-io.js';

async function capture(print: (io: CliIo) => unknown): Promise<{ text: string; writes: number }> {
  let text = '';
  let writes = 0;
  const io: CliIo = {
    stdout: { write: (t: string) => ((text += t), (writes += 1)) },
    stderr: { write: () => true },
    env: {},
    cwd: '/',
    now: () => new Date(0),
  };
  await print(io);
  return { text, writes };
}

describe('printJsonArray', () => {
  it.each([
    ['an empty array', []],
    ['one value', [{ a: 1 }]],
    [
      'nested values, empty containers and strings with newlines',
      [{ a: [], b: {}, c: 'x\ny', d: [{ e: null }] }, 2, 'z', [1, [2]], null],
    ],
  ])('prints %s exactly as printJson prints the whole array', async (_label, values: unknown[]) => {
    expect((await capture((io) => printJsonArray(io, values))).text).toBe(
      (await capture((io) => printJson(io, values))).text,
    );
  });

  it('writes each element before asking for the next, never the whole array as one string', async () => {
    const log: string[] = [];
    async function* values() {
      for (let i = 0; i < 5; i++) {
        log.push(`make ${i}`);
        yield { i };
      }
    }
    const io: CliIo = {
      stdout: { write: (t: string) => (log.push(`write ${/"i": (\d+)/.exec(t)?.[1] ?? 'end'}`), true) },
      stderr: { write: () => true },
      env: {},
      cwd: '/',
      now: () => new Date(0),
    };
    await printJsonArray(io, values());
    expect(log).toEqual([
      'make 0',
      'write 0',
      'make 1',
      'write 1',
      'make 2',
      'write 2',
      'make 3',
      'write 3',
      'make 4',
      'write 4',
      'write end',
    ]);
  });

  it("writes a large element's items in chunks of about 64 KB, not one write per item", async () => {
    const items = Array.from({ length: 2_000 }, (_, i) => ({ i, text: 'x'.repeat(300) }));
    const printed = await capture((io) => printJsonArray(io, [{ items }], { itemsKey: 'items' }));
    expect(printed.text.length).toBeGreaterThan(600_000);
    expect(printed.writes).toBeGreaterThan(5);
    expect(printed.writes).toBeLessThan(20);
  });

  it.each([
    [
      'digests with items',
      [
        {
          recruiter: 'a',
          items: [
            { name: 'Jane "J" Roe', reasons: [{ code: 'x', detail: 'line\nbreak “quoted”' }] },
            { name: 'Ann', reasons: [] },
          ],
          health: [],
        },
      ],
    ],
    [
      'an empty items array and a missing one',
      [{ recruiter: 'a', items: [], coaching: [1] }, { recruiter: 'b' }, 3, null],
    ],
    [
      'items whose text looks like the marker',
      [{ items: ['items-1234', '"items"', { items: [1, 2] }], after: { nested: [[]] } }],
    ],
  ])('writes %s item by item, as printJson prints the whole array', async (_label, values: unknown[]) => {
    const streamed = await capture((io) => printJsonArray(io, values, { itemsKey: 'items' }));
    expect(streamed.text).toBe((await capture((io) => printJson(io, values))).text);
  });

  it('takes items from any iterable, empty ones included', async () => {
    function* items(n: number) {
      for (let i = 0; i < n; i++) yield { i };
    }
    const lazy = [
      { a: 1, items: items(3), z: 2 },
      { a: 2, items: items(0), z: 3 },
    ];
    const eager = [
      { a: 1, items: [...items(3)], z: 2 },
      { a: 2, items: [], z: 3 },
    ];
    expect((await capture((io) => printJsonArray(io, lazy, { itemsKey: 'items' }))).text).toBe(
      (await capture((io) => printJson(io, eager))).text,
    );
  });
});
