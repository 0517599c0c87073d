// The benchmarks' agency: a private Dovecot + Postfix (the integration tests' mail bench), the generated
// mailbox written into it, a 1,000-message mailbox for the idle-poll baseline, a mailbox holding only
// the 50 MB message, and keepwarm workspaces (config + a copy of the generated library) pointing at them.
import fs from 'node:fs';
import path from 'node:path';
import { startMailBench, type MailBench } from '../../test/support/mail-bench.js';
import { ALICE, LOG, PASSWORD } from '../generate/bench-world.js';
import { generateMailbox, type GeneratedMail } from '../generate/mailbox.js';
import { indexMaildirs, writeMaildir, type MaildirStats } from '../generate/write-maildir.js';

export const ONE_K = 'onek@agency.example';
export const BIG = 'big@agency.example';
export const SMALL_MAILBOX_SIZE = 1000;

export interface MailWorld {
  bench: MailBench;
  /** The generated mailbox (Alice's INBOX and Sent, the log INBOX). */
  stats: MaildirStats;
  /** Message-ID of the 50 MB message. */
  hugeMessageId: string;
  hugeBytes: number;
  /** A keepwarm workspace (config file and library) named `name`; its library starts as a copy of `libraryFile`. */
  workspace(name: string, libraryFile: string, mailboxes: MailboxSpec[], port?: number): { config: string; db: string };
  stop(): Promise<void>;
}

export type MailboxSpec = 'log' | 'alice' | 'onek' | 'big';

function mailboxConfig(spec: MailboxSpec, port: number): Record<string, unknown> {
  const common = { host: '127.0.0.1', port, tls: 'none', pass: PASSWORD };
  switch (spec) {
    case 'log':
      return { ...common, name: 'log', role: 'log', user: LOG, folders: ['INBOX'] };
    case 'alice':
      return {
        ...common,
        name: 'alice',
        role: 'recruiter',
        recruiter: ALICE,
        user: ALICE,
        folders: ['INBOX', '\\Sent'],
      };
    case 'onek':
      return { ...common, name: 'onek', role: 'recruiter', recruiter: ALICE, user: ONE_K, folders: ['INBOX'] };
    case 'big':
      return { ...common, name: 'big', role: 'recruiter', recruiter: ALICE, user: BIG, folders: ['INBOX'] };
  }
}

export async function startMailWorld(options: {
  size: number;
  seed: number;
  dir: string;
  log: (line: string) => void;
}): Promise<MailWorld> {
  const bench = await startMailBench();
  try {
    for (const user of [ALICE, LOG, ONE_K, BIG]) await bench.addUser(user, PASSWORD);
    const mailRoot = path.join(bench.dir, 'mail');
    let huge: GeneratedMail | null = null;
    const started = performance.now();
    const stats = writeMaildir(
      mailRoot,
      (function* () {
        for (const mail of generateMailbox({ size: options.size, seed: options.seed })) {
          if (mail.kind === 'huge') huge = mail;
          yield mail;
        }
      })(),
    );
    const smallInbox = (function* () {
      let n = 0;
      for (const mail of generateMailbox({ size: Math.ceil(SMALL_MAILBOX_SIZE * 1.2), seed: options.seed + 1 })) {
        if (mail.target.user !== ALICE || mail.target.folder !== 'INBOX' || mail.kind === 'huge') continue;
        yield mail;
        if (++n === SMALL_MAILBOX_SIZE) return;
      }
    })();
    writeMaildir(mailRoot, smallInbox, { renameUser: () => ONE_K });
    const hugeMail = huge as GeneratedMail | null;
    if (!hugeMail) throw new Error('the generated mailbox has no 50 MB message');
    writeMaildir(mailRoot, [{ ...hugeMail, target: { user: BIG, folder: 'INBOX' } }]);
    options.log(
      `wrote ${stats.messages.toLocaleString('en-US')} messages (${(stats.bytes / 1e6).toFixed(0)} MB) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s; indexing`,
    );
    await indexMaildirs({
      mailRoot,
      dovecotConf: path.join(bench.dir, 'dovecot.conf'),
      users: [ALICE, LOG, ONE_K, BIG],
    });
    options.log(`mailboxes ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const hugeMessageId = /^Message-ID: <([^>]+)>/m.exec(hugeMail.raw)?.[1] ?? '';

    return {
      bench,
      stats,
      hugeMessageId,
      hugeBytes: hugeMail.raw.length,
      workspace(name, libraryFile, mailboxes, port = bench.imapPort) {
        const dir = path.join(options.dir, name);
        fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
        const db = path.join(dir, 'data', 'keepwarm.db');
        if (!fs.existsSync(db)) fs.copyFileSync(libraryFile, db);
        const file = path.join(dir, `keepwarm.${mailboxes.join('-')}.${port}.json`);
        fs.writeFileSync(
          file,
          JSON.stringify(
            {
              database: `sqlite:${db}`,
              logAddress: LOG,
              admin: { listen: '127.0.0.1:0' },
              mailboxes: mailboxes.map((m) => mailboxConfig(m, port)),
            },
            null,
            2,
          ),
        );
        return { config: file, db };
      },
      stop: () => bench.stop(),
    };
  } catch (error) {
    await bench.stop();
    throw error;
  }
}
