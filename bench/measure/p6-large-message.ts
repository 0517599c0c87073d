// P6: syncing a mailbox that holds the 50 MB message, in a fresh process: the process's peak RSS during
// the sync against its RSS just before, and what the library kept (headers logged, marked truncated).
import SQLite from 'better-sqlite3';
import { runChild } from '../lib/child-process.js';
import { row, type ResultRow } from '../lib/results.js';
import type { MailWorld } from './mail-world.js';

interface CommandResult {
  code: number;
  workMs: number;
  rssBefore: number;
  commandPeak: number;
  stderr: string;
}

const MB = 1024 * 1024;

export async function measureLargeMessage(
  world: MailWorld,
  libraryFile: string,
  options: { timeoutMs: number },
): Promise<ResultRow[]> {
  const { config, db } = world.workspace('p6', libraryFile, ['big']);
  const sync = await runChild<CommandResult>(
    'keepwarm-command.ts',
    { args: ['-c', config, 'sync', '--once', '--json'], cwd: process.cwd(), keepStdout: 100_000 },
    { timeoutMs: options.timeoutMs },
  );
  const reader = new SQLite(db, { readonly: true, fileMustExist: true });
  let stored: { truncated: number; subject: string; snippet: string } | undefined;
  try {
    stored = reader
      .prepare('select truncated, subject, snippet from interactions where message_key = ?')
      .get(world.hugeMessageId) as typeof stored;
  } finally {
    reader.close();
  }
  const growth = (sync.commandPeak - sync.rssBefore) / MB;
  const logged = Boolean(stored && stored.subject.length > 0);
  const truncated = stored?.truncated === 1;
  return [
    row({
      id: 'P6.rss_growth',
      label:
        `peak RSS growth while syncing the ${(world.hugeBytes / MB).toFixed(0)} MB message (maxMessageBytes ` +
        `25 MB)`,
      measured: growth,
      baseline: sync.rssBefore / MB,
      ratio: null,
      target: '<= 200 MB growth',
      met: sync.code === 0 && growth <= 200,
      unit: 'MB',
      note:
        `baseline = RSS before the sync; sync took ${(sync.workMs / 1000).toFixed(2)} ` +
        `s${sync.code === 0 ? '' : `, exit ${sync.code}: ${sync.stderr.slice(-200)}`}`,
    }),
    row({
      id: 'P6.logged_truncated',
      label: 'the 50 MB message: headers logged, body truncated',
      measured: logged && truncated ? 1 : 0,
      baseline: null,
      target: 'logged, truncated',
      met: logged && truncated,
      unit: '',
      note: stored
        ? `interaction stored with subject "${stored.subject}", truncated=${stored.truncated}`
        : 'no interaction stored for the message',
    }),
  ];
}
