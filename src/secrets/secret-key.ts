// The one secret keepwarm encrypts and signs with (OAuth tokens, reply-command tokens, sign-in links).
// It comes from the environment only: never from the config file, never stored in the library, never logged.
import { KeepwarmError } from '../errors.js';

export const SECRET_KEY_VARIABLE = 'KEEPWARM_SECRET_KEY';

/** How to make a key, printed wherever one is missing or malformed. */
export const SECRET_KEY_HOWTO =
  `make one with \`openssl rand -base64 32\` and set it as ${SECRET_KEY_VARIABLE} in keepwarm's environment ` +
  '(keep it with your other secrets: losing it means reconnecting OAuth mailboxes; changing it invalidates ' +
  'open sign-in links and digest reply tokens)';

/** 32 random bytes as base64 (standard or URL-safe) or 64 hex digits. */
export function parseSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

/**
 * The key from the environment, or undefined when the variable is not set. A set but malformed value is an
 * error, not "no key": silently running without the secret the admin meant to give would be worse.
 */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env[SECRET_KEY_VARIABLE];
  if (value === undefined || value.trim() === '') return undefined;
  const key = parseSecretKey(value);
  if (!key) {
    throw new KeepwarmError(
      'secret_key',
      `${SECRET_KEY_VARIABLE} is not 32 bytes of base64 or hex: ${SECRET_KEY_HOWTO}`,
    );
  }
  return key;
}

/** The key, or a clear error naming what needed it. */
export function requireSecretKey(env: NodeJS.ProcessEnv, neededFor: string): Buffer {
  const key = secretKeyFromEnv(env);
  if (!key) throw new KeepwarmError('secret_key', `${neededFor} needs ${SECRET_KEY_VARIABLE}: ${SECRET_KEY_HOWTO}`);
  return key;
}
