// A small agency for the mail-in integration tests: a real Dovecot/Postfix bench, a CLI workspace whose
// config points at it, two recruiters (Alice with her own mailbox, Bob), the log mailbox, and a few
// candidates. Tests put messages into folders and run `keepwarm sync --once` like a user would.
import fs from 'node:fs';
import path from 'node:path';
import { startMailBench, type MailBench } from './mail-bench.js';
import { createCliWorkspace, type CliWorkspace } from './run-cli.js';

export const PASSWORD = 'bench-password-1';
export const ALICE = 'alice@agency.example';
export const BOB = 'bob@agency.example';
export const LOG = 'log@agency.example';

export interface SyncWorld {
  bench: MailBench;
  cli: CliWorkspace;
  /** Writes keepwarm.config.json (with extra top-level keys) for the bench. */
  configure(extra?: Record<string, unknown>): void;
  sync(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; json: SyncJson }>;
  stop(): Promise<void>;
}

export interface SyncJson {
  mailboxes: {
    mailbox: string;
    folders: Record<string, number | string>[];
    errors: { folder: string; code: string; message: string }[];
  }[];
}

export const CANDIDATES_CSV = [
  'name,email,skills,status,opening,client,decided_at,owner',
  'Jane Roe,jane@candidates.example;jane.roe@gmail.com;jane.roe@icloud.com;jane.old@candidates.example,Territory management;B2B sales,runner_up,Medical Sales Rep,Acme Health,2026-10-01,alice@agency.example',
  'Omar Haddad,omar@candidates.example,Oncology;CRM,runner_up,Oncology Account Manager,Beta Pharma,2026-09-15,bob@agency.example',
  'Lena Fischer,lena@candidates.example,Medical devices,active,,,,alice@agency.example',
  'Maria Garcia,maria.garcia@candidates.example,Hospital sales,runner_up,,,,bob@agency.example',
  'John Doe,john.doe@gmail.com,Field sales,runner_up,,,,alice@agency.example',
  'Jana Rössler,jana.roessler@candidates.example,Außendienst,runner_up,,,,bob@agency.example',
  'René Müller,rene.mueller@candidates.example,Délégué médical,runner_up,,,,alice@agency.example',
].join('\n');

export async function startSyncWorld(): Promise<SyncWorld> {
  const bench = await startMailBench();
  const cli = createCliWorkspace();
  for (const user of [ALICE, BOB, LOG]) await bench.addUser(user, PASSWORD);
  const box = (name: string, role: 'log' | 'recruiter', user: string, folders: string[]) => ({
    name,
    role,
    ...(role === 'recruiter' ? { recruiter: user } : {}),
    host: bench.host,
    port: bench.imapPort,
    tls: 'none',
    user,
    pass: PASSWORD,
    folders,
  });
  const world: SyncWorld = {
    bench,
    cli,
    configure(extra = {}) {
      fs.writeFileSync(
        path.join(cli.dir, 'keepwarm.config.json'),
        JSON.stringify({
          database: 'sqlite:./data/keepwarm.db',
          logAddress: LOG,
          mailboxes: [box('log', 'log', LOG, ['INBOX']), box('alice', 'recruiter', ALICE, ['INBOX', '\\Sent'])],
          ...extra,
        }),
      );
    },
    async sync(...args) {
      const result = await cli.run('sync', '--once', '--json', ...args);
      let json: SyncJson = { mailboxes: [] };
      try {
        json = JSON.parse(result.stdout) as SyncJson;
      } catch {
        // left empty: the assertion on code/stderr says why
      }
      return { ...result, json };
    },
    async stop() {
      cli.remove();
      await bench.stop();
    },
  };
  world.configure();
  await expectOk(
    cli.run('recruiter', 'add', '--email', ALICE, '--name', 'Alice Smith', '--alias', 'a.smith@agency.example'),
  );
  await expectOk(cli.run('recruiter', 'add', '--email', BOB, '--name', 'Bob Jones'));
  cli.write('candidates.csv', CANDIDATES_CSV);
  await expectOk(cli.run('import', 'candidates', 'candidates.csv'));
  return world;
}

async function expectOk(run: Promise<{ code: number; stdout: string; stderr: string }>): Promise<void> {
  const result = await run;
  if (result.code !== 0) throw new Error(`setup command failed (${result.code}): ${result.stderr}`);
}

let counter = 0;
/** A minimal RFC 5322 message; fields not given get plausible defaults. */
export function message(fields: {
  from: string;
  to: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  date?: string;
  messageId?: string | null;
  inReplyTo?: string;
  headers?: Record<string, string>;
  body?: string;
}): string {
  counter++;
  const lines = [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    ...(fields.cc ? [`Cc: ${fields.cc}`] : []),
    ...(fields.bcc ? [`Bcc: ${fields.bcc}`] : []),
    `Subject: ${fields.subject ?? 'Hello'}`,
    `Date: ${fields.date ?? 'Mon, 23 Nov 2026 09:00:00 +0000'}`,
    ...(fields.messageId === null
      ? []
      : [`Message-ID: <${fields.messageId ?? `m${counter}.${Date.now()}@mail.example`}>`]),
    ...(fields.inReplyTo ? [`In-Reply-To: <${fields.inReplyTo}>`, `References: <${fields.inReplyTo}>`] : []),
    ...Object.entries(fields.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body ?? 'Hi, just checking in.',
    '',
  ];
  return lines.join('\r\n');
}
