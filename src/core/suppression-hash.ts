// An erased person must stay erased when their mail is synced again, but keeping their address to recognise it
// would defeat the erasure. So keepwarm keeps only a keyed hash of the address key (HMAC-SHA256), checked by the
// sync and the import before anything is stored.
import { createHmac } from 'node:crypto';

/**
 * A fixed, app-wide key. It is not a secret that protects the hash (an address can be guessed and hashed by
 * anyone with the source); it only makes keepwarm's hashes differ from a plain SHA-256 of the address that other
 * leaked lists use, so they cannot be joined against those. It must never change: every stored hash depends on it.
 */
const SUPPRESSION_SALT = 'keepwarm/suppression/v1';

/** The hash stored in `suppressions.email_hash` for an address key (see addressKey). Hex, 64 characters. */
export function suppressionHash(addressKey: string): string {
  return createHmac('sha256', SUPPRESSION_SALT).update(addressKey, 'utf8').digest('hex');
}
