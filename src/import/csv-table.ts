// Reads CSV text into records under a known set of columns, each with the physical line it starts on. Line breaks
// are made uniform first: csv-parse miscounts lines when a file mixes CRLF records with LF inside quoted cells
// (which is what Excel writes), and the line numbers are what people use to fix their file.
import { parse, type CsvError } from 'csv-parse/sync';
import { rejectFile, type LineProblem } from './line-problems.js';

export interface CsvRecord {
  line: number;
  /** Cell text by lower-case column name; a column missing from the header is absent. */
  cells: ReadonlyMap<string, string>;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
  /** Lines that could not be read as a record (wrong number of cells); the caller reports them with its own. */
  problems: LineProblem[];
}

export interface CsvColumns {
  known: readonly string[];
  required: readonly string[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Throws invalid_input (with every problem) when the header or the CSV syntax is wrong. */
export function readCsvTable(text: string, spec: CsvColumns): CsvTable {
  const parsed = parseRecords(text);
  const [header, ...body] = parsed;
  if (!header) throw rejectFile([{ line: 1, message: 'the file is empty; expected a header row' }]);
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const headerProblems = checkHeader(columns, spec).map((message) => ({ line: header.info.lines, message }));
  if (headerProblems.length > 0) throw rejectFile(headerProblems);

  const records: CsvRecord[] = [];
  const problems: LineProblem[] = [];
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; every line break inside a quoted cell moves its start up one.
    const line = info.lines - record.reduce((breaks, cell) => breaks + (cell.split('\n').length - 1), 0);
    if (record.length !== columns.length) {
      problems.push({ line, message: `has ${record.length} cell(s) but the header has ${columns.length}` });
      continue;
    }
    records.push({ line, cells: new Map(columns.map((column, i) => [column, record[i] ?? ''])) });
  }
  return { columns, records, problems };
}

function parseRecords(text: string): ParsedRecord[] {
  try {
    return parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const csvError = error as CsvError & { lines?: number };
    throw rejectFile([{ line: csvError.lines ?? 1, message: `not readable as CSV: ${csvError.message}` }]);
  }
}

function checkHeader(columns: readonly string[], spec: CsvColumns): string[] {
  const problems: string[] = [];
  const unknown = columns.filter((column) => !spec.known.includes(column));
  if (unknown.length > 0) {
    problems.push(`unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; expected ${spec.known.join(', ')}`);
  }
  const missing = spec.required.filter((column) => !columns.includes(column));
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  const repeated = columns.filter((column, i) => columns.indexOf(column) !== i);
  if (repeated.length > 0) problems.push(`column(s) given twice: ${[...new Set(repeated)].join(', ')}`);
  return problems;
}
