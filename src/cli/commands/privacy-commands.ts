// `keepwarm export`, `keepwarm erase` and `keepwarm never-log`: a person's data out, a person gone for good, and
// addresses whose mail is never stored.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { printJson, printTable, printable } from '../output.js';
import { addressValue } from '../option-values.js';
import { exportLibraryCsv } from '../../export/export-library.js';
import { exportPersonData } from '../../export/subject-access-export.js';
import { eraseCandidate, planErasure } from '../../library/erase-candidate.js';
import { addNeverLog, listNeverLog } from '../../library/never-log.js';
import { KeepwarmError } from '../../errors.js';

export function registerPrivacyCommands(program: Command, context: CliContext): void {
  const { io } = context;

  program
    .command('export')
    .description(
      'without EMAIL: the library as CSV in the import columns; with EMAIL: all data about one person as JSON',
    )
    .argument('[email]', 'any address of the person (a data-subject access request)', addressValue)
    .option('--out <file>', 'write to this file (readable by you only) instead of stdout')
    .action(async (email: string | undefined, options: { out?: string }) => {
      const text = await context.withLibrary(async ({ db }) =>
        email === undefined
          ? (await exportLibraryCsv(db)).csv
          : `${JSON.stringify(await exportPersonData(db, email, { now: io.now() }), null, 2)}\n`,
      );
      if (options.out === undefined) return void io.stdout.write(text);
      const file = path.resolve(io.cwd, options.out);
      fs.writeFileSync(file, text, { mode: 0o600 });
      io.stdout.write(`wrote ${file}\n`);
    });

  program
    .command('erase')
    .description(
      'erase a person on request: their data, mail and triage rows; a hash of each address keeps them from coming back',
    )
    .argument('<email>', 'any address of the person', addressValue)
    .option('--yes', 'really erase (without it, only show what would be erased)')
    .option('--json', 'print the result as JSON')
    .action(async (email: string, options: { yes?: boolean; json?: boolean }) => {
      if (!options.yes) {
        const plan = await context.withLibrary(({ db }) => planErasure(db, email));
        if (options.json) printJson(io, plan);
        else {
          io.stdout.write(`would erase ${printable(plan.name)} <${plan.addresses.join('>, <')}>:\n`);
          for (const [what, count] of Object.entries(plan.rows)) io.stdout.write(`  ${what}: ${count}\n`);
        }
        throw new KeepwarmError('usage', 'nothing erased; run again with --yes to erase');
      }
      const result = await context.withLibrary(({ db }) => eraseCandidate(db, email, { now: io.now() }));
      if (options.json) printJson(io, result);
      else
        io.stdout.write(`erased; ${result.addressesSuppressed} address(es) suppressed so later mail is not stored\n`);
      if (!result.walCleared)
        io.stderr.write(
          'keepwarm: another process holds the database open; its next checkpoint clears the erased rows from the WAL\n',
        );
    });

  const neverLog = program.command('never-log').description('addresses whose mail keepwarm never stores');

  neverLog
    .command('add')
    .description('never store mail from or to this address')
    .argument('<email>', 'the address', addressValue)
    .option('--reason <text>', 'why (for the admin)')
    .option('--json', 'print the result as JSON')
    .action(async (email: string, options: { reason?: string; json?: boolean }) => {
      const result = await context.withLibrary(({ db }) =>
        addNeverLog(db, email, { now: io.now(), ...(options.reason !== undefined ? { reason: options.reason } : {}) }),
      );
      if (options.json) printJson(io, result);
      else io.stdout.write(`${result.action} ${result.emailKey}\n`);
    });

  neverLog
    .command('list')
    .description('list the never-log addresses (as address keys)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const entries = await context.withLibrary(({ db }) => listNeverLog(db));
      if (options.json) printJson(io, entries);
      else
        printTable(
          io,
          ['ADDRESS', 'REASON', 'ADDED'],
          entries.map((e) => [e.emailKey, e.reason, e.createdAt.slice(0, 10)]),
        );
    });
}
