// Smoke tests for the real Dovecot + Postfix bench (test/support/mail-bench.ts) the other integration tests
// rely on: delivery through SMTP, IMAP folders, real DSN bounces, restarts and TLS verification.
import fs from 'node:fs';
import { ImapFlow } from 'imapflow';
import type { FetchMessageObject, ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailBench, waitFor } from '../support/mail-bench.js';
import type { MailBench } from '../support/mail-bench.js';

interface User {
  email: string;
  password: string;
}

const alice: User = { email: 'alice@agency.example', password: 'alice-secret' };
// A password with characters the passwd-file format cannot hold verbatim.
const bob: User = { email: 'bob@candidates.example', password: 'bob: s3cret:{PLAIN}' };

function imapClient(bench: MailBench, user: User, options: Partial<ImapFlowOptions> = {}): ImapFlow {
  const client = new ImapFlow({
    host: bench.host,
    port: bench.imapPort,
    secure: false,
    auth: { user: user.email, pass: user.password },
    logger: false,
    ...options,
  });
  client.on('error', () => {}); // connection errors surface through the awaited calls
  return client;
}

async function withImap<T>(bench: MailBench, user: User, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = imapClient(bench, user);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

interface Fetched {
  uid: number;
  flags: Set<string>;
  subject: string;
  source: string;
  contentType: string;
  parameters: Record<string, string>;
}

async function fetchAll(bench: MailBench, user: User, folder: string): Promise<Fetched[]> {
  return withImap(bench, user, async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const messages: Fetched[] = [];
      const toFetched = (m: FetchMessageObject): Fetched => ({
        uid: m.uid,
        flags: m.flags ?? new Set(),
        subject: m.envelope?.subject ?? '',
        source: m.source?.toString('utf8') ?? '',
        contentType: m.bodyStructure?.type ?? '',
        parameters: m.bodyStructure?.parameters ?? {},
      });
      for await (const message of client.fetch('1:*', {
        uid: true,
        flags: true,
        envelope: true,
        source: true,
        bodyStructure: true,
      })) {
        messages.push(toFetched(message));
      }
      return messages;
    } finally {
      lock.release();
    }
  });
}

async function waitForMessage(
  bench: MailBench,
  user: User,
  folder: string,
  match: (m: Fetched) => boolean,
  what: string,
): Promise<Fetched> {
  try {
    return await waitFor(async () => (await fetchAll(bench, user, folder)).find(match), {
      timeoutMs: 15_000,
      intervalMs: 250,
      message: what,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await bench.logs()}`, { cause: error });
  }
}

async function send(
  bench: MailBench,
  mail: { from: string; to: string; subject: string; text: string },
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: bench.host,
    port: bench.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

function uniqueSubject(label: string): string {
  return `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

describe('mail bench (plain IMAP)', () => {
  let bench: MailBench;

  beforeAll(async () => {
    bench = await startMailBench();
    await bench.addUser(alice.email, alice.password);
    await bench.addUser(bob.email, bob.password);
  });

  afterAll(async () => {
    await bench?.stop();
  });

  it('delivers SMTP mail through Postfix and LMTP into the recipient INBOX', async () => {
    const subject = uniqueSubject('Hello Bob');
    await send(bench, { from: alice.email, to: bob.email, subject, text: 'Are you still interested in the role?' });

    const message = await waitForMessage(
      bench,
      bob,
      'INBOX',
      (m) => m.subject === subject,
      `"${subject}" in bob's INBOX`,
    );
    expect(message.source).toContain('Are you still interested in the role?');
    expect(message.source).toMatch(/^Received: .*keepwarm-bench/m);
  });

  it('has a \\Sent special-use folder that accepts IMAP APPEND', async () => {
    const subject = uniqueSubject('Sent copy');
    const raw = `From: ${alice.email}\r\nTo: ${bob.email}\r\nSubject: ${subject}\r\nMessage-ID: <${Date.now()}@agency.example>\r\n\r\nSent body\r\n`;

    await withImap(bench, alice, async (client) => {
      const list = await client.list();
      const sent = list.find((mailbox) => mailbox.path === 'Sent');
      expect(sent?.specialUse).toBe('\\Sent');
      expect(sent?.specialUseSource).toBe('extension');
      expect(sent?.flags.has('\\Sent')).toBe(true);
      expect(list.map((mailbox) => mailbox.specialUse)).toEqual(expect.arrayContaining(['\\Drafts', '\\Trash']));

      const appended = await client.append('Sent', raw, ['\\Seen']);
      expect(appended && appended.uid).toBeGreaterThan(0);
      expect(client.capabilities.has('CONDSTORE')).toBe(true);
      expect(client.capabilities.has('QRESYNC')).toBe(true);
      expect(client.capabilities.has('IDLE')).toBe(true);
    });

    const [message] = (await fetchAll(bench, alice, 'Sent')).filter((m) => m.subject === subject);
    expect(message?.flags.has('\\Seen')).toBe(true);
    expect(message?.source).toContain('Sent body');
  });

  it('appendMessage stores a message with flags in any folder without the password', async () => {
    const subject = uniqueSubject('Seeded');
    await bench.appendMessage(
      alice.email,
      'Clients/Ärzte',
      `Subject: ${subject}\nFrom: ${bob.email}\n\nseeded body\n`,
      ['\\Flagged', '$Custom'],
    );

    const [message] = (await fetchAll(bench, alice, 'Clients/Ärzte')).filter((m) => m.subject === subject);
    expect([...(message?.flags ?? [])].filter((flag) => flag !== '\\Recent').sort()).toEqual(['$Custom', '\\Flagged']);
    expect(message?.source).toContain('seeded body\r\n');
  });

  it('bounces mail to an unknown user with a real delivery-status report to the sender', async () => {
    const subject = uniqueSubject('To nobody');
    await send(bench, { from: alice.email, to: 'nobody@candidates.example', subject, text: 'Will bounce' });

    const bounce = await waitForMessage(
      bench,
      alice,
      'INBOX',
      (m) => m.contentType === 'multipart/report' && m.source.includes(subject),
      'a DSN in alice INBOX',
    );
    expect(bounce.parameters['report-type']).toBe('delivery-status');
    expect(bounce.source).toMatch(/^Final-Recipient: rfc822; ?nobody@candidates\.example/im);
    expect(bounce.source).toMatch(/^Status: 5\.\d+\.\d+/m);
    expect(bounce.source).toMatch(/^From: .*MAILER-DAEMON@/m);
  });

  it('setPassword changes the IMAP password immediately', async () => {
    const carol: User = { email: 'carol@mail.example', password: 'first' };
    await bench.addUser(carol.email, carol.password);
    await withImap(bench, carol, async (client) => expect(client.authenticated).toBeTruthy());

    await bench.setPassword(carol.email, 'second');
    await expect(imapClient(bench, carol).connect()).rejects.toThrow();
    await withImap(bench, { ...carol, password: 'second' }, async (client) =>
      expect(client.authenticated).toBeTruthy(),
    );
  });

  it('kick disconnects open IMAP sessions', async () => {
    const client = imapClient(bench, alice);
    await client.connect();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await bench.kick(alice.email);
    await closed;
    expect(client.usable).toBe(false);
  });

  it('keeps mailbox content across stopDovecot/startDovecot and delivers mail queued meanwhile', async () => {
    const before = await fetchAll(bench, bob, 'INBOX');
    expect(before.length).toBeGreaterThan(0);

    await bench.stopDovecot();
    await expect(imapClient(bench, bob).connect()).rejects.toThrow();
    const subject = uniqueSubject('While down');
    await send(bench, { from: alice.email, to: bob.email, subject, text: 'queued in Postfix' });
    await bench.startDovecot();

    const after = await fetchAll(bench, bob, 'INBOX');
    expect(after.slice(0, before.length).map((m) => [m.uid, m.subject])).toEqual(before.map((m) => [m.uid, m.subject]));
    await waitForMessage(bench, bob, 'INBOX', (m) => m.subject === subject, 'the mail queued while Dovecot was down');
  });
});

describe('mail bench (TLS)', () => {
  let bench: MailBench;

  beforeAll(async () => {
    bench = await startMailBench({ tls: true, domains: ['tls.example'] });
    await bench.addUser('dana@tls.example', 'dana-secret');
  });

  afterAll(async () => {
    await bench?.stop();
  });

  it('serves implicit TLS that verifies against the bench CA and fails without it', async () => {
    expect(bench.imapsPort).toBeTypeOf('number');
    expect(bench.caCertPath).toBeTypeOf('string');
    const ca = fs.readFileSync(bench.caCertPath ?? '');
    const dana: User = { email: 'dana@tls.example', password: 'dana-secret' };

    const trusted = imapClient(bench, dana, { port: bench.imapsPort ?? 0, secure: true, tls: { ca } });
    await trusted.connect();
    expect(trusted.secureConnection).toBe(true);
    await trusted.logout();

    const untrusted = imapClient(bench, dana, { port: bench.imapsPort ?? 0, secure: true });
    const error = await untrusted.connect().then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error, 'connecting without the CA must fail').toBeDefined();
    expect(`${error?.code ?? ''} ${error?.message ?? ''}`).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|certificate/i);
    untrusted.close();
  });

  it('offers STARTTLS on the IMAP port and still delivers over LMTP', async () => {
    const dana: User = { email: 'dana@tls.example', password: 'dana-secret' };
    const subject = uniqueSubject('Over TLS');
    await send(bench, { from: 'someone@tls.example', to: dana.email, subject, text: 'tls body' });

    const ca = fs.readFileSync(bench.caCertPath ?? '');
    const client = imapClient(bench, dana, { doSTARTTLS: true, tls: { ca } });
    await client.connect();
    try {
      expect(client.secureConnection).toBe(true);
      await waitFor(
        async () => {
          const status = await client.status('INBOX', { messages: true });
          return status !== false && (status.messages ?? 0) > 0;
        },
        { timeoutMs: 15_000, message: 'delivery to dana' },
      );
    } finally {
      await client.logout();
    }
  });
});
