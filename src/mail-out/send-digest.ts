// Sends one recruiter's weekly digest through the once-a-week guard: claim the week's run, compute and
// render the digest, hand it to SMTP, record the outcome. The scheduler, `keepwarm digest --send` and
// the admin page's "send now" all come through here.
import type { Kysely } from 'kysely';
import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import { isoWeekOf } from '../core/digest-schedule.js';
import { prepareDigests, renderDigestMail } from '../digest/prepare-digests.js';
import type { DigestRenderer } from '../digest/render-digest.js';
import { isAllCaughtUp } from '../digest/digest-types.js';
import { headerText } from '../digest/view-text.js';
import { KeepwarmError } from '../errors.js';
import { claimRun, finishRun } from './digest-runs.js';
import type { MailSender } from './smtp-transport.js';
import { bareAddress } from '../core/email-address.js';

export interface SendDigestDeps {
  db: Kysely<Database>;
  config: Readonly<Config>;
  renderer: DigestRenderer;
  sender: MailSender;
  /** Names this process in digest_runs.claimed_by. */
  owner: string;
}

export type SendDigestResult =
  | {
      status: 'sent' | 'unknown' | 'failed' | 'skipped_empty';
      recruiter: string;
      isoWeek: string;
      messageId: string | null;
      error?: string;
    }
  | { status: 'already_claimed'; recruiter: string; isoWeek: string };

/** Stable per recruiter and ISO week, so a copy that did get out is recognisable as the same mail. */
export function digestMessageId(recruiterId: number, isoWeek: string, from: string, resendOf?: number): string {
  const domain = bareAddress(from).split('@')[1] ?? 'keepwarm.invalid';
  return `<keepwarm-digest.${recruiterId}.${isoWeek}${resendOf === undefined ? '' : `.resend-${resendOf}`}@${domain}>`;
}

export async function sendDigest(
  deps: SendDigestDeps,
  recruiterId: number,
  options: { now: Date; force?: boolean },
): Promise<SendDigestResult> {
  const { db, config } = deps;
  const smtp = config.smtp;
  if (!smtp)
    throw new KeepwarmError(
      'config_invalid',
      'smtp: not configured, so the digest cannot be sent (see keepwarm.config.example.jsonc)',
    );
  const recruiter = await db
    .selectFrom('recruiters')
    .select(['id', 'email', 'name', 'timezone'])
    .where('id', '=', recruiterId)
    .executeTakeFirst();
  if (!recruiter) throw new KeepwarmError('not_found', `no recruiter with id ${recruiterId}`);
  const isoWeek = isoWeekOf(options.now, recruiter.timezone ?? config.timezone);
  const run = await claimRun(db, {
    recruiterId,
    isoWeek,
    now: options.now,
    owner: deps.owner,
    force: Boolean(options.force),
  });
  if (!run) return { status: 'already_claimed', recruiter: recruiter.email, isoWeek };

  let prepared: { mail: ReturnType<typeof renderDigestMail>; itemCount: number; messageId: string } | null = null;
  try {
    const [digest] = await prepareDigests(db, config, { now: options.now, recruiterId });
    if (!digest) throw new KeepwarmError('not_found', `no digest for recruiter ${recruiter.email}`);
    if (isAllCaughtUp(digest) && !config.digest.sendWhenEmpty) {
      await finishRun(db, run, { status: 'skipped' }, { now: options.now, messageId: null, itemCount: 0 });
      return { status: 'skipped_empty', recruiter: recruiter.email, isoWeek, messageId: null };
    }
    const messageId = digestMessageId(recruiterId, isoWeek, smtp.from, run.forced ? run.id : undefined);
    prepared = { mail: renderDigestMail(digest, config, deps.renderer), itemCount: digest.entries.length, messageId };
  } catch (error) {
    // Nothing was sent: a failure here is safe to retry later.
    const message = (error as Error)?.message ?? String(error);
    await finishRun(
      db,
      run,
      { status: 'failed', code: 'smtp_transient', message },
      { now: options.now, messageId: null, itemCount: 0 },
    );
    return { status: 'failed', recruiter: recruiter.email, isoWeek, messageId: null, error: message };
  }

  const { mail, itemCount, messageId } = prepared;
  const outcome = await deps.sender.send({
    from: smtp.from,
    to: { name: headerText(recruiter.name), address: recruiter.email },
    replyTo: config.logAddress,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers: {
      // RFC 3834: no vacation replies to us; Exchange's own switch for the same.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'X-Keepwarm-Digest': isoWeek,
    },
  });
  // If this write fails after an accepted send, the run stays "sending" and later shows as unknown:
  // never as failed, which would send it again.
  await finishRun(db, run, outcome, { now: options.now, messageId, itemCount });
  if (outcome.status === 'accepted') return { status: 'sent', recruiter: recruiter.email, isoWeek, messageId };
  return { status: outcome.status, recruiter: recruiter.email, isoWeek, messageId, error: outcome.message };
}
