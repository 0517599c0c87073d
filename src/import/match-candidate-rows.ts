// Decides who each CSV row is about. Rows that share an address, or whose addresses are already one library
// candidate's, describe one person (one row per runner-up outcome is normal); the library's answers arrive as plain
// maps, so every rule here is a pure function with a table of tests.
import type { CandidateStatus } from '../db/schema.js';
import { personNameKey, openingKey, type Address, type Skill } from '../core/library-fields.js';
import type { CandidateRow, RunnerUpOutcome } from './candidate-csv-rows.js';
import type { LineProblem } from './line-problems.js';

export interface LibraryLookups {
  /** Recruiters by the key of their email and of each alias. */
  recruiterIdByKey: ReadonlyMap<string, number>;
  /** Library candidates by the key of each of their addresses. */
  candidateIdByKey: ReadonlyMap<string, number>;
  /** Address keys of people erased on request. */
  suppressedKeys: ReadonlySet<string>;
}

/** One person as the file describes them; null fields were not given. */
export interface CandidateImport {
  line: number;
  candidateId: number | null;
  name: string;
  addresses: Address[];
  skills: Skill[] | null;
  status: CandidateStatus | null;
  ownerId: number | null;
  cadenceDays: number | null;
  snoozedUntil: string | null;
  notes: string | null;
  outcomes: RunnerUpOutcome[];
}

export function matchCandidateRows(
  rows: readonly CandidateRow[],
  lookups: LibraryLookups,
): { people: CandidateImport[]; problems: LineProblem[] } {
  const problems: LineProblem[] = rows.flatMap((row) => libraryProblems(row, lookups));
  const people = groupRows(rows, lookups).map((group) => mergeGroup(group, lookups, problems));
  return { people, problems };
}

function existingIds(row: CandidateRow, lookups: LibraryLookups): Set<number> {
  const ids = row.addresses.map((address) => lookups.candidateIdByKey.get(address.key));
  return new Set(ids.filter((id): id is number => id !== undefined));
}

/** What is wrong with one row given the library alone (also asked of rows that have other problems). */
export function libraryProblems(row: CandidateRow, lookups: LibraryLookups): LineProblem[] {
  const problems: string[] = [];
  if (row.owner && !lookups.recruiterIdByKey.has(row.owner.key)) {
    problems.push(`unknown owner "${row.owner.email}" (add them first: keepwarm recruiter add)`);
  }
  for (const address of row.addresses) {
    if (lookups.suppressedKeys.has(address.key)) {
      problems.push(`${address.email} belongs to a person erased on request and cannot be imported again`);
    }
  }
  if (existingIds(row, lookups).size > 1) {
    problems.push(
      `the addresses ${row.addresses.map((a) => a.email).join(', ')} belong to different library candidates`,
    );
  }
  return problems.map((message) => ({ line: row.line, message }));
}

/** Union-find over rows: shared address keys and shared library candidates join rows into one person. */
function groupRows(rows: readonly CandidateRow[], lookups: LibraryLookups): CandidateRow[][] {
  const parent = rows.map((_row, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] ?? i)));
  const join = (a: number, b: number): void => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const handles = [
      ...row.addresses.map((a) => `address:${a.key}`),
      ...[...existingIds(row, lookups)].map((id) => `candidate:${id}`),
    ];
    for (const handle of handles) {
      const first = firstRowOf.get(handle);
      if (first === undefined) firstRowOf.set(handle, i);
      else join(first, i);
    }
  });
  const groups = new Map<number, CandidateRow[]>();
  rows.forEach((row, i) => {
    const key = root(i);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  return [...groups.values()];
}

function mergeGroup(group: readonly CandidateRow[], lookups: LibraryLookups, problems: LineProblem[]): CandidateImport {
  const [first, ...rest] = group as [CandidateRow, ...CandidateRow[]];
  const ids = new Set(group.flatMap((row) => [...existingIds(row, lookups)]));
  if (ids.size > 1 && !group.some((row) => existingIds(row, lookups).size > 1)) {
    const lines = group.map((row) => row.line).join(', ');
    problems.push({
      line: first.line,
      message: `lines ${lines} share addresses but match different library candidates`,
    });
  }
  for (const row of rest) {
    if (personNameKey(row.name) !== personNameKey(first.name)) problems.push(differentPerson(row, group));
  }
  const given = <T>(
    column: string,
    pick: (row: CandidateRow) => T | null,
    identify: (value: T) => string = String,
  ): T | null => firstGiven(group, column, pick, identify, problems);
  const owner = given(
    'owner',
    (row) => row.owner,
    (address) => address.key,
  );
  return {
    line: first.line,
    candidateId: ids.size === 1 ? ([...ids][0] ?? null) : null,
    name: first.name,
    addresses: uniqueBy(
      group.flatMap((row) => row.addresses),
      (address) => address.key,
    ),
    skills: group.some((row) => row.skills)
      ? uniqueBy(
          group.flatMap((row) => row.skills ?? []),
          (s) => s.key,
        )
      : null,
    status: given('status', (row) => row.status),
    ownerId: owner ? (lookups.recruiterIdByKey.get(owner.key) ?? null) : null,
    cadenceDays: given('cadence_days', (row) => row.cadenceDays),
    snoozedUntil: given('snoozed_until', (row) => row.snoozedUntil),
    notes: given('notes', (row) => row.notes),
    outcomes: mergeOutcomes(group, problems),
  };
}

/** The first value the person's rows give; a later row giving another value is a problem (which one is meant?). */
function firstGiven<T>(
  group: readonly CandidateRow[],
  column: string,
  pick: (row: CandidateRow) => T | null,
  identify: (value: T) => string,
  problems: LineProblem[],
): T | null {
  const show = (value: T): string => {
    const text = identify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  };
  const giver = group.find((row) => pick(row) !== null);
  if (!giver) return null;
  const value = pick(giver) as T;
  for (const row of group) {
    const other = pick(row);
    if (other !== null && identify(other) !== identify(value)) {
      problems.push({
        line: row.line,
        message: `${column} "${show(other)}" differs from line ${giver.line} ("${show(value)}") for the same person`,
      });
    }
  }
  return value;
}

function mergeOutcomes(group: readonly CandidateRow[], problems: LineProblem[]): RunnerUpOutcome[] {
  const byOpening = new Map<string, { outcome: RunnerUpOutcome; line: number }>();
  for (const row of group) {
    if (!row.outcome) continue;
    const key = openingKey(row.outcome.opening, row.outcome.client);
    const seen = byOpening.get(key);
    if (!seen) byOpening.set(key, { outcome: { ...row.outcome }, line: row.line });
    else if (seen.outcome.decidedAt === null) seen.outcome.decidedAt = row.outcome.decidedAt;
    else if (row.outcome.decidedAt !== null && row.outcome.decidedAt !== seen.outcome.decidedAt) {
      problems.push({
        line: row.line,
        message: `decided_at for "${row.outcome.opening}" differs from line ${seen.line} for the same person`,
      });
    }
  }
  return [...byOpening.values()].map((entry) => entry.outcome);
}

function differentPerson(row: CandidateRow, group: readonly CandidateRow[]): LineProblem {
  const keys = new Set(row.addresses.map((address) => address.key));
  for (const other of group) {
    if (other === row || personNameKey(other.name) === personNameKey(row.name)) continue;
    const shared = other.addresses.find((address) => keys.has(address.key));
    if (shared) {
      return {
        line: row.line,
        message: `${shared.email} is also on line ${other.line} for a different person ("${other.name}")`,
      };
    }
  }
  const other = group[0] as CandidateRow;
  return {
    line: row.line,
    message: `"${row.name}" matches the same library candidate as line ${other.line} ("${other.name}")`,
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
