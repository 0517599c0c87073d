import { describe, expect, it } from 'vitest';
import { matchCandidateRows, type LibraryLookups } from './match-candidate-rows.js';
import type { CandidateRow } from './candidate-csv-rows.js';
import { describeProblems } from './line-problems.js';
import { addressKey } from '../core/email-address.js';

function row(line: number, name: string, emails: string, extra: Partial<CandidateRow> = {}): CandidateRow {
  return {
    line,
    name,
    addresses: emails.split(';').map((email) => ({ email: email.trim(), key: addressKey(email) ?? '' })),
    skills: null,
    status: null,
    owner: null,
    cadenceDays: null,
    snoozedUntil: null,
    notes: null,
    outcome: null,
    ...extra,
  };
}

const library: LibraryLookups = {
  recruiterIdByKey: new Map([
    ['alice@agency.example', 1],
    ['al@agency.example', 1],
  ]),
  candidateIdByKey: new Map([
    ['ann@example.com', 7],
    ['ann@work.example', 7],
    ['bob@example.com', 8],
  ]),
  suppressedKeys: new Set(['gone@example.com']),
};

function match(...rows: CandidateRow[]) {
  const { people, problems } = matchCandidateRows(rows, library);
  return { people, problems: describeProblems(problems) };
}

describe('matchCandidateRows', () => {
  it('finds a library candidate by any of their addresses', () => {
    expect(match(row(2, 'Ann Lee', 'Ann@Work.example')).people).toMatchObject([{ candidateId: 7, line: 2 }]);
    expect(match(row(2, 'New Person', 'new@example.com')).people).toMatchObject([{ candidateId: null }]);
  });

  it('resolves an owner by a recruiter alias', () => {
    const owner = { email: 'Al@Agency.example', key: 'al@agency.example' };
    expect(match(row(2, 'Ann', 'ann@example.com', { owner })).people[0]?.ownerId).toBe(1);
  });

  it('merges rows about one person (one per runner-up decision)', () => {
    const { people, problems } = match(
      row(2, 'Cy Young', 'cy@example.com', {
        status: 'active',
        outcome: { opening: 'Rep', client: 'Acme', decidedAt: null },
      }),
      row(3, 'cy  young', 'cy@example.com; cy@home.example', {
        outcome: { opening: 'Nurse', client: 'Clinic', decidedAt: null },
      }),
    );
    expect(problems).toEqual([]);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      line: 2,
      status: 'active',
      addresses: [{ key: 'cy@example.com' }, { key: 'cy@home.example' }],
      outcomes: [{ opening: 'Rep' }, { opening: 'Nurse' }],
    });
  });

  it.each<[string, CandidateRow[], string[]]>([
    [
      'an unknown owner',
      [row(2, 'Ann', 'ann@example.com', { owner: { email: 'zed@agency.example', key: 'zed@agency.example' } })],
      ['line 2: unknown owner "zed@agency.example" (add them first: keepwarm recruiter add)'],
    ],
    [
      'one row whose addresses are two library candidates',
      [row(2, 'Ann', 'ann@example.com; bob@example.com')],
      ['line 2: the addresses ann@example.com, bob@example.com belong to different library candidates'],
    ],
    [
      'one address for two people in the file',
      [row(2, 'Dee', 'dee@example.com'), row(4, 'Eve', 'eve@example.com; dee@example.com')],
      ['line 4: dee@example.com is also on line 2 for a different person ("Dee")'],
    ],
    [
      'two names for one library candidate',
      [row(2, 'Ann Lee', 'ann@example.com'), row(3, 'Someone Else', 'ann@work.example')],
      ['line 3: "Someone Else" matches the same library candidate as line 2 ("Ann Lee")'],
    ],
    [
      'rows joined by a shared address that are two library candidates',
      [row(2, 'Ann', 'ann@example.com; x@example.com'), row(3, 'Ann', 'x@example.com; bob@example.com')],
      ['line 2: lines 2, 3 share addresses but match different library candidates'],
    ],
    [
      'two statuses for one person',
      [row(2, 'Cy', 'cy@example.com', { status: 'active' }), row(5, 'Cy', 'cy@example.com', { status: 'archived' })],
      ['line 5: status "archived" differs from line 2 ("active") for the same person'],
    ],
    [
      'an erased person',
      [row(2, 'Gone', 'gone@example.com')],
      ['line 2: gone@example.com belongs to a person erased on request and cannot be imported again'],
    ],
  ])('rejects %s', (_what, rows, problems) => {
    expect(match(...rows).problems).toEqual(problems);
  });
});
