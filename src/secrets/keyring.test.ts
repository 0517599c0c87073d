import { describe, expect, it } from 'vitest';
import { createKeyring } from './keyring.js';
import { parseSecretKey, requireSecretKey, secretKeyFromEnv } from './secret-key.js';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

describe('keyring', () => {
  it('opens what it sealed, and never leaves the plaintext in the sealed text', () => {
    const keyring = createKeyring(key);
    const sealed = keyring.seal('oauth-tokens', 'refresh-token-123');
    expect(sealed).not.toContain('refresh-token-123');
    expect(keyring.open('oauth-tokens', sealed)).toBe('refresh-token-123');
  });

  it('seals the same text differently each time', () => {
    const keyring = createKeyring(key);
    expect(keyring.seal('oauth-tokens', 'x')).not.toBe(keyring.seal('oauth-tokens', 'x'));
  });

  it('refuses a value sealed with another key, for another purpose, or altered', () => {
    const sealed = createKeyring(key).seal('oauth-tokens', 'secret');
    expect(() => createKeyring(otherKey).open('oauth-tokens', sealed)).toThrow(/cannot be read/);
    expect(() => createKeyring(key).open('sessions', sealed)).toThrow(/cannot be read/);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => createKeyring(key).open('oauth-tokens', altered)).toThrow(/cannot be read/);
    expect(() => createKeyring(key).open('oauth-tokens', 'plain')).toThrow(/not a value keepwarm sealed/);
  });

  it('verifies its own signatures only, per purpose and key', () => {
    const keyring = createKeyring(key);
    const signature = keyring.sign('reply-commands', 'run-42', 16);
    expect(keyring.verify('reply-commands', 'run-42', signature)).toBe(true);
    expect(keyring.verify('reply-commands', 'run-43', signature)).toBe(false);
    expect(keyring.verify('sign-in', 'run-42', signature)).toBe(false);
    expect(createKeyring(otherKey).verify('reply-commands', 'run-42', signature)).toBe(false);
    expect(keyring.verify('reply-commands', 'run-42', 'short')).toBe(false);
  });
});

describe('secret key from the environment', () => {
  it('reads base64, base64url and hex of 32 bytes', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    expect(parseSecretKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseSecretKey('too-short')).toBeUndefined();
  });

  it('is absent when unset, and an error when malformed or needed and missing', () => {
    expect(secretKeyFromEnv({})).toBeUndefined();
    expect(() => secretKeyFromEnv({ KEEPWARM_SECRET_KEY: 'nope' })).toThrow(/openssl rand -base64 32/);
    expect(() => requireSecretKey({}, 'mailbox "m365"')).toThrow(/mailbox "m365" needs KEEPWARM_SECRET_KEY/);
  });
});
