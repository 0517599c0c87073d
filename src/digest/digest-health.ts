// Sync health for one recruiter's digest: a digest built on a stalled sync is wrong in ways its reader
// cannot see, so say so: mailboxes failing or stale, and a recruiter whose BCC copies stopped arriving.
import { formatDay } from './calendar.js';
import type { DigestOptions } from './select-digest.js';
import type { HealthNote } from './digest-types.js';
import type { DigestWorld, WorldMailboxFolder, WorldRecruiter } from './digest-world.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Failing: the latest attempt ended in an error (no success since). */
export function isFailing(folder: WorldMailboxFolder): boolean {
  if (!folder.lastError) return false;
  if (!folder.lastSuccessAt) return true;
  return folder.lastErrorAt !== null && folder.lastErrorAt.getTime() >= folder.lastSuccessAt.getTime();
}

export function isStale(folder: WorldMailboxFolder, now: Date, staleMailboxHours: number): boolean {
  return !folder.lastSuccessAt || now.getTime() - folder.lastSuccessAt.getTime() > staleMailboxHours * HOUR_MS;
}

const oldest = (folders: readonly WorldMailboxFolder[]): Date | null => {
  if (folders.some((folder) => !folder.lastSuccessAt)) return null;
  const times = folders.map((folder) => (folder.lastSuccessAt as Date).getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

/** The sync writes folder '*' when it cannot reach the mailbox at all (deleted once it connects again). */
const WHOLE_MAILBOX = '*';

function mailboxNotes(
  name: string,
  folders: readonly WorldMailboxFolder[],
  recruiter: WorldRecruiter,
  options: DigestOptions,
): HealthNote[] {
  const real = folders.filter((folder) => folder.folder !== WHOLE_MAILBOX);
  const unreachable = folders.find((folder) => folder.folder === WHOLE_MAILBOX && isFailing(folder));
  // An unreachable mailbox fails as a whole: its folders' last good sync says since when mail is missing.
  const failing = unreachable ? [unreachable] : real.filter(isFailing);
  const failingSince = unreachable ? oldest(real) : oldest(failing);
  const stale = unreachable
    ? []
    : folders.filter((folder) => !isFailing(folder) && isStale(folder, options.now, options.rules.staleMailboxHours));
  const notes: HealthNote[] = [];
  const missing = (at: Date | null): string =>
    at ? `mail since ${formatDay(at, recruiter.timezone)} may be missing from this digest` : 'it has never synced';
  if (failing.length > 0) {
    const latest = [...failing].sort((a, b) => (b.lastErrorAt?.getTime() ?? 0) - (a.lastErrorAt?.getTime() ?? 0))[0];
    notes.push({
      code: 'mailbox_failing',
      mailbox: name,
      folders: failing.map((folder) => folder.folder),
      at: failingSince,
      detail: `Mailbox "${name}" is failing (${latest?.lastError ?? 'unknown error'}): ${missing(failingSince)}.`,
    });
  }
  if (stale.length > 0) {
    const at = oldest(stale);
    const detail = at
      ? `Mailbox "${name}" has not synced for over ${options.rules.staleMailboxHours} hours: ${missing(at)}.`
      : `Mailbox "${name}" has never synced: mail there is missing from this digest.`;
    notes.push({ code: 'mailbox_stale', mailbox: name, folders: stale.map((folder) => folder.folder), at, detail });
  }
  return notes;
}

function logCopyNote(
  world: Omit<DigestWorld, 'candidates'>,
  recruiter: WorldRecruiter,
  options: DigestOptions,
): HealthNote[] {
  if (!world.hasLogMailbox || recruiter.hasOwnMailbox) return [];
  const days = options.rules.silentRecruiterDays;
  const last = recruiter.lastLogCopyAt;
  if (last && options.now.getTime() - last.getTime() <= days * DAY_MS) return [];
  const address = world.logAddress ? ` (${world.logAddress})` : '';
  const detail =
    `No BCC copy from you in ${days} days: keepwarm only sees mail you BCC or CC to the log address${address}, ` +
    'so people you wrote to may be listed as not contacted.';
  return [{ code: 'no_log_copy', mailbox: null, folders: [], at: last, detail }];
}

/** The log mailbox concerns everyone; a recruiter's own mailbox concerns only them. */
export function healthFor(
  world: Omit<DigestWorld, 'candidates'>,
  recruiter: WorldRecruiter,
  options: DigestOptions,
): HealthNote[] {
  const byMailbox = new Map<string, WorldMailboxFolder[]>();
  for (const folder of world.mailboxes) {
    if (folder.recruiterId !== null && folder.recruiterId !== recruiter.id) continue;
    byMailbox.set(folder.mailbox, [...(byMailbox.get(folder.mailbox) ?? []), folder]);
  }
  const notes = [...byMailbox].flatMap(([name, folders]) => mailboxNotes(name, folders, recruiter, options));
  return [...notes, ...logCopyNote(world, recruiter, options)];
}
