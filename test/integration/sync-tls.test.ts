// TLS is verified, never optional: implicit TLS with the server's CA named in caFile works; the same
// server without caFile is refused; `starttls` against a server that offers no STARTTLS is refused
// before any credentials are sent; a wrong password marks the mailbox failing with exit code 1.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailBench, type MailBench } from '../support/mail-bench.js';
import { createCliWorkspace, type CliWorkspace } from '../support/run-cli.js';

const USER = 'log@agency.example';
const PASS = 'tls-password-1';
let tlsBench: MailBench;
let plainBench: MailBench;
let cli: CliWorkspace;

beforeAll(async () => {
  tlsBench = await startMailBench({ tls: true });
  plainBench = await startMailBench();
  await tlsBench.addUser(USER, PASS);
  await plainBench.addUser(USER, PASS);
  cli = createCliWorkspace();
});

afterAll(async () => {
  cli?.remove();
  await tlsBench?.stop();
  await plainBench?.stop();
});

function configure(mailbox: Record<string, unknown>): void {
  fs.writeFileSync(
    path.join(cli.dir, 'keepwarm.config.json'),
    JSON.stringify({
      database: 'sqlite:./data/keepwarm.db',
      logAddress: USER,
      mailboxes: [{ name: 'log', role: 'log', host: '127.0.0.1', user: USER, pass: PASS, ...mailbox }],
    }),
  );
}

async function sync() {
  const result = await cli.run('sync', '--once', '--json');
  return {
    code: result.code,
    errors: (JSON.parse(result.stdout) as { mailboxes: { errors: { code: string; message: string }[] }[] })
      .mailboxes[0]!.errors,
  };
}

describe('mailbox TLS', () => {
  it('connects over implicit TLS when the config names the CA', async () => {
    fs.copyFileSync(tlsBench.caCertPath!, path.join(cli.dir, 'bench-ca.pem'));
    configure({ port: tlsBench.imapsPort, tls: 'implicit', caFile: 'bench-ca.pem' });
    expect(await sync()).toEqual({ code: 0, errors: [] });
  });

  it('refuses a self-signed certificate without a configured CA', async () => {
    configure({ port: tlsBench.imapsPort, tls: 'implicit' });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatchObject({ code: 'imap_tls' });
    expect(result.errors[0]!.message).toMatch(/no credentials were sent/);
  });

  it('refuses starttls against a server that does not offer STARTTLS, before logging in', async () => {
    configure({ port: plainBench.imapPort, tls: 'starttls' });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatchObject({ code: 'imap_tls' });
    const log = await plainBench.logs();
    expect(log).not.toMatch(/Login: user=<log@agency\.example>/);
  });

  it('marks the mailbox failing on a wrong password and exits 1', async () => {
    configure({ port: plainBench.imapPort, tls: 'none', pass: 'wrong-password' });
    const result = await sync();
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatchObject({ code: 'imap_auth' });
    const status = JSON.parse((await cli.run('status', '--json')).stdout) as {
      mailboxes: { state: string; folders: { lastErrorCode: string }[] }[];
    };
    expect(status.mailboxes[0]).toMatchObject({ state: 'failing' });
  });
});
