// Plain output for people (aligned tables) and machines (--json), in one place so every command
// prints the same way.
import type { CliIo } from './cli-io.js';

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The same text as printJson(io, [...values]), written one element at a time, so a large array (every
 * recruiter's digest) is never one string in memory. Each element is printed as the sole element of an
 * array and its brackets cut off: JSON.stringify does the nesting's indentation itself, at its own speed.
 */
export async function printJsonArray(io: CliIo, values: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  let first = true;
  for await (const value of values) {
    const nested = JSON.stringify([value], null, 2);
    io.stdout.write(`${first ? '[\n' : ',\n'}${nested.slice(2, -2)}`);
    first = false;
  }
  io.stdout.write(first ? '[]\n' : '\n]\n');
}

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
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  io.stdout.write(`${line(columns)}\n`);
  for (const row of text) io.stdout.write(`${line(row)}\n`);
}
