// Slows token guessing per client address: after `freeFailures` failures within the window, each further
// failure locks the address out for twice as long as the last (1 min, 2, 4… up to an hour). While locked,
// even the right token is refused, or the lockout would only slow an attacker down. The clock is injected.
export interface ThrottleOptions {
  now: () => Date;
  freeFailures?: number;
  windowMs?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  /** Bounds memory when many addresses fail; the oldest entries are forgotten first. */
  maxTracked?: number;
}

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

export type ThrottleCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginThrottle {
  check(address: string): ThrottleCheck;
  failed(address: string): ThrottleCheck;
  succeeded(address: string): void;
}

export function createLoginThrottle(options: ThrottleOptions): LoginThrottle {
  const freeFailures = options.freeFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const baseLockMs = options.baseLockMs ?? 60_000;
  const maxLockMs = options.maxLockMs ?? 60 * 60_000;
  const maxTracked = options.maxTracked ?? 10_000;
  const entries = new Map<string, Entry>();
  const now = (): number => options.now().getTime();

  const current = (address: string): Entry | undefined => {
    const entry = entries.get(address);
    if (entry && entry.lockedUntil <= now() && now() - entry.firstAt > windowMs) {
      entries.delete(address);
      return undefined;
    }
    return entry;
  };
  const verdict = (entry: Entry | undefined): ThrottleCheck =>
    entry && entry.lockedUntil > now()
      ? { allowed: false, retryAfterSeconds: Math.ceil((entry.lockedUntil - now()) / 1000) }
      : { allowed: true };

  return {
    check: (address) => verdict(current(address)),
    failed(address) {
      const entry = current(address) ?? { failures: 0, firstAt: now(), lockedUntil: 0 };
      entry.failures += 1;
      if (entry.failures >= freeFailures) {
        entry.lockedUntil = now() + Math.min(maxLockMs, baseLockMs * 2 ** (entry.failures - freeFailures));
      }
      entries.delete(address);
      entries.set(address, entry);
      if (entries.size > maxTracked) entries.delete(entries.keys().next().value as string);
      return verdict(entry);
    },
    succeeded(address) {
      entries.delete(address);
    },
  };
}
