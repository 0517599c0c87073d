// An import checks the whole file before it writes anything, so its failures are a list: every bad line, by the
// line number a person sees in a text editor, in one error the CLI (and later the admin page) can show at once.
import { KeepwarmError } from '../errors.js';

export interface LineProblem {
  /** The physical line the record starts on; the header is line 1. */
  line: number;
  message: string;
}

export function describeProblems(problems: readonly LineProblem[]): string[] {
  return [...problems].sort((a, b) => a.line - b.line).map((problem) => `line ${problem.line}: ${problem.message}`);
}

export function rejectFile(problems: readonly LineProblem[]): KeepwarmError {
  const lines = new Set(problems.map((problem) => problem.line)).size;
  return new KeepwarmError(
    'invalid_input',
    `the file has ${problems.length} problem(s) on ${lines} line(s); nothing was imported`,
    { details: describeProblems(problems) },
  );
}
