// What importing one person would change, worked out before anything is written: the same answer drives the
// dry run, the real write, the summary counts and the audit entry. An unchanged person must produce no write at
// all, so a re-import leaves every updated_at alone.
import { openingKey, type Address, type Skill } from '../core/library-fields.js';
import type { CandidateState } from '../library/candidate-state.js';
import type { CandidateColumns } from '../library/candidate-repository.js';
import type { CandidateImport } from './match-candidate-rows.js';

export interface OutcomeChange {
  opening: string;
  client: string;
  openingKey: string;
  decidedAt: string | null;
  isNew: boolean;
}

export interface CandidateChanges {
  action: 'create' | 'update' | 'unchanged';
  /** What changes, by CSV column name: for the summary and the audit log, which never hold the values. */
  fields: string[];
  columns: CandidateColumns;
  addAddresses: Address[];
  /** The key of the address that becomes primary, when that changes. */
  primaryKey: string | null;
  /** The whole new set of skills, when it changes. */
  skills: Skill[] | null;
  outcomes: OutcomeChange[];
}

export function diffCandidate(existing: CandidateState | null, wanted: CandidateImport): CandidateChanges {
  const fields: string[] = [];
  const columns: CandidateColumns = {};
  const set = <K extends keyof CandidateColumns>(
    field: string,
    column: K,
    value: CandidateColumns[K] | null,
    current: unknown,
  ): void => {
    if (value === null || value === undefined || value === current) return;
    columns[column] = value;
    fields.push(field);
  };
  set('name', 'name', wanted.name, existing?.name);
  set('status', 'status', wanted.status, existing?.status);
  set('owner', 'owner_recruiter_id', wanted.ownerId, existing?.ownerId);
  set('cadence_days', 'cadence_days', wanted.cadenceDays, existing?.cadenceDays);
  set('snoozed_until', 'snoozed_until', wanted.snoozedUntil, existing?.snoozedUntil);
  set('notes', 'notes', wanted.notes, existing?.notes);

  const knownKeys = new Set(existing?.addresses.map((address) => address.key) ?? []);
  const addAddresses = wanted.addresses.filter((address) => !knownKeys.has(address.key));
  if (addAddresses.length > 0) fields.push('email');
  const wantedPrimary = wanted.addresses[0]?.key ?? null;
  const currentPrimary = existing?.addresses.find((address) => address.primary)?.key ?? null;
  const primaryKey = wantedPrimary !== currentPrimary ? wantedPrimary : null;
  if (primaryKey !== null && existing) fields.push('primary_email');

  const skills = wanted.skills && !sameSkills(wanted.skills, existing?.skills ?? []) ? wanted.skills : null;
  if (skills) fields.push('skills');

  const outcomes = wanted.outcomes.flatMap((outcome): OutcomeChange[] => {
    const key = openingKey(outcome.opening, outcome.client);
    const current = existing?.outcomes.find((o) => o.openingKey === key);
    const changes =
      !current ||
      current.stage !== 'runner_up' ||
      (outcome.decidedAt !== null && outcome.decidedAt !== current.decidedAt);
    return changes ? [{ ...outcome, openingKey: key, isNew: !current }] : [];
  });
  if (outcomes.length > 0) fields.push('outcomes');

  const action = existing === null ? 'create' : fields.length > 0 ? 'update' : 'unchanged';
  return { action, fields, columns, addAddresses, primaryKey, skills, outcomes };
}

function sameSkills(a: readonly Skill[], b: readonly Skill[]): boolean {
  const keys = (skills: readonly Skill[]): string =>
    skills
      .map((s) => s.key)
      .sort()
      .join('\u0000');
  return keys(a) === keys(b);
}
