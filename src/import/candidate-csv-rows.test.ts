import { describe, expect, it } from 'vitest';
import { CANDIDATE_CSV_COLUMNS, CANDIDATE_CSV_REQUIRED, readCandidateRows } from './candidate-csv-rows.js';
import { readCsvTable } from './csv-table.js';
import { describeProblems } from './line-problems.js';

const HEADER = 'name,email,skills,status,opening,client,decided_at,owner,cadence_days,snoozed_until,notes';

function read(...lines: string[]) {
  const table = readCsvTable([HEADER, ...lines].join('\n'), {
    known: CANDIDATE_CSV_COLUMNS,
    required: CANDIDATE_CSV_REQUIRED,
  });
  const { rows, problems } = readCandidateRows(table.records);
  return { rows, problems: describeProblems(problems) };
}

describe('readCandidateRows', () => {
  it('reads a full row, with several addresses (the first primary), skills, dates and an outcome', () => {
    const { rows, problems } = read(
      '"Núñez, José",jose@example.com; J.Nunez@Gmail.com,Python; Medical sales,Active,Sales Rep,Acme,2024-03-01,Alice@Agency.example,45,2024-06-01T09:00+02:00,"likes, commas"',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Núñez, José',
        addresses: [
          { email: 'jose@example.com', key: 'jose@example.com' },
          { email: 'J.Nunez@Gmail.com', key: 'jnunez@gmail.com' },
        ],
        skills: [
          { skill: 'Python', key: 'python' },
          { skill: 'Medical sales', key: 'medical sales' },
        ],
        status: 'active',
        owner: { email: 'Alice@Agency.example', key: 'alice@agency.example' },
        cadenceDays: 45,
        snoozedUntil: '2024-06-01T07:00:00.000Z',
        notes: 'likes, commas',
        outcome: { opening: 'Sales Rep', client: 'Acme', decidedAt: '2024-03-01T00:00:00.000Z' },
      },
    ]);
  });

  it('treats blank cells as not given', () => {
    const { rows } = read('Ann,ann@example.com,,,,,,,,,');
    expect(rows[0]).toMatchObject({
      skills: null,
      status: null,
      owner: null,
      cadenceDays: null,
      snoozedUntil: null,
      notes: null,
      outcome: null,
    });
  });

  it.each([
    [',ann@example.com,,,,,,,,,', 'line 2: name is missing'],
    ['Ann,,,,,,,,,,', 'line 2: email is missing'],
    ['Ann,ann@example.com; ann at example,,,,,,,,,', 'line 2: "ann at example" is not an email address'],
    [
      'Ann,ann@example.com,,hired,,,,,,,',
      'line 2: unknown status "hired" (use one of runner_up, active, placed_elsewhere, do_not_contact, archived)',
    ],
    [
      'Ann,ann@example.com,,,,,01/03/2024,,,,',
      'line 2: decided_at "01/03/2024" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)',
    ],
    [
      'Ann,ann@example.com,,,,,,,,2024-02-30,',
      'line 2: snoozed_until "2024-02-30" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless an offset is given)',
    ],
    ['Ann,ann@example.com,,,,,,alice,,,', 'line 2: owner "alice" is not an email address'],
    ['Ann,ann@example.com,,,,,,,-5,,', 'line 2: cadence_days "-5" is not a whole number of days from 1 to 3650'],
    ['Ann,ann@example.com,,,Sales Rep,,,,,,', 'line 2: opening is given without a client'],
    ['Ann,ann@example.com,,,,Acme,,,,,', 'line 2: client is given without an opening'],
    ['Ann,ann@example.com,,,,,2024-03-01,,,,', 'line 2: decided_at is given without an opening and client'],
  ])('rejects %j', (line, problem) => {
    expect(read(line).problems).toEqual([problem]);
  });

  it('reports every problem of every bad line, keeping the good rows', () => {
    const { rows, problems } = read('Ann,ann@example.com,,,,,,,,,', ',,,bad,,,,,,,', 'Cy,cy@example.com,,,,,,,,,');
    expect(rows.map((row) => row.name)).toEqual(['Ann', 'Cy']);
    expect(problems).toEqual([
      'line 3: name is missing',
      'line 3: email is missing',
      'line 3: unknown status "bad" (use one of runner_up, active, placed_elsewhere, do_not_contact, archived)',
    ]);
  });
});
