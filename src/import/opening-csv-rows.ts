// Checks each record of an openings CSV and turns it into a typed row. Same rules as the candidate import: a
// blank cell means "not given", every problem is reported with its line, and one opening (title and client,
// case-insensitive) may appear only once.
import type { OpeningStatus } from '../db/schema.js';
import { addressKey } from '../core/email-address.js';
import { parseIsoDate } from '../core/iso-date.js';
import {
  cleanText,
  openingKey,
  OPENING_STATUS_HINT,
  parseOpeningStatus,
  parseSkills,
  type Skill,
} from '../core/library-fields.js';
import { DATE_HINT } from './candidate-csv-rows.js';
import type { CsvRecord } from './csv-table.js';
import type { LineProblem } from './line-problems.js';

export const OPENING_CSV_COLUMNS = ['title', 'client', 'skills', 'status', 'owner', 'opened_at'] as const;
export const OPENING_CSV_REQUIRED = ['title', 'client'] as const;

export interface OpeningRow {
  line: number;
  title: string;
  client: string;
  key: string;
  skills: Skill[] | null;
  status: OpeningStatus | null;
  ownerId: number | null;
  openedAt: string | null;
}

export function readOpeningRows(
  records: readonly CsvRecord[],
  recruiterIdByKey: ReadonlyMap<string, number>,
): { rows: OpeningRow[]; problems: LineProblem[] } {
  const rows: OpeningRow[] = [];
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const found: string[] = [];
    const cell = (column: string): string | null => {
      const text = cleanText(record.cells.get(column) ?? '');
      return text.length > 0 ? text : null;
    };
    const title = cell('title');
    const client = cell('client');
    if (title === null) found.push('title is missing');
    if (client === null) found.push('client is missing');
    const key = openingKey(title ?? '', client ?? '');
    const earlier = firstLineOf.get(key);
    if (title !== null && client !== null) {
      if (earlier !== undefined) found.push(`"${title}" for ${client} is already on line ${earlier}`);
      else firstLineOf.set(key, record.line);
    }

    const statusText = cell('status');
    const status = statusText === null ? null : parseOpeningStatus(statusText);
    if (statusText !== null && status === null)
      found.push(`unknown status "${statusText}" (use ${OPENING_STATUS_HINT})`);

    const ownerText = cell('owner');
    const ownerKey = ownerText === null ? null : addressKey(ownerText);
    const ownerId = ownerKey === null ? null : (recruiterIdByKey.get(ownerKey) ?? null);
    if (ownerText !== null && ownerKey === null) found.push(`owner "${ownerText}" is not an email address`);
    else if (ownerText !== null && ownerId === null)
      found.push(`unknown owner "${ownerText}" (add them first: keepwarm recruiter add)`);

    const openedText = cell('opened_at');
    const openedAt = openedText === null ? null : parseIsoDate(openedText);
    if (openedText !== null && openedAt === null) found.push(`opened_at "${openedText}" is not ${DATE_HINT}`);

    const skillsText = cell('skills');
    if (found.length > 0) problems.push(...found.map((message) => ({ line: record.line, message })));
    else {
      rows.push({
        line: record.line,
        title: title ?? '',
        client: client ?? '',
        key,
        skills: skillsText === null ? null : parseSkills(skillsText),
        status,
        ownerId,
        openedAt,
      });
    }
  }
  return { rows, problems };
}
