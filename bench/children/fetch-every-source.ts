// P1's baselines: the bare cost of reading the mailbox. (a) one imapflow FETCH of every message's
// source, folder by folder; (b) the same, handing each source to mailparser's simpleParser.
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { childInput, peakRssBytes, reportResult } from '../lib/child-process.js';

interface Input {
  host: string;
  port: number;
  accounts: { user: string; pass: string; folders: string[] }[];
  parse: boolean;
}

const input = childInput<Input>();
const started = performance.now();
let messages = 0;
let bytes = 0;
for (const account of input.accounts) {
  const client = new ImapFlow({
    host: input.host,
    port: input.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: account.user, pass: account.pass },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const folder of account.folders) {
      const lock = await client.getMailboxLock(folder, { readOnly: true });
      try {
        for await (const message of client.fetch('1:*', { uid: true, source: true })) {
          messages++;
          bytes += message.source?.length ?? 0;
          if (input.parse && message.source) await simpleParser(message.source);
        }
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
reportResult({ workMs: performance.now() - started, messages, bytes, peakRss: peakRssBytes() });
