// `keepwarm candidates list|show` and `keepwarm candidate set|snooze`: read and change one person at a time.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printTable, printable } from '../output.js';
import {
  addressValue,
  dateValue,
  nonEmptyValue,
  statusValue,
  cadenceOrDefaultValue,
  addressOrNoneValue,
} from '../option-values.js';
import type { CandidateStatus } from '../../db/schema.js';
import { addressKey } from '../../core/email-address.js';
import { KeepwarmError } from '../../errors.js';
import { listCandidates, requireCandidateIdByAddress } from '../../library/candidate-repository.js';
import { loadCandidateProfile, type CandidateProfile } from '../../library/candidate-profile.js';
import { recruiterIdsByAddressKey } from '../../library/recruiter-repository.js';
import { snoozeCandidate } from '../../library/snooze-candidate.js';
import { updateCandidate, type CandidateEdit } from '../../library/update-candidate.js';
import type { BackfillSummary } from '../../sync/backfill-new-addresses.js';

interface SetOptions {
  status?: CandidateStatus;
  cadenceDays?: number | 'default';
  owner?: string;
  addEmail?: string;
  name?: string;
  notes?: string;
  feedbackNotes?: string;
  opening?: string;
  client?: string;
  json?: boolean;
}

export function registerCandidateCommands(program: Command, context: CliContext): void {
  const { io } = context;
  const candidates = program.command('candidates').description('list and show candidates');

  candidates
    .command('list')
    .description('list candidates: name, primary email, status, owner, skills')
    .option('--status <status>', 'only this status', statusValue)
    .option('--owner <email>', "only this recruiter's candidates (address or alias)", addressValue)
    .option('--json', 'print as JSON')
    .action(async (options: { status?: CandidateStatus; owner?: string; json?: boolean }) => {
      const listed = await context.withLibrary(async ({ db }) => {
        const ownerId =
          options.owner === undefined
            ? undefined
            : (await recruiterIdsByAddressKey(db)).get(addressKey(options.owner) ?? '');
        if (options.owner !== undefined && ownerId === undefined)
          throw new KeepwarmError('not_found', `no recruiter has the address ${options.owner}`);
        return listCandidates(db, {
          ...(options.status ? { status: options.status } : {}),
          ...(ownerId !== undefined ? { ownerId } : {}),
        });
      });
      if (options.json)
        return printJson(
          io,
          listed.map(({ id: _id, ...candidate }) => candidate),
        );
      printTable(
        io,
        ['NAME', 'EMAIL', 'STATUS', 'OWNER', 'SKILLS'],
        listed.map((c) => [c.name, c.primaryEmail, c.status, c.owner, c.skills.join(', ')]),
      );
    });

  candidates
    .command('show')
    .description('show one candidate: profile, addresses, decisions and mail timeline')
    .argument('<email>', 'any of their addresses', addressValue)
    .option('--json', 'print as JSON')
    .action(async (email: string, options: { json?: boolean }) => {
      const profile = await context.withLibrary(async ({ db }) =>
        loadCandidateProfile(db, await requireCandidateIdByAddress(db, email)),
      );
      if (options.json) printJson(io, profile);
      else printProfile(io, profile);
    });

  const candidate = program.command('candidate').description('change one candidate');

  candidate
    .command('set')
    .description('change a candidate (at least one option); every change is audited')
    .argument('<email>', 'any of their addresses', addressValue)
    .option('--status <status>', 'runner_up, active, placed_elsewhere, do_not_contact or archived', statusValue)
    .option(
      '--cadence-days <n>',
      'days between check-ins, overriding the default for their status ("default" removes the override)',
      cadenceOrDefaultValue,
    )
    .option(
      '--owner <email>',
      'the recruiter who owns them (address or alias; "none" removes the owner)',
      addressOrNoneValue,
    )
    .option('--add-email <email>', 'another address of theirs (its past mail is fetched once sync runs)', addressValue)
    .option('--name <name>', 'their name', nonEmptyValue)
    .option('--notes <text>', 'free notes (replaces the current notes; "" clears them)')
    .option('--feedback-notes <text>', 'feedback to give for a runner-up decision (with --opening)')
    .option('--opening <title>', 'the opening the feedback is for')
    .option('--client <client>', "the opening's client, when several openings share the title")
    .option('--json', 'print the result as JSON')
    .action(async (email: string, options: SetOptions) => {
      const edit = toEdit(options);
      let backfill: BackfillSummary | null = null;
      const result = await context.withLibrary(({ db, loaded }) =>
        updateCandidate(db, email, edit, {
          now: io.now(),
          backfill: async (_candidateId, keys) => {
            const { backfillNewAddresses } = await import('../../sync/backfill-new-addresses.js');
            backfill = await backfillNewAddresses({ db, loaded, logger: context.logger(), now: io.now }, keys);
          },
        }),
      );
      if (options.json) return printJson(io, backfill ? { ...result, backfill } : result);
      if (backfill)
        io.stderr.write(`${(await import('../../sync/backfill-new-addresses.js')).describeBackfill(backfill)}\n`);
      io.stdout.write(
        result.changed.length > 0 ? `updated ${email}: ${result.changed.join(', ')}\n` : `no change to ${email}\n`,
      );
    });

  candidate
    .command('snooze')
    .description('keep a candidate out of the digest until a date (or --clear)')
    .argument('<email>', 'any of their addresses', addressValue)
    .option('--until <date>', 'ISO date or date-time', dateValue)
    .option('--reason <text>', 'why (shown with the candidate)')
    .option('--clear', 'end the snooze now')
    .option('--json', 'print the result as JSON')
    .action(async (email: string, options: { until?: string; reason?: string; clear?: boolean; json?: boolean }) => {
      if (Boolean(options.clear) === (options.until !== undefined))
        throw new KeepwarmError('usage', 'give either --until DATE or --clear');
      if (options.clear && options.reason !== undefined)
        throw new KeepwarmError('usage', '--reason goes with --until, not --clear');
      if (options.until !== undefined && options.until <= io.now().toISOString()) {
        throw new KeepwarmError('usage', `--until ${options.until} is not in the future`);
      }
      const snooze =
        options.until !== undefined
          ? { until: options.until, ...(options.reason !== undefined ? { reason: options.reason } : {}) }
          : { clear: true as const };
      const result = await context.withLibrary(({ db }) => snoozeCandidate(db, email, snooze, { now: io.now() }));
      if (options.json) return printJson(io, result);
      io.stdout.write(
        result.snoozedUntil ? `${email} is snoozed until ${result.snoozedUntil}\n` : `${email} is not snoozed\n`,
      );
    });
}

function toEdit(options: SetOptions): CandidateEdit {
  if (options.feedbackNotes !== undefined && options.opening === undefined)
    throw new KeepwarmError('usage', '--feedback-notes needs --opening TITLE');
  if (options.feedbackNotes === undefined && (options.opening !== undefined || options.client !== undefined)) {
    throw new KeepwarmError('usage', '--opening and --client go with --feedback-notes');
  }
  const edit: CandidateEdit = {};
  if (options.status !== undefined) edit.status = options.status;
  if (options.cadenceDays !== undefined)
    edit.cadenceDays = options.cadenceDays === 'default' ? null : options.cadenceDays;
  if (options.owner !== undefined) edit.owner = options.owner === 'none' ? null : options.owner;
  if (options.addEmail !== undefined) edit.addEmail = options.addEmail;
  if (options.name !== undefined) edit.name = options.name;
  if (options.notes !== undefined) edit.notes = options.notes;
  if (options.feedbackNotes !== undefined && options.opening !== undefined) {
    edit.feedback = {
      notes: options.feedbackNotes,
      opening: options.opening,
      ...(options.client !== undefined ? { client: options.client } : {}),
    };
  }
  if (Object.keys(edit).length === 0)
    throw new KeepwarmError('usage', 'nothing to change; give at least one option (see --help)');
  return edit;
}

function printProfile(io: CliIo, p: CandidateProfile): void {
  const day = (iso: string | null): string => (iso ?? '').slice(0, 10);
  const lines = [
    `${p.name}  (${p.status}${p.owner ? `, owner ${p.owner}` : ''})`,
    `emails:   ${p.emails.map((e) => `${e.email}${e.primary ? ' (primary)' : ''}${e.bouncingSince ? ` (bouncing since ${day(e.bouncingSince)})` : ''}`).join(', ')}`,
    `skills:   ${p.skills.join(', ') || '-'}`,
    `cadence:  ${p.cadenceDays === null ? 'default for status' : `${p.cadenceDays} days`}`,
    ...(p.snoozedUntil
      ? [`snoozed:  until ${day(p.snoozedUntil)}${p.snoozeReason ? ` (${p.snoozeReason})` : ''}`]
      : []),
    ...(p.notes ? [`notes:    ${p.notes}`] : []),
    'decisions:',
    ...(p.outcomes.length === 0
      ? ['  -']
      : p.outcomes.map(
          (o) =>
            `  ${day(o.decidedAt) || '(no date)'}  ${o.stage}  ${o.opening} at ${o.client}${o.feedbackNotes ? `; feedback: ${o.feedbackNotes}` : ''}`,
        )),
    'mail:',
    ...(p.interactions.length === 0
      ? ['  - (none logged yet)']
      : p.interactions.map(
          (i) =>
            `  ${i.at.slice(0, 16).replace('T', ' ')}  ${i.direction} ${i.kind}  ${i.subject}${i.signals.length ? `  [${i.signals.map((s) => s.code).join(', ')}]` : ''}`,
        )),
  ];
  for (const line of lines) io.stdout.write(`${printable(line)}\n`);
}
