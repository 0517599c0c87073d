// The keepwarm command line: builds the command tree and maps outcomes to exit codes
// (0 done, 1 failed at run time, 2 bad usage or bad config). Commands import the IMAP, MIME and SMTP
// use cases and the admin server when they run, so the others (digest, candidates, import of CSVs) start
// without loading those libraries (~60 MB and a noticeable start-up).
import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { createCliContext, type CliContext } from './cli-context.js';
import { isKeepwarmError } from '../errors.js';
import { registerSetupCommands } from './commands/setup-commands.js';
import { registerLibraryCommands } from './commands/library-commands.js';
import { registerMailCommands } from './commands/mail-commands.js';
import { registerDigestCommand } from './commands/digest-command.js';
import { registerDemoCommand } from './commands/demo-command.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type CommandRegistrar = (program: Command, context: CliContext) => void;

const registrars: CommandRegistrar[] = [
  registerSetupCommands,
  registerLibraryCommands,
  registerMailCommands,
  registerDigestCommand,
  registerDemoCommand,
];

export function buildProgram(io: CliIo): { program: Command; context: CliContext } {
  const program = new Command('keepwarm');
  const context = createCliContext(io, () => program.opts<{ config?: string }>());
  program
    .description('Keeps recruiters in touch with their runner-up candidates, from their own mail.')
    .option('-c, --config <path>', 'config file (else $KEEPWARM_CONFIG, else ./keepwarm.config.json)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();
  for (const register of registrars) register(program, context);
  // Every subcommand reports through exitOverride too, so a usage error never calls process.exit.
  const applyToAll = (command: Command): void => {
    command.exitOverride();
    command.configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
    command.commands.forEach(applyToAll);
  };
  program.commands.forEach(applyToAll);
  return { program, context };
}

/** Runs one command line; never throws, never exits the process. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const { program, context } = buildProgram(io);
  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync([...args], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportFailure(io, error);
  }
}

function reportFailure(io: CliIo, error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
      return EXIT_OK;
    }
    return EXIT_USAGE; // commander already printed what was wrong
  }
  if (isKeepwarmError(error)) {
    io.stderr.write(`keepwarm: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  - ${line}\n`);
    return error.code === 'config_invalid' || error.code === 'usage' ? EXIT_USAGE : EXIT_FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`keepwarm: unexpected error: ${message}\n`);
  return EXIT_FAILED;
}
