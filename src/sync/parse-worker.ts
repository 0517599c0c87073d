// Runs in a worker thread: parses one raw message into MailFacts, or reads the inline forward in a
// recruiter's message. Parsing hostile MIME (10,000 parts, megabyte headers, deep nesting) can take long
// or run out of memory; in a worker it cannot block the event loop that keeps IMAP connections and the
// admin page alive, and the pool can kill it. Forward reading runs dozens of patterns over each body
// (bench P1: a third of the log mailbox's time), so it moves off the sync's thread too.
import { parentPort } from 'node:worker_threads';
import { simpleParser } from 'mailparser';
import { factsFromParsedMail } from '../core/mail/facts-from-parsed.js';
import { parseInlineForward, type ForwardOptions, type InlineForward } from '../core/mail/forward.js';
import type { MailFacts } from '../core/mail/mail-facts.js';

export const PARSE_OPTIONS = {
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  skipImageLinks: true,
  skipTextToHtml: true,
  maxHtmlLengthToParse: 2 * 1024 * 1024,
} as const;

export type ParseJob =
  | { kind: 'parse'; source: Uint8Array }
  | { kind: 'forward'; message: Pick<MailFacts, 'text' | 'subject'>; options: ForwardOptions };

export type ParseRequest = ParseJob & { id: number };

export type ParseReply =
  | { id: number; ok: true; facts: MailFacts }
  | { id: number; ok: true; forward: InlineForward | null }
  | { id: number; ok: false; error: string };

function failure(id: number, error: unknown): ParseReply {
  return { id, ok: false, error: (error as Error)?.message ?? String(error) };
}

parentPort?.on('message', (request: ParseRequest) => {
  if (request.kind === 'forward') {
    let reply: ParseReply;
    try {
      reply = { id: request.id, ok: true, forward: parseInlineForward(request.message, request.options) };
    } catch (error) {
      reply = failure(request.id, error);
    }
    parentPort?.postMessage(reply);
    return;
  }
  simpleParser(Buffer.from(request.source.buffer, request.source.byteOffset, request.source.byteLength), PARSE_OPTIONS)
    .then((parsed) => parentPort?.postMessage({ id: request.id, ok: true, facts: factsFromParsedMail(parsed) } satisfies ParseReply))
    .catch((error: unknown) => parentPort?.postMessage(failure(request.id, error)));
});
