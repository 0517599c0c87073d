// Plain output for people (aligned tables) and machines (--json), in one place so every command
// prints the same way.
import { randomUUID } from 'node:crypto';
import type { CliIo } from './cli-io.js';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The same text as printJson(io, [...values]), written one element at a time, so a large array (every
 * recruiter's digest) is never one string in memory. Each element is printed as the sole element of an
 * array and its brackets cut off: JSON.stringify does the nesting's indentation itself, at its own speed.
 * With `itemsKey`, an element's array (or any iterable) under that key is written item by item too, so
 * its items can be made as they are written (a digest's entries).
 */
export async function printJsonArray(
  io: CliIo,
  values: Iterable<unknown> | AsyncIterable<unknown>,
  options: { itemsKey?: string } = {},
): Promise<void> {
  const out = chunkedWriter(io);
  let first = true;
  for await (const value of values) {
    out.write(first ? '[\n' : ',\n');
    writeElement(out, value, options.itemsKey);
    // Each element reaches the reader when it is done, not when the next one is.
    out.flush();
    first = false;
  }
  out.write(first ? '[]\n' : '\n]\n');
  out.flush();
}

/** Pieces written in chunks of about CHUNK_CHARS: a digest's 80,000 items as 80,000 writes cost ~0.3 s. */
interface ChunkedWriter {
  write(text: string): void;
  flush(): void;
}

const CHUNK_CHARS = 64 * 1024;

function chunkedWriter(io: CliIo): ChunkedWriter {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= CHUNK_CHARS) this.flush();
    },
    flush() {
      if (pending === '') return;
      io.stdout.write(pending);
      pending = '';
    },
  };
}

// "[\n  [\n    [\n" before and "\n    ]\n  ]\n]" after an item nested three arrays deep: an item of an
// element's array is printed at that depth (top array, element object, its array).
const ITEM_PREFIX = 12;
const ITEM_SUFFIX = 12;

function writeElement(out: ChunkedWriter, value: unknown, itemsKey: string | undefined): void {
  const items = itemsKey && isRecord(value) ? value[itemsKey] : undefined;
  if (!itemsKey || !isIterable(items)) {
    out.write(JSON.stringify([value], null, 2).slice(2, -2));
    return;
  }
  // The element with a marker in place of its items, split around the marker (a fresh random value, so no
  // text from mail can be mistaken for it).
  const marker = `items-${randomUUID()}`;
  const text = JSON.stringify([{ ...(value as Record<string, unknown>), [itemsKey]: marker }], null, 2).slice(2, -2);
  const at = text.indexOf(JSON.stringify(marker));
  out.write(text.slice(0, at));
  let count = 0;
  for (const item of items) {
    out.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify([[[item]]], null, 2).slice(ITEM_PREFIX, -ITEM_SUFFIX)}`);
    count += 1;
  }
  out.write(`${count === 0 ? '[]' : '\n    ]'}${text.slice(at + JSON.stringify(marker).length)}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';

export type Cell = string | number | boolean | null | undefined;

/** Removes control characters so text that came from mail or a CSV cannot move the terminal. */
export function printable(value: Cell): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function printTable(io: CliIo, columns: readonly string[], rows: readonly (readonly Cell[])[]): void {
  if (rows.length === 0) {
    io.stdout.write('(none)\n');
    return;
  }
  const text = rows.map((row) => row.map(printable));
  const widths = columns.map((column, i) => Math.max(column.length, ...text.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  io.stdout.write(`${line(columns)}\n`);
  for (const row of text) io.stdout.write(`${line(row)}\n`);
}
