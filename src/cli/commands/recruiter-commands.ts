// `keepwarm recruiter add|list`: the recruiters who own candidates and receive digests.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { printJson, printTable } from '../output.js';
import {
  addressListValue,
  addressValue,
  digestDayValue,
  digestTimeValue,
  nonEmptyValue,
  timezoneValue,
} from '../option-values.js';
import { addRecruiter } from '../../library/add-recruiter.js';
import { listRecruiters } from '../../library/recruiter-repository.js';

interface AddOptions {
  email: string;
  name: string;
  alias?: string[];
  timezone?: string;
  digestDay?: number;
  digestTime?: string;
  json?: boolean;
}

export function registerRecruiterCommands(program: Command, context: CliContext): void {
  const { io } = context;
  const recruiter = program.command('recruiter').description('add and list recruiters');

  recruiter
    .command('add')
    .description('add a recruiter, or update the one with this address (aliases are added, never removed)')
    .requiredOption('--email <address>', 'their own address (digests go here)', addressValue)
    .requiredOption('--name <name>', 'their name', nonEmptyValue)
    .option('--alias <address>', 'another address they send from (repeatable)', addressListValue)
    .option('--timezone <zone>', 'IANA time zone for their digest (default: the config timezone)', timezoneValue)
    .option(
      '--digest-day <1-7>',
      'weekday of their digest, 1 = Monday … 7 = Sunday (default: config digest.day)',
      digestDayValue,
    )
    .option('--digest-time <HH:MM>', 'local time of their digest (default: config digest.time)', digestTimeValue)
    .option('--json', 'print the result as JSON')
    .action(async (options: AddOptions) => {
      const result = await context.withLibrary(({ db, loaded }) =>
        addRecruiter(
          db,
          {
            email: options.email,
            name: options.name,
            aliases: options.alias ?? [],
            ...(options.timezone !== undefined ? { timezone: options.timezone } : {}),
            ...(options.digestDay !== undefined ? { digestDay: options.digestDay } : {}),
            ...(options.digestTime !== undefined ? { digestTime: options.digestTime } : {}),
          },
          { now: io.now(), defaults: { digestDay: loaded.config.digest.day, digestTime: loaded.config.digest.time } },
        ),
      );
      if (options.json) printJson(io, result);
      else
        io.stdout.write(
          `${result.action} recruiter ${result.recruiter.email}${result.fields.length ? ` (${result.fields.join(', ')})` : ''}\n`,
        );
    });

  recruiter
    .command('list')
    .description('list recruiters with their aliases and digest schedule')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const recruiters = await context.withLibrary(({ db }) => listRecruiters(db));
      if (options.json) return printJson(io, recruiters);
      const days = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
      printTable(
        io,
        ['EMAIL', 'NAME', 'ALIASES', 'TIMEZONE', 'DIGEST'],
        recruiters.map((r) => [
          r.email,
          r.name,
          r.aliases.join(', '),
          r.timezone ?? '(config)',
          `${days[r.digestDay] ?? r.digestDay} ${r.digestTime}`,
        ]),
      );
    });
}
