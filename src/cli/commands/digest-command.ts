// `keepwarm digest`: computes the weekly digest as of a moment and prints it (JSON, text or HTML), so a
// recruiter's week can be previewed or replayed (--at) without sending anything.
import type { Command } from 'commander';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { CliContext } from '../cli-context.js';
import { printJson, printJsonArray } from '../output.js';
import { KeepwarmError } from '../../errors.js';
import { toDigestItemJson, toDigestJson } from '../../digest/digest-json.js';
import { findRecruiterId, prepareDigestStream, renderDigestMail } from '../../digest/prepare-digests.js';
import { createDigestRenderer } from '../../digest/render-digest.js';
import { headerText } from '../../digest/view-text.js';

const FORMATS = ['json', 'text', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface DigestOptions {
  recruiter?: string;
  at?: string;
  format: string;
  json?: boolean;
  send?: boolean;
  force?: boolean;
}

async function sendDigests(context: CliContext, options: DigestOptions): Promise<void> {
  const { io } = context;
  const { config, baseDir } = context.config();
  if (!config.smtp) throw new KeepwarmError('config_invalid', 'smtp: not configured, so the digest cannot be sent');
  const now = options.at === undefined ? io.now() : parseAt(options.at, config.timezone);
  const { createSmtpSender } = await import('../../mail-out/smtp-transport.js');
  const { sendDigest } = await import('../../mail-out/send-digest.js');
  const sender = createSmtpSender(config.smtp, baseDir);
  try {
    await context.withLibrary(async ({ db }) => {
      let ids: number[];
      if (options.recruiter !== undefined) {
        const found = await findRecruiterId(db, options.recruiter);
        if (found === null)
          throw new KeepwarmError(
            'not_found',
            `no recruiter with the address ${options.recruiter} (see keepwarm recruiter list)`,
          );
        ids = [found];
      } else {
        ids = (await db.selectFrom('recruiters').select('id').orderBy('id').execute()).map((r) => r.id);
      }
      const deps = { db, config, renderer: createDigestRenderer(), sender, owner: `cli:${process.pid}` };
      const results = [];
      for (const id of ids) results.push(await sendDigest(deps, id, { now, force: Boolean(options.force) }));
      if (options.json || options.format === 'json') printJson(io, results);
      else
        for (const r of results)
          io.stdout.write(
            `${r.recruiter} ${r.isoWeek}: ${r.status === 'already_claimed' ? 'already sent this week (--force to resend)' : r.status}${'error' in r && r.error ? ` (${r.error})` : ''}\n`,
          );
      if (results.some((r) => r.status === 'failed' || r.status === 'unknown')) context.exitCode = 1;
    });
  } finally {
    sender.close();
  }
}

/** An ISO-8601 moment; without an offset (or a time), it is read in the agency's time zone. */
export function parseAt(text: string, zone: string): Date {
  const at = DateTime.fromISO(text.trim(), { zone });
  if (!at.isValid)
    throw new KeepwarmError('usage', `--at: expected an ISO-8601 date or time (e.g. 2026-11-23T08:00), got "${text}"`);
  return at.toJSDate();
}

export function registerDigestCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('digest')
    .description('compute the weekly digest (who to contact, and why) as of --at and print it; --send mails it')
    .option('--recruiter <email>', "only this recruiter's digest (primary address or alias)")
    .option('--at <iso-8601>', 'as of this moment (default now); without an offset, in the config timezone')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('--json', 'same as --format json')
    .option('--send', 'mail it to each recruiter through SMTP, at most once per recruiter and ISO week')
    .option('--force', 'with --send: send again even if this week was sent (a resend someone asked for)')
    .action(async (options: DigestOptions) => {
      if (options.force && !options.send) throw new KeepwarmError('usage', '--force goes with --send');
      if (options.send) return sendDigests(context, options);
      const format = (options.json ? 'json' : options.format) as Format;
      if (!FORMATS.includes(format))
        throw new KeepwarmError('usage', `--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
      const { config } = context.config();
      const now = options.at === undefined ? io.now() : parseAt(options.at, config.timezone);
      await context.withLibrary(async ({ db }) => {
        // One pass over the library, each page read about once: better-sqlite3's 16 MB page cache would
        // mostly keep pages already done with (~20 MB of the 100,000-candidate run's peak RSS, no time
        // saved). SQLite's own default, 2 MB, keeps the indexes' upper pages.
        await sql`pragma cache_size = -2000`.execute(db);
        let recruiterId: number | undefined;
        if (options.recruiter !== undefined) {
          const found = await findRecruiterId(db, options.recruiter);
          if (found === null)
            throw new KeepwarmError(
              'not_found',
              `no recruiter with the address ${options.recruiter} (see keepwarm recruiter list)`,
            );
          recruiterId = found;
        }
        const digests = prepareDigestStream(db, config, { now, ...(recruiterId === undefined ? {} : { recruiterId }) });
        if (format === 'json') {
          if (recruiterId !== undefined) {
            for await (const digest of digests) printJson(io, toDigestJson(digest));
            return;
          }
          // Each digest's items are made as they are written, so a large week never sits in memory as JSON.
          const json = (async function* () {
            for await (const digest of digests) {
              yield {
                ...toDigestJson({ ...digest, entries: [] }),
                items: (function* () {
                  for (const entry of digest.entries) yield toDigestItemJson(entry);
                })(),
              };
            }
          })();
          await printJsonArray(io, json, { itemsKey: 'items' });
          return;
        }
        const renderer = createDigestRenderer();
        let printed = 0;
        for await (const digest of digests) {
          const mail = renderDigestMail(digest, config, renderer);
          const to = headerText(`${digest.recruiter.name} <${digest.recruiter.email}>`);
          if (format === 'html') {
            io.stdout.write(`<!-- keepwarm digest for ${to.replace(/--/g, '-')} -->\n${mail.html}`);
          } else {
            io.stdout.write(
              `${printed > 0 ? `\n${'='.repeat(72)}\n\n` : ''}To: ${to}\nSubject: ${mail.subject}\n\n${mail.text}`,
            );
          }
          printed += 1;
        }
        if (printed === 0) io.stdout.write('no recruiters yet: add one with `keepwarm recruiter add`\n');
      });
    });
}
