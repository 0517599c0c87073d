import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, reconnectDelayMs, scaleBackoff } from './backoff.js';

describe('reconnectDelayMs', () => {
  it.each([
    [1, 2_000],
    [2, 3_000],
    [3, 4_500],
    [6, 15_188],
    [8, 30_000],
    [50, 30_000],
  ])('attempt %i waits about %i ms without jitter', (attempt, expected) => {
    expect(reconnectDelayMs(attempt, 0.5)).toBe(expected);
  });

  it('keeps jitter within ±20%', () => {
    expect(reconnectDelayMs(1, 0)).toBe(1_600);
    expect(reconnectDelayMs(1, 0.999_999)).toBe(2_400);
    expect(reconnectDelayMs(50, 0)).toBe(24_000);
  });

  it('waits minutes after an authentication failure', () => {
    expect(reconnectDelayMs(1, 0.5, DEFAULT_BACKOFF, 'auth')).toBe(300_000);
  });

  it('never allows more than 30 logins in 10 minutes against a server that drops every connection', () => {
    let elapsed = 0;
    let logins = 0;
    for (let attempt = 1; elapsed < 600_000; attempt++) {
      logins++;
      elapsed += reconnectDelayMs(attempt, 0); // the shortest jitter is the worst case
    }
    expect(logins).toBeLessThanOrEqual(30);
  });

  it('scales a policy for fast tests', () => {
    expect(reconnectDelayMs(2, 0.5, scaleBackoff(DEFAULT_BACKOFF, 0.001))).toBe(3);
  });
});
