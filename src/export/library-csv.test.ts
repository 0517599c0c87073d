import { describe, expect, it } from 'vitest';
import { csvField, formatLibraryCsv } from './library-csv.js';
import { CANDIDATE_CSV_COLUMNS, CANDIDATE_CSV_REQUIRED, readCandidateRows } from '../import/candidate-csv-rows.js';
import { readCsvTable } from '../import/csv-table.js';
import type { CandidateState } from '../library/candidate-state.js';

const jose: CandidateState = {
  id: 1,
  name: 'José Núñez',
  status: 'runner_up',
  notes: 'said "maybe",\nlater',
  cadenceDays: 45,
  snoozedUntil: null,
  ownerId: 1,
  addresses: [
    { email: 'jose@example.com', key: 'jose@example.com', primary: true },
    { email: 'J.Nunez@gmail.com', key: 'jnunez@gmail.com', primary: false },
  ],
  skills: [{ skill: 'Medical sales', key: 'medical sales' }],
  outcomes: [
    {
      openingId: 1,
      openingKey: '',
      title: 'Sales Rep',
      client: 'Acme, Inc.',
      stage: 'runner_up',
      decidedAt: '2024-03-01T00:00:00.000Z',
    },
    { openingId: 2, openingKey: '', title: 'Nurse', client: 'Clinic', stage: 'placed', decidedAt: null },
  ],
};

describe('formatLibraryCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [30, '30'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one row per runner-up decision in the import columns, with a BOM and CRLF', () => {
    const text = formatLibraryCsv([jose], new Map([[1, 'alice@agency.example']]));
    expect(text).toBe(
      '\ufeffname,email,skills,status,opening,client,decided_at,owner,cadence_days,snoozed_until,notes\r\n' +
        'José Núñez,jose@example.com; J.Nunez@gmail.com,Medical sales,runner_up,Sales Rep,"Acme, Inc.",2024-03-01T00:00:00.000Z,alice@agency.example,45,,"said ""maybe"",\nlater"\r\n',
    );
  });

  it('reads back through the import parser as the same values', () => {
    const table = readCsvTable(formatLibraryCsv([jose], new Map([[1, 'alice@agency.example']])), {
      known: CANDIDATE_CSV_COLUMNS,
      required: CANDIDATE_CSV_REQUIRED,
    });
    const { rows, problems } = readCandidateRows(table.records);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      name: 'José Núñez',
      notes: 'said "maybe",\nlater',
      cadenceDays: 45,
      outcome: { client: 'Acme, Inc.' },
    });
  });
});
