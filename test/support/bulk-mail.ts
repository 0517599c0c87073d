// Appends many messages over one IMAP connection: fast enough to build mailboxes of thousands of
// messages for the sync tests and benchmarks.
import { ImapFlow } from 'imapflow';

export async function appendMany(
  server: { host: string; port: number },
  auth: { user: string; pass: string },
  folder: string,
  messages: Iterable<string | Buffer>,
): Promise<number> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth,
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  let count = 0;
  try {
    await client.mailboxCreate(folder).catch(() => undefined);
    for (const raw of messages) {
      await client.append(folder, raw);
      count++;
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return count;
}
