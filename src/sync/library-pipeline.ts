// The pipeline the sync and `import mail` share: screens header facts against the library (only mail
// that involves a candidate, a forward or CC copy in the log mailbox, or a delivery report is worth its
// body), parses the bodies it asked for, and interprets each message. A message that will not parse is
// quarantined with its reason; the rest of the batch goes on.
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import type { MailFacts } from '../core/mail/mail-facts.js';
import type { MessageDecision } from '../core/message-record.js';
import { routeMessage, type Directory, type Where } from '../core/participants/route-message.js';
import { interpretMessage, type MessageInput } from '../core/interpret-message.js';
import { normaliseMessageId } from '../core/mail/message-identity.js';
import { bounceReason } from '../core/mail/bounce-detection.js';
import { factsFromParsedMail } from '../core/mail/facts-from-parsed.js';
import { findAttachedMessage, parseInlineForward } from '../core/mail/forward.js';
import { forwardedFacts } from '../core/forwarded-facts.js';
import { addressKey, bareAddress } from '../core/email-address.js';
import { loadDirectory, loadRecruiterIds } from './load-directory.js';
import { PARSE_OPTIONS } from './parse-worker.js';
import { withCrlfLineEnds } from './header-facts.js';
import type { FullItem, HeaderItem, HeaderVerdict, MessagePipeline, PipelineWhere } from './message-pipeline.js';

/** Raw message in, MailFacts out: in-process by default, or in a worker (see parse-pool.ts). */
export type ParseMail = (source: Buffer | string) => Promise<MailFacts>;

export interface LibraryPipelineDeps {
  db: Kysely<Database>;
  config: Readonly<Config>;
  logger: Logger;
  now: () => Date;
  /** The MIME parser (mailparser by default; tests inject one that fails). */
  parse?: ParseMail;
}

function whereOf(where: PipelineWhere, facts: MailFacts, directory: Directory): Where {
  // An export imported `--as` a recruiter: their own messages behave like their Sent folder.
  const fromKey = addressKey(facts.from[0]?.address ?? '');
  const ownSent =
    where.mailboxRole === 'file' &&
    where.ownerRecruiterId !== null &&
    fromKey !== null &&
    directory.recruiterIdByKey.get(fromKey) === where.ownerRecruiterId;
  return {
    mailboxRole: where.mailboxRole,
    folderRole: ownSent ? 'sent' : where.folderRole,
    ownerRecruiterId: where.ownerRecruiterId,
  };
}

/**
 * Mail to more people than this is a mass mailing whatever else it is; looking each of them up (a To
 * header of 200,000 addresses) would only stall the sync.
 */
export const MAX_PARTIES = 500;

function addressesOf(facts: MailFacts, bcc: readonly { address: string }[] = []): string[] {
  return [...facts.from, ...facts.to, ...facts.cc, ...bcc].slice(0, MAX_PARTIES).map((a) => a.address);
}

function tooManyParties(facts: MailFacts, bcc: readonly unknown[] = []): boolean {
  return facts.to.length + facts.cc.length + bcc.length > MAX_PARTIES;
}

function referencedKeysOf(facts: MailFacts): string[] {
  return [facts.inReplyTo, ...facts.references]
    .map((r) => normaliseMessageId(r))
    .filter((k): k is string => k !== null);
}

export function createLibraryPipeline(deps: LibraryPipelineDeps): MessagePipeline {
  const logAddress = deps.config.logAddress ?? null;
  const ownAddresses = deps.config.smtp ? [bareAddress(deps.config.smtp.from)] : [];
  const parse: ParseMail =
    deps.parse ?? (async (source) => factsFromParsedMail(await simpleParser(source, PARSE_OPTIONS)));

  async function screen(items: readonly HeaderItem[], where: PipelineWhere): Promise<HeaderVerdict[]> {
    const directory = await loadDirectory(deps.db, {
      addresses: items.flatMap((i) => addressesOf(i.facts, i.bcc)),
      messageKeys: items.flatMap((i) => referencedKeysOf(i.facts)),
      logAddress,
      ownAddresses,
    });
    return items.map((item) => {
      const facts = item.facts;
      if (tooManyParties(facts, item.bcc))
        return { uid: item.uid, needsSource: false, decision: { action: 'ignore', reason: 'mass_mailing' } };
      if (item.bareCarriageReturns) return { uid: item.uid, needsSource: true, decision: null };
      const fromKey = addressKey(facts.from[0]?.address ?? '');
      const fromRecruiter = fromKey !== null && directory.recruiterIdByKey.has(fromKey);
      if (bounceReason(facts) !== null) return { uid: item.uid, needsSource: true, decision: null };
      // Every recruiter message in the log mailbox may be a forward: its body says who it is about.
      if (where.mailboxRole === 'log' && fromRecruiter) return { uid: item.uid, needsSource: true, decision: null };
      const route = routeMessage(
        { from: facts.from, to: facts.to, cc: facts.cc, bcc: item.bcc, referencedKeys: referencedKeysOf(facts) },
        whereOf(where, facts, directory),
        directory,
      );
      if (route.action === 'log') return { uid: item.uid, needsSource: true, decision: null };
      // Decided from the headers alone; interpretMessage applies the same rules (and the kind check
      // for strangers) without a body.
      const decision = interpretMessage(
        input(item, null, false),
        whereOf(where, facts, directory),
        directory,
        settings(),
      );
      return { uid: item.uid, needsSource: false, decision };
    });
  }

  async function decide(items: readonly FullItem[], where: PipelineWhere): Promise<Map<string, MessageDecision>> {
    recruiterKeys = null; // recruiters may have been added since the last batch
    // Every parse is queued at once, so the parser worker never waits while this thread reads the
    // forwards of the messages already parsed (bench P1: the two threads overlap instead of taking turns).
    const prepared = await Promise.all(
      items.map(async (item): Promise<{ item: FullItem; input: MessageInput | null; failure: string | null }> => {
        try {
          return { item, input: await parseItem(item, where), failure: null };
        } catch (error) {
          return { item, input: null, failure: (error as Error)?.message ?? String(error) };
        }
      }),
    );
    const directory = await loadDirectory(deps.db, {
      addresses: prepared.flatMap((p) =>
        p.input
          ? [
              ...addressesOf(p.input.facts, p.input.bcc),
              ...(p.input.forwarded ? addressesOf(p.input.forwarded.original) : []),
              ...deliveryAddresses(p.input.facts),
            ]
          : [],
      ),
      messageKeys: prepared.flatMap((p) =>
        p.input
          ? [
              ...referencedKeysOf(p.input.facts),
              ...(p.input.forwarded ? referencedKeysOf(p.input.forwarded.original) : []),
            ]
          : [],
      ),
      logAddress,
      ownAddresses,
    });
    const decisions = new Map<string, MessageDecision>();
    for (const { item, input: parsed, failure } of prepared) {
      if (!parsed) {
        deps.logger.warn(
          { mailbox: where.mailbox, folder: where.folder, uid: item.uid, err: { message: failure } },
          'message could not be parsed',
        );
        decisions.set(item.uid, {
          action: 'quarantine',
          reason: 'parse_failed',
          detail: failure ?? 'unknown error',
          messageId: item.facts.messageId,
          sender: item.facts.from[0]?.address ?? null,
          subject: item.facts.subject,
        });
        continue;
      }
      if (tooManyParties(parsed.facts, parsed.bcc)) {
        decisions.set(item.uid, { action: 'ignore', reason: 'mass_mailing' });
        continue;
      }
      try {
        decisions.set(
          item.uid,
          interpretMessage(parsed, whereOf(where, parsed.facts, directory), directory, settings()),
        );
      } catch (error) {
        decisions.set(item.uid, {
          action: 'quarantine',
          reason: 'interpret_failed',
          detail: (error as Error)?.message ?? String(error),
          messageId: item.facts.messageId,
          sender: item.facts.from[0]?.address ?? null,
          subject: item.facts.subject,
        });
      }
    }
    return decisions;
  }

  function settings() {
    return { authservId: deps.config.authservId ?? null, phrases: deps.config.rules.phrases, now: deps.now() };
  }

  function input(
    item: HeaderItem,
    facts: MailFacts | null,
    truncated: boolean,
    forwarded: MessageInput['forwarded'] = null,
  ): MessageInput {
    return { facts: facts ?? item.facts, bcc: item.bcc, internalDate: item.internalDate, truncated, forwarded };
  }

  async function parseItem(item: FullItem, where: PipelineWhere): Promise<MessageInput> {
    if (!item.source) return input(item, null, true);
    const facts = await parse(item.bareCarriageReturns ? withCrlfLineEnds(item.source) : item.source);
    const fromKey = addressKey(facts.from[0]?.address ?? '');
    const fromRecruiter = fromKey !== null && (await isRecruiterKey(fromKey));
    let forwarded: MessageInput['forwarded'] = null;
    if (fromRecruiter && where.mailboxRole !== 'recruiter') {
      const attached = findAttachedMessage(facts);
      if (attached) {
        const original = await parse(attached);
        forwarded = { original, note: facts.text ?? '', inline: false };
      } else {
        const inline = parseInlineForward(facts, { timezone: deps.config.timezone });
        if (inline) forwarded = { original: forwardedFacts(inline, facts), note: inline.note, inline: true };
      }
    }
    return input(item, facts, item.truncated, forwarded);
  }

  // A promise, so the parses running side by side share one read of the recruiters.
  let recruiterKeys: Promise<Map<string, number>> | null = null;
  async function isRecruiterKey(key: string): Promise<boolean> {
    recruiterKeys ??= loadRecruiterIds(deps.db);
    return (await recruiterKeys).has(key);
  }

  return { screen, decide };
}

function deliveryAddresses(facts: MailFacts): string[] {
  const report = facts.attachments.find((a) => a.contentType === 'message/delivery-status')?.content ?? '';
  return [...report.matchAll(/^(?:final|original)-recipient:\s*rfc822;\s*(\S+)/gim)].map((m) => m[1]!);
}
