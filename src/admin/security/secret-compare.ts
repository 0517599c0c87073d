// Compares secrets (the admin token, a CSRF token, a cookie's signature) in constant time whatever their
// lengths: both sides are HMAC'd with a per-process key first, so timingSafeEqual always sees 32 bytes.
import crypto from 'node:crypto';

const KEY = crypto.randomBytes(32);

export function secretsEqual(given: string, expected: string): boolean {
  const a = crypto.createHmac('sha256', KEY).update(given, 'utf8').digest();
  const b = crypto.createHmac('sha256', KEY).update(expected, 'utf8').digest();
  return crypto.timingSafeEqual(a, b);
}
