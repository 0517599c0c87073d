// `keepwarm demo` (`npm run demo`): a sample agency in its own folder, its mail logged, one recruiter's digest
// printed, then keepwarm started on it, so a newcomer sees the whole loop in one command.
import path from 'node:path';
import { waitForStopSignal } from '../stop-signal.js';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import type { CliContext } from '../cli-context.js';
import type { CliIo } from '../cli-io.js';
import { printable } from '../output.js';
import type { BuiltDemo } from '../../demo/build-demo.js';
import { DEMO_AGENCY } from '../../demo/demo-library.js';

interface DemoOptions {
  dir: string;
  listen: string;
  start: boolean;
}

export function registerDemoCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('demo')
    .description(
      'build a sample agency in its own folder (wiped each run), log its mail, print a digest, then start keepwarm on it',
    )
    .option(
      '--dir <folder>',
      'the demo folder; deleted and recreated, and only ever one an earlier demo made',
      'demo-data',
    )
    .option('--listen <host:port>', 'where the demo keepwarm listens', '127.0.0.1:8787')
    .option('--no-start', 'build the demo, print the digest and exit')
    .action(async (options: DemoOptions) => {
      const dir = path.resolve(io.cwd, options.dir);
      const now = io.now();
      const { buildDemo } = await import('../../demo/build-demo.js');
      const demo = await buildDemo({ dir, listen: options.listen, now, logger: context.logger() });
      printSummary(io, demo);
      if (demo.mail.failures.length > 0) context.exitCode = 1;
      if (!options.start) return;
      const { startKeepwarm } = await import('../../app/start-keepwarm.js');
      const running = await startKeepwarm({ loaded: demo.loaded, logger: context.logger(), now: io.now });
      io.stdout.write(`\nkeepwarm is running at ${running.url} on the demo library (Ctrl-C to stop)\n`);
      await waitForStopSignal();
      io.stdout.write('stopping…\n');
      await running.stop();
    });
}

function printSummary(io: CliIo, demo: BuiltDemo): void {
  const out = (line = ''): unknown => io.stdout.write(`${line}\n`);
  const shown = (file: string): string => {
    const relative = path.relative(io.cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const { openings, candidates, mail, counts, digest } = demo;
  out(`keepwarm demo: ${DEMO_AGENCY}, a medical sales agency (sample data, dated relative to this week)`);
  out(`  folder      ${shown(demo.dir)}/ (recreated: keepwarm.config.json, keepwarm.db, import/)`);
  out(`  recruiters  ${demo.recruiters.join(', ')}`);
  out(`  openings    ${openings.openings.created} imported from import/openings.csv`);
  out(
    `  candidates  ${candidates.candidates.created} imported from import/candidates.csv, with their runner-up decisions`,
  );
  out(`  feedback    ${demo.feedbackNotes} decisions given feedback notes`);
  out(
    `  mail        ${mail.files} messages from import/mail/: ${mail.logged} logged, ${mail.duplicates} duplicates, ` +
      `${mail.ignored} ignored, ${mail.unmatched} from people outside the library (not stored), ${mail.quarantined} quarantined`,
  );
  for (const failure of mail.failures) io.stderr.write(`  - ${printable(failure)}\n`);
  out(
    `  library     ${counts.candidates} candidates, ${counts.openings} openings, ${counts.interactions} interactions`,
  );
  out();
  const at =
    DateTime.fromJSDate(digest.at, { zone: demo.loaded.config.timezone }).toISO({ suppressMilliseconds: true }) ??
    digest.at.toISOString();
  out(
    `${digest.recruiter.name}'s digest as it goes out this Monday morning (keepwarm digest --recruiter ${digest.recruiter.email} --at ${at}):`,
  );
  out('-'.repeat(72));
  out(`To: ${printable(`${digest.recruiter.name} <${digest.recruiter.email}>`)}`);
  out(`Subject: ${printable(digest.subject)}`);
  out();
  io.stdout.write(digest.text.endsWith('\n') ? digest.text : `${digest.text}\n`);
  out('-'.repeat(72));
  const config = shown(demo.configFile);
  out('Look around (in another terminal):');
  out(`  npx keepwarm --config ${config} candidates list`);
  out(`  npx keepwarm --config ${config} candidates show jordan.ames@mail.example`);
  out(`  npx keepwarm --config ${config} digest --recruiter marcus.bell@crestline.example`);
}
