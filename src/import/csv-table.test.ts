import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv-table.js';
import { isKeepwarmError } from '../errors.js';

const spec = { known: ['name', 'email', 'notes'], required: ['name', 'email'] };

function problemsOf(text: string): readonly string[] {
  try {
    readCsvTable(text, spec);
  } catch (error) {
    if (isKeepwarmError(error, 'invalid_input')) return error.details;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('readCsvTable', () => {
  it('reads a header with any case and spacing, a BOM, CRLF and quoted commas', () => {
    const table = readCsvTable('\ufeff Name ,EMAIL\r\n"Núñez, José",jose@example.com\r\n', spec);
    expect(table.columns).toEqual(['name', 'email']);
    expect(table.records).toEqual([
      {
        line: 2,
        cells: new Map([
          ['name', 'Núñez, José'],
          ['email', 'jose@example.com'],
        ]),
      },
    ]);
  });

  it('numbers records by the physical line they start on, across multi-line cells and blank lines', () => {
    const text =
      'name,email,notes\r\nAnn,ann@example.com,"first\nsecond\r\nthird"\r\n\r\nBob,bob@example.com,\nCy,cy@example.com,"x\ny"\n';
    expect(readCsvTable(text, spec).records.map((record) => record.line)).toEqual([2, 6, 7]);
  });

  it('reports a record with the wrong number of cells by its line, without failing the rest', () => {
    const table = readCsvTable('name,email\n"A\nB",a@example.com\nC,c@example.com,extra\n', spec);
    expect(table.records.map((record) => record.line)).toEqual([2]);
    expect(table.problems).toEqual([{ line: 4, message: 'has 3 cell(s) but the header has 2' }]);
  });

  it('names unknown and missing columns', () => {
    expect(problemsOf('name,e-mail,phone\n')).toEqual([
      'line 1: unknown column(s) "e-mail", "phone"; expected name, email, notes',
      'line 1: missing required column(s) email',
    ]);
  });

  it('rejects an empty file and an unclosed quote with a line number', () => {
    expect(problemsOf('')).toEqual(['line 1: the file is empty; expected a header row']);
    expect(problemsOf('name,email\nAnn,"ann@example.com\n')[0]).toMatch(/^line 2: not readable as CSV/);
  });
});
