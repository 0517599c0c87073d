// `keepwarm import candidates|openings FILE.csv`: the CLI only reads the file and prints; the use cases check the
// whole file and write it in one transaction (or nothing, naming every bad line).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printable } from '../output.js';
import { importCandidates } from '../../import/import-candidates.js';
import { importOpenings } from '../../import/import-openings.js';
import { CANDIDATE_CSV_COLUMNS } from '../../import/candidate-csv-rows.js';
import { OPENING_CSV_COLUMNS } from '../../import/opening-csv-rows.js';
import { KeepwarmError } from '../../errors.js';

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
}

interface Summary {
  dryRun: boolean;
  counts: { created: number; updated: number; unchanged: number };
  extra?: string;
  changes: { line: number; action: string; label: string; fields: string[] }[];
}

export function registerImportCommands(program: Command, context: CliContext): void {
  const { io } = context;
  const importCommand = program.command('import').description('import the talent library from CSV files');

  importCommand
    .command('candidates <file>')
    .description(
      `upsert candidates from a CSV with a header row: ${CANDIDATE_CSV_COLUMNS.join(', ')} (name and email required; ` +
        'several addresses or skills separated by ";", the first address primary; blank cells leave values as they are)',
    )
    .option('--dry-run', 'check the file and show what would change, without writing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const text = readUtf8File(io, file);
      const { result, backfill } = await context.withLibrary(async ({ db, loaded }) => {
        const imported = await importCandidates(db, text, { dryRun: Boolean(flags.dryRun), now: io.now() });
        const found = imported.dryRun
          ? null
          : await (
              await import('../../sync/backfill-new-addresses.js')
            ).backfillNewAddresses({ db, loaded, logger: context.logger(), now: io.now }, imported.addedAddressKeys);
        return { result: imported, backfill: found };
      });
      if (flags.json) return printJson(io, backfill ? { ...result, backfill } : result);
      if (backfill)
        io.stderr.write(`${(await import('../../sync/backfill-new-addresses.js')).describeBackfill(backfill)}\n`);
      printSummary(io, 'candidate', {
        dryRun: result.dryRun,
        counts: result.candidates,
        extra: `${result.openings.created} opening(s) ${result.dryRun ? 'would be ' : ''}created`,
        changes: result.changes.map((c) => ({ ...c, label: c.name })),
      });
    });

  importCommand
    .command('openings <file>')
    .description(
      `upsert openings (by title and client) from a CSV with a header row: ${OPENING_CSV_COLUMNS.join(', ')}`,
    )
    .option('--dry-run', 'check the file and show what would change, without writing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const text = readUtf8File(io, file);
      const result = await context.withLibrary(({ db }) =>
        importOpenings(db, text, { dryRun: Boolean(flags.dryRun), now: io.now() }),
      );
      if (flags.json) return printJson(io, result);
      printSummary(io, 'opening', {
        dryRun: result.dryRun,
        counts: result.openings,
        changes: result.changes.map((c) => ({ ...c, label: `${c.title} (${c.client})` })),
      });
    });
}

/** A spreadsheet saved in a legacy encoding would turn "José" into "Jos�"; refuse it instead. */
function readUtf8File(io: CliIo, file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.resolve(io.cwd, file));
  } catch (error) {
    throw new KeepwarmError('not_found', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new KeepwarmError('invalid_input', `${file} is not UTF-8 text; save it as "CSV UTF-8"`, { cause: error });
  }
}

function printSummary(io: CliIo, noun: string, summary: Summary): void {
  const { created, updated, unchanged } = summary.counts;
  const head = summary.dryRun
    ? `dry run, nothing written: would create ${created}, update ${updated}`
    : `created ${created}, updated ${updated}`;
  const extra = summary.extra ? `; ${summary.extra}` : '';
  io.stdout.write(`${head}, ${unchanged} unchanged ${noun}(s)${extra}\n`);
  for (const change of summary.changes) {
    const fields = change.action === 'update' ? ` (${change.fields.join(', ')})` : '';
    io.stdout.write(`  line ${change.line}: ${change.action} ${printable(change.label)}${fields}\n`);
  }
}
