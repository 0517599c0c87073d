import { describe, expect, it } from 'vitest';
import { diffCandidate } from './candidate-changes.js';
import type { CandidateImport } from './match-candidate-rows.js';
import type { CandidateState } from '../library/candidate-state.js';
import { openingKey } from '../core/library-fields.js';

const existing: CandidateState = {
  id: 7,
  name: 'Ann Lee',
  status: 'runner_up',
  notes: 'met at the fair',
  cadenceDays: null,
  snoozedUntil: null,
  ownerId: 1,
  addresses: [
    { email: 'ann@example.com', key: 'ann@example.com', primary: true },
    { email: 'ann@work.example', key: 'ann@work.example', primary: false },
  ],
  skills: [{ skill: 'Python', key: 'python' }],
  outcomes: [
    {
      openingId: 3,
      openingKey: openingKey('Sales Rep', 'Acme'),
      title: 'Sales Rep',
      client: 'Acme',
      stage: 'runner_up',
      decidedAt: '2024-03-01T00:00:00.000Z',
    },
  ],
};

const sameAsExisting: CandidateImport = {
  line: 2,
  candidateId: 7,
  name: 'Ann Lee',
  addresses: [{ email: 'ANN@example.com', key: 'ann@example.com' }],
  skills: [{ skill: 'python', key: 'python' }],
  status: 'runner_up',
  ownerId: 1,
  cadenceDays: null,
  snoozedUntil: null,
  notes: null,
  outcomes: [{ opening: 'sales rep', client: 'ACME', decidedAt: null }],
};

describe('diffCandidate', () => {
  it('changes nothing when the file says what the library already holds (or leaves it blank)', () => {
    expect(diffCandidate(existing, sameAsExisting)).toMatchObject({
      action: 'unchanged',
      fields: [],
      columns: {},
      addAddresses: [],
      outcomes: [],
    });
  });

  it.each<[string, Partial<CandidateImport>, string[]]>([
    ['a new status', { status: 'active' }, ['status']],
    ['a new cadence', { cadenceDays: 14 }, ['cadence_days']],
    ['another owner', { ownerId: 2 }, ['owner']],
    ['a corrected name', { name: 'Ann Lee-Smith' }, ['name']],
    [
      'a new address',
      {
        addresses: [
          { email: 'ann@example.com', key: 'ann@example.com' },
          { email: 'a@new.example', key: 'a@new.example' },
        ],
      },
      ['email'],
    ],
    [
      'a secondary address first',
      { addresses: [{ email: 'ann@work.example', key: 'ann@work.example' }] },
      ['primary_email'],
    ],
    ['other skills', { skills: [{ skill: 'SQL', key: 'sql' }] }, ['skills']],
    ['a new runner-up decision', { outcomes: [{ opening: 'Nurse', client: 'Clinic', decidedAt: null }] }, ['outcomes']],
    [
      'a new decision date',
      { outcomes: [{ opening: 'Sales Rep', client: 'Acme', decidedAt: '2024-04-01T00:00:00.000Z' }] },
      ['outcomes'],
    ],
  ])('updates %s', (_what, change, fields) => {
    const diff = diffCandidate(existing, { ...sameAsExisting, ...change });
    expect(diff.action).toBe('update');
    expect(diff.fields).toEqual(fields);
  });

  it('creates a new person with every given value, the first address primary', () => {
    const diff = diffCandidate(null, { ...sameAsExisting, candidateId: null, notes: 'hello' });
    expect(diff).toMatchObject({
      action: 'create',
      columns: { name: 'Ann Lee', status: 'runner_up', owner_recruiter_id: 1, notes: 'hello' },
      addAddresses: [{ key: 'ann@example.com' }],
      primaryKey: 'ann@example.com',
      skills: [{ key: 'python' }],
      outcomes: [{ opening: 'sales rep', client: 'ACME', isNew: true }],
    });
  });
});
