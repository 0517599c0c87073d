// The candidate import use case, shared by the CLI and (later) the admin page: check the whole file against the
// library, then write every change in one transaction, or, for a dry run, only say what would change.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inWriteTransaction } from '../db/write-transaction.js';
import { candidateIdsByAddressKeys } from '../library/candidate-repository.js';
import { loadCandidateStates } from '../library/candidate-state.js';
import { findOpeningId } from '../library/opening-repository.js';
import { recruiterIdsByAddressKey } from '../library/recruiter-repository.js';
import { suppressedAddressKeys } from '../library/suppressions.js';
import { applyCandidateChanges, createOpeningResolver } from './apply-candidate-changes.js';
import { diffCandidate, type CandidateChanges } from './candidate-changes.js';
import {
  CANDIDATE_CSV_COLUMNS,
  CANDIDATE_CSV_REQUIRED,
  readCandidateRows,
  type CandidateRow,
} from './candidate-csv-rows.js';
import { readCsvTable } from './csv-table.js';
import { rejectFile, type LineProblem } from './line-problems.js';
import {
  libraryProblems,
  matchCandidateRows,
  type CandidateImport,
  type LibraryLookups,
} from './match-candidate-rows.js';

export interface ImportOptions {
  dryRun: boolean;
  now: Date;
  /** Who the audit log names; the CLI is 'cli'. */
  actor?: string;
}

export interface ImportedChange {
  line: number;
  action: 'create' | 'update';
  name: string;
  fields: string[];
}

export interface CandidateImportResult {
  dryRun: boolean;
  candidates: { created: number; updated: number; unchanged: number };
  openings: { created: number };
  changes: ImportedChange[];
  /** Address keys the library did not know before: their earlier mail can be backfilled. */
  addedAddressKeys: string[];
}

interface PlannedPerson {
  person: CandidateImport;
  changes: CandidateChanges;
}

/** Throws invalid_input listing every bad line when any row is wrong; then nothing has been written. */
export async function importCandidates(
  db: Kysely<Database>,
  csvText: string,
  options: ImportOptions,
): Promise<CandidateImportResult> {
  const table = readCsvTable(csvText, { known: CANDIDATE_CSV_COLUMNS, required: CANDIDATE_CSV_REQUIRED });
  const { rows, rejected, problems } = readCandidateRows(table.records);
  problems.push(...table.problems);
  if (options.dryRun) {
    const { plan, newKeys } = await planImport(db, { rows, rejected, problems });
    return summarise(plan, true, await countMissingOpenings(db, plan), newKeys);
  }
  return inWriteTransaction(db, async (trx) => {
    const { plan, newKeys } = await planImport(trx, { rows, rejected, problems });
    const context = { now: options.now, actor: options.actor ?? 'cli' };
    const openings = createOpeningResolver(trx, context);
    for (const { person, changes } of plan) await applyCandidateChanges(trx, person, changes, openings, context);
    return summarise(plan, false, openings.created, newKeys);
  });
}

interface ReadRows {
  rows: readonly CandidateRow[];
  rejected: readonly CandidateRow[];
  problems: readonly LineProblem[];
}

async function planImport(db: Kysely<Database>, read: ReadRows): Promise<{ plan: PlannedPerson[]; newKeys: string[] }> {
  const keys = [...read.rows, ...read.rejected].flatMap((row) => row.addresses.map((address) => address.key));
  const lookups: LibraryLookups = {
    recruiterIdByKey: await recruiterIdsByAddressKey(db),
    candidateIdByKey: await candidateIdsByAddressKeys(db, keys),
    suppressedKeys: await suppressedAddressKeys(db, keys),
  };
  const { people, problems } = matchCandidateRows(read.rows, lookups);
  problems.push(...read.problems, ...read.rejected.flatMap((row) => libraryProblems(row, lookups)));
  if (problems.length > 0) throw rejectFile(problems);
  const ids = people.flatMap((person) => (person.candidateId === null ? [] : [person.candidateId]));
  const states = await loadCandidateStates(db, ids);
  const plan = people.map((person) => ({
    person,
    changes: diffCandidate(person.candidateId === null ? null : (states.get(person.candidateId) ?? null), person),
  }));
  const newKeys = [
    ...new Set(
      read.rows.flatMap((row) => row.addresses.map((a) => a.key)).filter((key) => !lookups.candidateIdByKey.has(key)),
    ),
  ];
  return { plan, newKeys };
}

async function countMissingOpenings(db: Kysely<Database>, plan: readonly PlannedPerson[]): Promise<number> {
  const named = new Map(plan.flatMap(({ changes }) => changes.outcomes.map((o) => [o.openingKey, o] as const)));
  let missing = 0;
  for (const outcome of named.values())
    if ((await findOpeningId(db, outcome.opening, outcome.client)) === null) missing += 1;
  return missing;
}

function summarise(
  plan: readonly PlannedPerson[],
  dryRun: boolean,
  openingsCreated: number,
  addedAddressKeys: string[],
): CandidateImportResult {
  const count = (action: CandidateChanges['action']): number => plan.filter((p) => p.changes.action === action).length;
  const changes = plan.flatMap(({ person, changes }): ImportedChange[] =>
    changes.action === 'unchanged'
      ? []
      : [{ line: person.line, action: changes.action, name: person.name, fields: changes.fields }],
  );
  return {
    dryRun,
    candidates: { created: count('create'), updated: count('update'), unchanged: count('unchanged') },
    openings: { created: openingsCreated },
    changes,
    addedAddressKeys,
  };
}
