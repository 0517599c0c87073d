// Commands over the talent library: recruiters, candidates, openings, imports, export and erase.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

export function registerLibraryCommands(_program: Command, _context: CliContext): void {}
