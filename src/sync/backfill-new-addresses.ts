// Adding an address or a candidate to the library finds their earlier mail: the CLI and the admin page
// call this after the change commits. Addresses are searched in small groups, so one import of many
// people does not become one enormous IMAP SEARCH.
import type { Kysely } from 'kysely';
import type { LoadedConfig } from '../config/load-config.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log/logger.js';
import { createSyncService } from './sync-service.js';
import { addCounts, emptyCounts, type DecisionCounts } from './write-decisions.js';

const ADDRESSES_PER_SEARCH = 20;

export interface BackfillSummary extends DecisionCounts {
  addresses: number;
  errors: string[];
}

export async function backfillNewAddresses(
  deps: { db: Kysely<Database>; loaded: LoadedConfig; logger: Logger; now: () => Date },
  addressKeys: readonly string[],
): Promise<BackfillSummary | null> {
  if (addressKeys.length === 0 || deps.loaded.config.mailboxes.length === 0) return null;
  const summary: BackfillSummary = { addresses: addressKeys.length, errors: [], ...emptyCounts() };
  const service = createSyncService(deps);
  try {
    for (let i = 0; i < addressKeys.length; i += ADDRESSES_PER_SEARCH) {
      for (const result of await service.backfill(addressKeys.slice(i, i + ADDRESSES_PER_SEARCH))) {
        for (const folder of result.folders) addCounts(summary, folder);
        for (const error of result.errors)
          if (!summary.errors.includes(`${result.mailbox}: ${error.message}`))
            summary.errors.push(`${result.mailbox}: ${error.message}`);
      }
    }
  } finally {
    await service.close();
  }
  return summary;
}

export function describeBackfill(summary: BackfillSummary): string {
  const base = `searched the mailboxes for ${summary.addresses} new address(es): ${summary.logged} earlier message(s) logged`;
  return summary.errors.length > 0 ? `${base}; could not search ${summary.errors.join('; ')}` : base;
}
