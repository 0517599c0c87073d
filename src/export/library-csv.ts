// Writes the talent library as a CSV in exactly the import's columns, so export → import changes nothing and an
// admin can edit the sheet and import it back. One row per runner-up decision (a person with none gets one row);
// other outcome stages have no column and are left to the JSON export.
import { CANDIDATE_CSV_COLUMNS } from '../import/candidate-csv-rows.js';
import type { CandidateState } from '../library/candidate-state.js';

type Column = (typeof CANDIDATE_CSV_COLUMNS)[number];

/** RFC 4180 quoting: only when needed, so the sheet stays readable. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a BOM (so Excel shows "José Núñez" right) and CRLF line ends; the import accepts both. */
export function formatLibraryCsv(
  candidates: Iterable<CandidateState>,
  recruiterEmailById: ReadonlyMap<number, string>,
): string {
  const lines = [CANDIDATE_CSV_COLUMNS.join(',')];
  for (const candidate of candidates) {
    const profile: Record<Column, string | number | null> = {
      name: candidate.name,
      email: candidate.addresses.map((address) => address.email).join('; '),
      skills: candidate.skills.map((skill) => skill.skill).join('; '),
      status: candidate.status,
      opening: null,
      client: null,
      decided_at: null,
      owner: candidate.ownerId === null ? null : (recruiterEmailById.get(candidate.ownerId) ?? null),
      cadence_days: candidate.cadenceDays,
      snoozed_until: candidate.snoozedUntil,
      notes: candidate.notes,
    };
    const decisions = candidate.outcomes.filter((outcome) => outcome.stage === 'runner_up');
    const rows =
      decisions.length === 0
        ? [profile]
        : decisions.map((o) => ({ ...profile, opening: o.title, client: o.client, decided_at: o.decidedAt }));
    for (const row of rows) lines.push(CANDIDATE_CSV_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
