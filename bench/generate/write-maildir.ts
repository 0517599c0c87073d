// Loads generated mail straight into the bench Dovecot's maildirs (APPEND takes ~8 ms a message; 100,000
// files take seconds), with the ,S= and ,W= sizes Dovecot's own deliveries carry so it never has to read
// a file to learn its size, then lets Dovecot index them (doveadm force-resync).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GeneratedMail, MailKind } from './mailbox.js';

const execFileAsync = promisify(execFile);

export interface MaildirStats {
  messages: number;
  /** Sum of the messages' RFC 822 sizes (CRLF line endings), as IMAP reports them. */
  bytes: number;
  byFolder: Record<string, { messages: number; bytes: number }>;
  byKind: Partial<Record<MailKind, number>>;
}

/**
 * The maildir of a user's folder under the bench's mail root (mail_location = maildir:~/Maildir, home =
 * root/domain/local).
 */
export function maildirOf(mailRoot: string, user: string, folder: string): string {
  const [local = '', domain = ''] = user.split('@');
  const maildir = path.join(mailRoot, domain, local, 'Maildir');
  return folder === 'INBOX' ? maildir : path.join(maildir, `.${folder}`);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function writeMaildir(
  mailRoot: string,
  mails: Iterable<GeneratedMail>,
  options: { renameUser?: (user: string) => string } = {},
): MaildirStats {
  const stats: MaildirStats = { messages: 0, bytes: 0, byFolder: {}, byKind: {} };
  const made = new Set<string>();
  const baseTime = 1_767_600_000;
  for (const mail of mails) {
    const user = options.renameUser ? options.renameUser(mail.target.user) : mail.target.user;
    const dir = maildirOf(mailRoot, user, mail.target.folder);
    if (!made.has(dir)) {
      for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
      if (mail.target.folder !== 'INBOX') fs.writeFileSync(path.join(dir, 'maildirfolder'), '');
      made.add(dir);
    }
    const size = mail.raw.length; // ASCII: one byte a character
    const virtualSize = size + countNewlines(mail.raw);
    const name = `${baseTime + mail.index}.M${mail.index}P1.keepwarm-bench,S=${size},W=${virtualSize}:2,S`;
    fs.writeFileSync(path.join(dir, 'cur', name), mail.raw);
    stats.messages++;
    stats.bytes += virtualSize;
    const key = `${user}/${mail.target.folder}`;
    const folder = (stats.byFolder[key] ??= { messages: 0, bytes: 0 });
    folder.messages++;
    folder.bytes += virtualSize;
    stats.byKind[mail.kind] = (stats.byKind[mail.kind] ?? 0) + 1;
  }
  return stats;
}

/** Hands the users' maildirs to the mail user and has Dovecot index every folder. */
export async function indexMaildirs(options: {
  mailRoot: string;
  dovecotConf: string;
  users: readonly string[];
}): Promise<void> {
  await execFileAsync('chown', ['-R', 'mail:mail', options.mailRoot], { timeout: 300_000 });
  for (const user of options.users) {
    await execFileAsync('/usr/bin/doveadm', ['-c', options.dovecotConf, 'force-resync', '-u', user, '*'], {
      timeout: 600_000,
      maxBuffer: 16 << 20,
    });
  }
}
