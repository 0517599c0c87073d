// Commands over the talent library: recruiters, candidates, openings, imports, export and erase. Each group lives
// in its own file; the commands only parse arguments and print, the use cases live in src/library and src/import.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { registerRecruiterCommands } from './recruiter-commands.js';
import { registerImportCommands } from './import-commands.js';
import { registerCandidateCommands } from './candidate-commands.js';
import { registerPrivacyCommands } from './privacy-commands.js';

export function registerLibraryCommands(program: Command, context: CliContext): void {
  registerRecruiterCommands(program, context);
  registerImportCommands(program, context);
  registerCandidateCommands(program, context);
  registerPrivacyCommands(program, context);
}
