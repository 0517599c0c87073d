// Checks each record of a candidate CSV on its own (is the status known, is the date a date…) and turns it into a
// typed row; what needs the library (owners, existing candidates) is checked afterwards by match-candidate-rows.
// A blank cell means "not given": an import adds and corrects, it never clears what the CSV leaves empty.
import type { CandidateStatus } from '../db/schema.js';
import {
  CANDIDATE_STATUS_HINT,
  cleanText,
  parseAddressList,
  parseCadenceDays,
  parseCandidateStatus,
  parseSkills,
  type Address,
  type Skill,
} from '../core/library-fields.js';
import { addressKey } from '../core/email-address.js';
import { parseIsoDate } from '../core/iso-date.js';
import type { CsvRecord } from './csv-table.js';
import type { LineProblem } from './line-problems.js';

export const CANDIDATE_CSV_COLUMNS = [
  'name',
  'email',
  'skills',
  'status',
  'opening',
  'client',
  'decided_at',
  'owner',
  'cadence_days',
  'snoozed_until',
  'notes',
] as const;
export const CANDIDATE_CSV_REQUIRED = ['name', 'email'] as const;

export interface RunnerUpOutcome {
  opening: string;
  client: string;
  decidedAt: string | null;
}

export interface CandidateRow {
  line: number;
  name: string;
  /** In file order; the first is the primary address. */
  addresses: Address[];
  skills: Skill[] | null;
  status: CandidateStatus | null;
  owner: Address | null;
  cadenceDays: number | null;
  snoozedUntil: string | null;
  notes: string | null;
  outcome: RunnerUpOutcome | null;
}

export const DATE_HINT = 'an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)';

/** Good rows, and the rest as far as they could be read (so their owner can still be checked), with the problems. */
export function readCandidateRows(records: readonly CsvRecord[]): {
  rows: CandidateRow[];
  rejected: CandidateRow[];
  problems: LineProblem[];
} {
  const rows: CandidateRow[] = [];
  const rejected: CandidateRow[] = [];
  const problems: LineProblem[] = [];
  for (const record of records) {
    const found: string[] = [];
    const row = readRow(record, found);
    (found.length === 0 ? rows : rejected).push(row);
    problems.push(...found.map((message) => ({ line: record.line, message })));
  }
  return { rows, rejected, problems };
}

function readRow(record: CsvRecord, problems: string[]): CandidateRow {
  const cell = (column: string): string | null => {
    const text = cleanText(record.cells.get(column) ?? '');
    return text.length > 0 ? text : null;
  };
  const name = cell('name');
  if (name === null) problems.push('name is missing');

  const { addresses, invalid } = parseAddressList(cell('email') ?? '');
  for (const email of invalid) problems.push(`"${email}" is not an email address`);
  if (addresses.length === 0 && invalid.length === 0) problems.push('email is missing');

  const statusText = cell('status');
  const status = statusText === null ? null : parseCandidateStatus(statusText);
  if (statusText !== null && status === null)
    problems.push(`unknown status "${statusText}" (use ${CANDIDATE_STATUS_HINT})`);

  const ownerText = cell('owner');
  const ownerKey = ownerText === null ? null : addressKey(ownerText);
  if (ownerText !== null && ownerKey === null) problems.push(`owner "${ownerText}" is not an email address`);

  const cadenceText = cell('cadence_days');
  const cadenceDays = cadenceText === null ? null : parseCadenceDays(cadenceText);
  if (cadenceText !== null && cadenceDays === null) {
    problems.push(`cadence_days "${cadenceText}" is not a whole number of days from 1 to 3650`);
  }

  const snoozedUntil = readDate('snoozed_until', cell('snoozed_until'), problems);
  const skillsText = cell('skills');
  return {
    line: record.line,
    name: name ?? '',
    addresses,
    skills: skillsText === null ? null : parseSkills(skillsText),
    status,
    owner: ownerText !== null && ownerKey !== null ? { email: ownerText, key: ownerKey } : null,
    cadenceDays,
    snoozedUntil,
    notes: cell('notes'),
    outcome: readOutcome(
      cell('opening'),
      cell('client'),
      readDate('decided_at', cell('decided_at'), problems),
      problems,
    ),
  };
}

function readDate(column: string, text: string | null, problems: string[]): string | null {
  if (text === null) return null;
  const date = parseIsoDate(text);
  if (date === null) problems.push(`${column} "${text}" is not ${DATE_HINT}`);
  return date;
}

function readOutcome(
  opening: string | null,
  client: string | null,
  decidedAt: string | null,
  problems: string[],
): RunnerUpOutcome | null {
  if (opening !== null && client !== null) return { opening, client, decidedAt };
  if (opening !== null) problems.push('opening is given without a client');
  else if (client !== null) problems.push('client is given without an opening');
  else if (decidedAt !== null) problems.push('decided_at is given without an opening and client');
  return null;
}
