// Commands for mail in: sync (one pass), import mail (files), backfill (an address), status.
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { printJson, printTable } from '../output.js';
import type { MailboxSyncResult } from '../../sync/sync-mailbox.js';
import { KeepwarmError } from '../../errors.js';

const COLUMNS = ['seen', 'logged', 'duplicates', 'ignored', 'unmatched', 'quarantined'] as const;

function printSyncResults(context: CliContext, results: readonly MailboxSyncResult[], json: boolean): void {
  const { io } = context;
  if (json) {
    printJson(io, {
      mailboxes: results.map((r) => ({ mailbox: r.mailbox, folders: r.folders, errors: r.errors })),
    });
  } else {
    const rows = results.flatMap((r) => [
      ...r.folders.map((f) => [r.mailbox, f.folder, ...COLUMNS.map((c) => f[c]), '']),
      ...r.errors.map((e) => [r.mailbox, e.folder, '', '', '', '', '', '', `${e.code}: ${e.message}`]),
    ]);
    printTable(io, ['mailbox', 'folder', ...COLUMNS, 'errors'], rows);
  }
  if (results.some((r) => r.errors.length > 0)) context.exitCode = 1;
}

export function registerMailCommands(program: Command, context: CliContext): void {
  const { io } = context;

  program
    .command('sync')
    .description('read the configured mailboxes and log recruiter-candidate mail')
    .option('--once', 'one pass over every mailbox and folder, then exit')
    .option('--mailbox <name>', 'only this mailbox')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { once?: boolean; mailbox?: string; json?: boolean }) => {
      if (!options.once) throw new KeepwarmError('usage', 'sync needs --once (keepwarm start keeps syncing)');
      await context.withLibrary(async ({ db, loaded }) => {
        if (loaded.config.mailboxes.length === 0)
          throw new KeepwarmError(
            'usage',
            'no mailboxes are configured (see "mailboxes" in keepwarm.config.example.jsonc)',
          );
        const { killBeforeCommitHook } = await import('../../sync/fault-injection.js');
        const { createSyncService } = await import('../../sync/sync-service.js');
        const beforeCommit = killBeforeCommitHook(io.env);
        const service = createSyncService({
          db,
          loaded,
          logger: context.logger(),
          now: io.now,
          ...(beforeCommit ? { beforeCommit } : {}),
        });
        try {
          printSyncResults(
            context,
            await service.syncOnce(options.mailbox ? { mailbox: options.mailbox } : {}),
            Boolean(options.json),
          );
        } finally {
          await service.close();
        }
      });
    });

  program
    .command('backfill')
    .description('search every configured mailbox for mail with this address and log what it finds')
    .argument('<email...>', 'addresses (of library candidates)')
    .option('--json', 'print the summary as JSON')
    .action(async (emails: string[], options: { json?: boolean }) => {
      await context.withLibrary(async ({ db, loaded }) => {
        const { createSyncService } = await import('../../sync/sync-service.js');
        const service = createSyncService({ db, loaded, logger: context.logger(), now: io.now });
        try {
          printSyncResults(context, await service.backfill(emails), Boolean(options.json));
        } finally {
          await service.close();
        }
      });
    });

  const importCommand =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data into the library');
  importCommand
    .command('mail')
    .description('log mail from .eml files, folders of them, mbox files and Maildir folders (history, Gmail Takeout)')
    .argument('<path...>', 'files or folders')
    .option('--as <email>', "a recruiter's own export: their messages are outbound, the rest inbound to them")
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], options: { as?: string; json?: boolean }) => {
      await context.withLibrary(async ({ db, loaded }) => {
        const progress = io.stderr.isTTY ? (n: number) => io.stderr.write(`\r${n} messages read`) : undefined;
        const { importMailFiles } = await import('../../sync/import-mail-files.js');
        const summary = await importMailFiles(
          { db, config: loaded.config, logger: context.logger(), now: io.now },
          paths.map((p) => path.resolve(io.cwd, p)),
          { as: options.as ?? null, ...(progress ? { onProgress: progress } : {}) },
        );
        if (progress) io.stderr.write('\n');
        if (options.json) printJson(io, summary);
        else {
          printTable(io, ['files', ...COLUMNS], [[summary.files, ...COLUMNS.map((c) => summary[c])]]);
          for (const failure of summary.failures) io.stderr.write(`  - ${failure}\n`);
        }
      });
    });

  program
    .command('status')
    .description('each mailbox and folder: position, last sync, last error')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withLibrary(async ({ db, loaded }) => {
        const { readMailboxStatus } = await import('../../sync/mailbox-status.js');
        const status = await readMailboxStatus(db, loaded.config, io.now());
        if (options.json) printJson(io, status);
        else {
          printTable(
            io,
            ['mailbox', 'folder', 'state', 'uidvalidity', 'last uid', 'last sync', 'last error'],
            status.mailboxes.flatMap((m) =>
              m.folders.map((f) => [m.name, f.folder, f.state, f.uidvalidity, f.lastUid, f.lastSyncAt, f.lastError]),
            ),
          );
        }
      });
    });
}
