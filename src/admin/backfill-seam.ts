// Adapts the injected backfill to the library use cases' seam (called after their commit) and keeps what it
// found, so the page can say "3 earlier messages logged" next to "address added".
import type { BackfillAddresses } from '../library/update-candidate.js';
import type { AdminServices } from './admin-context.js';

export interface BackfillRun {
  option: { backfill?: BackfillAddresses };
  /** The backfill's report, or null when it did not run. */
  report(): string | null;
}

export function backfillRun(services: AdminServices): BackfillRun {
  const backfill = services.deps.backfill;
  let report: string | null = null;
  if (!backfill) return { option: {}, report: () => null };
  return {
    option: {
      backfill: async (_candidateId, keys) => {
        report = await backfill(keys);
      },
    },
    report: () => report,
  };
}
