// Everything keepwarm encrypts or signs goes through one keyring made from the secret key. Each use gets
// its own subkey (HKDF with the purpose as info), so a token signed for one purpose never verifies for
// another and a leak of one derived key reveals nothing of the others.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { KeepwarmError } from '../errors.js';

/** Every purpose a derived key is used for; adding one here is how a new use of the secret starts. */
export type SecretPurpose = 'oauth-tokens' | 'reply-commands' | 'sign-in' | 'signed-links' | 'sessions';

export interface Keyring {
  /** AES-256-GCM; the result is text safe to store (`v1.<nonce>.<ciphertext+tag>`, base64url). */
  seal(purpose: SecretPurpose, plaintext: string): string;
  /** The plaintext, or a `secret_key` error when the text was sealed with another key or altered. */
  open(purpose: SecretPurpose, sealed: string): string;
  /** HMAC-SHA256 of data, base64url, truncated to `bytes` (default 32; at least 16). */
  sign(purpose: SecretPurpose, data: string, bytes?: number): string;
  /** Constant-time check of a signature made by sign() with the same length. */
  verify(purpose: SecretPurpose, data: string, signature: string): boolean;
}

const SEALED_VERSION = 'v1';

export function createKeyring(secretKey: Buffer): Keyring {
  if (secretKey.length !== 32) throw new KeepwarmError('secret_key', 'the secret key must be 32 bytes');
  const derived = new Map<SecretPurpose, Buffer>();
  const keyFor = (purpose: SecretPurpose): Buffer => {
    let key = derived.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), `keepwarm ${purpose}`, 32));
      derived.set(purpose, key);
    }
    return key;
  };

  const sign = (purpose: SecretPurpose, data: string, bytes = 32): string => {
    if (bytes < 16 || bytes > 32) throw new RangeError('signature length must be 16..32 bytes');
    return createHmac('sha256', keyFor(purpose)).update(data, 'utf8').digest().subarray(0, bytes).toString('base64url');
  };

  return {
    seal(purpose, plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), nonce);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${SEALED_VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(purpose, sealed) {
      const [version, nonceText, bodyText] = sealed.split('.');
      if (version !== SEALED_VERSION || !nonceText || !bodyText) {
        throw new KeepwarmError('secret_key', 'not a value keepwarm sealed');
      }
      const body = Buffer.from(bodyText, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(nonceText, 'base64url'));
        decipher.setAAD(Buffer.from(purpose));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new KeepwarmError('secret_key', 'a stored secret cannot be read with this KEEPWARM_SECRET_KEY', {
          cause,
        });
      }
    },
    sign,
    verify(purpose, data, signature) {
      const given = Buffer.from(signature, 'base64url');
      if (given.length < 16 || given.length > 32) return false;
      const expected = Buffer.from(sign(purpose, data, given.length), 'base64url');
      return timingSafeEqual(given, expected);
    },
  };
}
