import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/main.js';
import { createCliWorkspace } from '../../support/run-cli.js';

const LIBRARY_COMMANDS = ['recruiter', 'import', 'candidates', 'candidate', 'export', 'erase', 'never-log'];

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  const here = [...prefix, command.name()];
  return [here, ...command.commands.flatMap((sub) => commandPaths(sub, here))];
}

describe('library command help', () => {
  const { program } = buildProgram({
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: {},
    cwd: '.',
    now: () => new Date(),
  });
  const paths = program.commands.filter((c) => LIBRARY_COMMANDS.includes(c.name())).flatMap((c) => commandPaths(c));

  it('covers every library command', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining([
        'recruiter',
        'recruiter add',
        'recruiter list',
        'import',
        'import candidates',
        'import openings',
        'candidates',
        'candidates list',
        'candidates show',
        'candidate',
        'candidate set',
        'candidate snooze',
        'export',
        'erase',
        'never-log',
        'never-log add',
        'never-log list',
      ]),
    );
  });

  it.each(paths.map((p) => [p.join(' '), p]))(
    'keepwarm %s --help prints usage and exits 0',
    async (_name, commandPath) => {
      const cli = createCliWorkspace();
      try {
        const result = await cli.run(...commandPath, '--help');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Usage: keepwarm /);
      } finally {
        cli.remove();
      }
    },
  );
});
