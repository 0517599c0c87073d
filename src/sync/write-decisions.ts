// Writes a batch of decisions and the position they lead to, in one transaction: after a crash
// either the whole batch and its position are there, or neither is and the batch is replayed.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { MessageDecision, SourceRef } from '../core/message-record.js';
import {
  clearQuarantine,
  recordMessage,
  recordQuarantine,
  recordUnmatchedSightings,
  type UnmatchedSighting,
} from './library-writes.js';
import { savePosition, type PositionUpdate } from './mailbox-positions.js';
import { inWriteTransaction } from '../db/write-transaction.js';

export interface DecisionCounts {
  seen: number;
  logged: number;
  duplicates: number;
  ignored: number;
  unmatched: number;
  quarantined: number;
}

export function emptyCounts(): DecisionCounts {
  return { seen: 0, logged: 0, duplicates: 0, ignored: 0, unmatched: 0, quarantined: 0 };
}

const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof DecisionCounts)[];

export function addCounts(into: DecisionCounts, more: DecisionCounts): void {
  for (const key of COUNT_KEYS) into[key] += more[key];
}

export interface DecidedMessage {
  source: SourceRef;
  decision: MessageDecision;
}

export async function writeDecisions(
  db: Kysely<Database>,
  decided: readonly DecidedMessage[],
  position: { mailbox: string; folder: string; update: PositionUpdate } | null,
  now: string,
  beforeCommit?: () => void | Promise<void>,
): Promise<DecisionCounts> {
  // BEGIN IMMEDIATE: a batch reads before it writes, and a deferred transaction could not wait for
  // the write lock held by a CLI import or the admin page; this one queues for it instead.
  return inWriteTransaction(db, async (trx) => {
    const counts = emptyCounts();
    // Strangers go to the triage list together at the end of the batch, in one write.
    const sightings: UnmatchedSighting[] = [];
    for (const { source, decision } of decided) {
      counts.seen++;
      switch (decision.action) {
        case 'log': {
          const written = await recordMessage(trx, decision.record, source);
          counts.logged += written.logged;
          counts.duplicates += written.duplicates;
          if (written.logged > 0) for (const party of decision.unmatched) sightings.push({ ...party, at: decision.at });
          await clearQuarantine(trx, source);
          break;
        }
        case 'unmatched':
          for (const party of decision.unmatched) sightings.push({ ...party, at: decision.at });
          counts.unmatched++;
          break;
        case 'ignore':
          counts.ignored++;
          break;
        case 'quarantine':
          await recordQuarantine(trx, source, decision, now);
          counts.quarantined++;
          break;
      }
    }
    await recordUnmatchedSightings(trx, sightings);
    if (position) await savePosition(trx, position.mailbox, position.folder, position.update);
    await beforeCommit?.();
    return counts;
  });
}
