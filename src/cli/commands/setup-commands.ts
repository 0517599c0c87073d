// Commands that set keepwarm up and run it: init, migrate, start.
import fs from 'node:fs';
import path from 'node:path';
import { waitForStopSignal } from '../stop-signal.js';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { CONFIG_EXAMPLE_JSONC, FRESH_CONFIG } from '../../config/config-example.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load-config.js';
import { KeepwarmError } from '../../errors.js';

export function registerSetupCommands(program: Command, context: CliContext): void {
  const { io } = context;

  program
    .command('init')
    .description('write a fresh keepwarm.config.json and a commented keepwarm.config.example.jsonc')
    .option('--dir <folder>', 'where to write them', '.')
    .option('--force', 'overwrite an existing config')
    .action((options: { dir: string; force?: boolean }) => {
      const dir = path.resolve(io.cwd, options.dir);
      const configFile = path.join(dir, DEFAULT_CONFIG_FILE);
      const exampleFile = path.join(dir, 'keepwarm.config.example.jsonc');
      if (fs.existsSync(configFile) && !options.force) {
        throw new KeepwarmError('conflict', `${configFile} exists; use --force to overwrite it`);
      }
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(configFile, `${JSON.stringify(FRESH_CONFIG, null, 2)}\n`, { mode: 0o600 });
      fs.writeFileSync(exampleFile, CONFIG_EXAMPLE_JSONC);
      io.stdout.write(`wrote ${configFile}\nwrote ${exampleFile} (every key, commented)\n`);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date (start does this too)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withLibrary(async () => {
        // withLibrary has migrated; report the state.
      });
      if (options.json) printJson(io, { ok: true });
      else io.stdout.write('database is up to date\n');
    });

  program
    .command('start')
    .description('run keepwarm: admin server, mailbox pollers and the digest scheduler, until SIGINT/SIGTERM')
    .option('--listen <host:port>', 'override admin.listen')
    .action(async (options: { listen?: string }) => {
      const { startKeepwarm } = await import('../../app/start-keepwarm.js');
      const running = await startKeepwarm({
        loaded: context.config(),
        logger: context.logger(),
        now: io.now,
        ...(options.listen ? { listen: options.listen } : {}),
      });
      io.stdout.write(`keepwarm is running at ${running.url}\n`);
      await waitForStopSignal();
      io.stdout.write('stopping…\n');
      await running.stop();
    });
}
