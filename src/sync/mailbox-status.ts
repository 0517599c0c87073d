// The health of every configured mailbox, for `keepwarm status`, the admin dashboard and the
// digest's sync-health section: ok, failing (last attempt errored) or stale (no success for too long).
import type { Kysely } from 'kysely';
import type { Config } from '../config/config-schema.js';
import type { Database } from '../db/schema.js';
import { listPositions } from './mailbox-positions.js';

export type FolderState = 'ok' | 'failing' | 'stale' | 'never_synced';

export interface FolderStatus {
  folder: string;
  state: FolderState;
  uidvalidity: string | null;
  lastUid: number;
  highestModseq: string | null;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorAt: string | null;
}

export interface MailboxStatus {
  name: string;
  role: 'log' | 'recruiter';
  recruiter: string | null;
  state: FolderState;
  folders: FolderStatus[];
}

const STATE_RANK: Record<FolderState, number> = { ok: 0, never_synced: 1, stale: 2, failing: 3 };

export function folderState(
  row: { last_error_at: string | null; last_success_at: string | null },
  now: Date,
  staleHours: number,
): FolderState {
  if (row.last_error_at && (!row.last_success_at || row.last_error_at >= row.last_success_at)) return 'failing';
  if (!row.last_success_at) return 'never_synced';
  return now.getTime() - Date.parse(row.last_success_at) > staleHours * 3600_000 ? 'stale' : 'ok';
}

export async function readMailboxStatus(
  db: Kysely<Database>,
  config: Readonly<Config>,
  now: Date,
): Promise<{ at: string; mailboxes: MailboxStatus[] }> {
  const positions = await listPositions(db);
  const mailboxes = config.mailboxes.map((mailbox): MailboxStatus => {
    const folders = positions
      .filter((p) => p.mailbox === mailbox.name)
      .map((p): FolderStatus => ({
        folder: p.folder,
        state: folderState(p, now, config.rules.staleMailboxHours),
        uidvalidity: p.uidvalidity,
        lastUid: p.last_uid,
        highestModseq: p.highest_modseq,
        lastSyncAt: p.last_sync_at,
        lastSuccessAt: p.last_success_at,
        lastError: p.last_error,
        lastErrorCode: p.last_error_code,
        lastErrorAt: p.last_error_at,
      }));
    const state =
      folders.length === 0
        ? 'never_synced'
        : folders.reduce<FolderState>((worst, f) => (STATE_RANK[f.state] > STATE_RANK[worst] ? f.state : worst), 'ok');
    return { name: mailbox.name, role: mailbox.role, recruiter: mailbox.recruiter ?? null, state, folders };
  });
  return { at: now.toISOString(), mailboxes };
}
