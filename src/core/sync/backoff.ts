// Pure delay math for reconnecting to a mail server; the poller owns the timers. About 2 s x1.5 up
// to 30 s with jitter, so a flapping server is not hammered and many clients do not reconnect in step.
// An authentication failure waits longer: the password will not fix itself in 30 seconds.

export interface BackoffPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Fraction of the delay that is randomised: 0.2 means ±20%. */
  jitter: number;
  /** Delay after an authentication failure, also jittered. */
  authFailureMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 2_000,
  factor: 1.5,
  maxMs: 30_000,
  jitter: 0.2,
  authFailureMs: 5 * 60_000,
};

/**
 * The delay before reconnect attempt number `attempt` (1 for the first retry). `random` is in [0, 1)
 * and is passed in so tests are deterministic.
 */
export function reconnectDelayMs(
  attempt: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  cause: 'transient' | 'auth' = 'transient',
): number {
  const base =
    cause === 'auth'
      ? policy.authFailureMs
      : Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1));
  const spread = base * policy.jitter * (2 * random - 1);
  return Math.max(0, Math.round(base + spread));
}

/** Scales every duration of a policy, so tests can run the real schedule on a fast clock. */
export function scaleBackoff(policy: BackoffPolicy, scale: number): BackoffPolicy {
  return {
    ...policy,
    initialMs: policy.initialMs * scale,
    maxMs: policy.maxMs * scale,
    authFailureMs: policy.authFailureMs * scale,
  };
}
