// Who the digests list right now, and why: the candidate list's "due" filter and "most overdue" sort, and the
// dashboard's counts. It comes from the digest use case itself (no second copy of the rules), computed at most
// once per `ttlMs` (an older one is served while the next is made) and again after an admin change, because
// at 100,000 candidates it is the costly read.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { prepareDigestStream, type DigestConfig } from '../digest/prepare-digests.js';
import type { ReasonCode } from '../digest/digest-types.js';

export interface DueCandidate {
  codes: ReasonCode[];
  overdueDays: number;
}

export interface DueSnapshot {
  at: Date;
  byCandidate: ReadonlyMap<number, DueCandidate>;
  /** Candidate ids, most overdue check-in first, then the digests' own order. */
  ranking: readonly number[];
  comingUp: number;
  optOutsToConfirm: number;
}

export interface DueSnapshots {
  get(): Promise<DueSnapshot>;
  /** The cached snapshot if it is fresh, without computing one (for pages that only decorate with it). */
  peek(): DueSnapshot | null;
  invalidate(): void;
}

export function createDueSnapshots(deps: {
  db: Kysely<Database>;
  config: DigestConfig;
  now: () => Date;
  ttlMs?: number;
}): DueSnapshots {
  const ttlMs = deps.ttlMs ?? 2 * 60_000;
  let cached: DueSnapshot | null = null;
  let pending: { generation: number; promise: Promise<DueSnapshot> } | null = null;
  // Bumped by invalidate(), so a computation that started before a change is not cached after it.
  let generation = 0;

  async function compute(): Promise<DueSnapshot> {
    const at = deps.now();
    const byCandidate = new Map<number, DueCandidate>();
    const order: number[] = [];
    let comingUp = 0;
    let optOutsToConfirm = 0;
    for await (const digest of prepareDigestStream(deps.db, deps.config, { now: at })) {
      // At 100,000 candidates every digest together takes seconds; other requests (and /healthz) are
      // served between one recruiter's digest and the next instead of waiting for all of them.
      await new Promise<void>((resolve) => setImmediate(resolve));
      comingUp += digest.comingUp.length;
      optOutsToConfirm += digest.confirmOptOut.length;
      for (const entry of digest.entries) {
        const overdue = entry.reasons.reduce(
          (days, r) => (r.code === 'check_in_due' ? Math.max(days, r.overdueDays) : days),
          0,
        );
        byCandidate.set(entry.candidate.id, { codes: entry.reasons.map((r) => r.code), overdueDays: overdue });
        order.push(entry.candidate.id);
      }
    }
    const position = new Map(order.map((id, i) => [id, i]));
    const ranking = [...order].sort(
      (a, b) =>
        (byCandidate.get(b)?.overdueDays ?? 0) - (byCandidate.get(a)?.overdueDays ?? 0) ||
        (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
    return { at, byCandidate, ranking, comingUp, optOutsToConfirm };
  }

  function refresh(): Promise<DueSnapshot> {
    // A computation started before a change (invalidate) is neither reused nor cached after it.
    if (pending && pending.generation === generation) return pending.promise;
    const started = generation;
    const promise: Promise<DueSnapshot> = compute()
      .then((snapshot) => {
        if (started === generation) cached = snapshot;
        return snapshot;
      })
      .finally(() => {
        if (pending?.promise === promise) pending = null;
      });
    pending = { generation: started, promise };
    return promise;
  }

  return {
    async get() {
      if (cached && deps.now().getTime() - cached.at.getTime() < ttlMs) return cached;
      // Only older than the TTL (nothing changed here since): keep answering with it while a new one is made.
      if (cached) {
        refresh().catch(() => undefined); // a failed refresh leaves the old one; the next get tries again
        return cached;
      }
      return refresh();
    },
    peek() {
      return cached && deps.now().getTime() - cached.at.getTime() < ttlMs ? cached : null;
    },
    invalidate() {
      generation += 1;
      cached = null;
    },
  };
}
