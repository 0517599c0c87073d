// Runs in a worker thread: parses one raw message into MailFacts. Parsing hostile MIME (10,000 parts,
// megabyte headers, deep nesting) can take long or run out of memory; in a worker it cannot block
// the event loop that keeps IMAP connections and the admin page alive, and the pool can kill it.
import { parentPort } from 'node:worker_threads';
import { simpleParser } from 'mailparser';
import { factsFromParsedMail } from '../core/mail/facts-from-parsed.js';

export const PARSE_OPTIONS = {
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  skipImageLinks: true,
  skipTextToHtml: true,
  maxHtmlLengthToParse: 2 * 1024 * 1024,
} as const;

export interface ParseRequest {
  id: number;
  source: Uint8Array;
}

export type ParseReply =
  { id: number; ok: true; facts: ReturnType<typeof factsFromParsedMail> } | { id: number; ok: false; error: string };

parentPort?.on('message', (request: ParseRequest) => {
  simpleParser(Buffer.from(request.source.buffer, request.source.byteOffset, request.source.byteLength), PARSE_OPTIONS)
    .then((parsed) =>
      parentPort?.postMessage({ id: request.id, ok: true, facts: factsFromParsedMail(parsed) } satisfies ParseReply),
    )
    .catch((error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        error: (error as Error)?.message ?? String(error),
      } satisfies ParseReply),
    );
});
