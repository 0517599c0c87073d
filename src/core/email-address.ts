// Addresses are how mail finds people in the library, so every path (CSV import, sync, backfill, erase)
// must agree on one normal form: the "key" under which an address is stored and looked up.

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

// Deliberately simple: we need to reject typos in a spreadsheet, not implement RFC 5321.
const ADDRESS_PATTERN = /^[^\s@<>(),;:"[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export function isValidAddress(raw: string): boolean {
  return ADDRESS_PATTERN.test(raw.trim());
}

/**
 * The key an address is matched by: lower-cased, `+tag` removed, and for Gmail the dots in the local
 * part removed and googlemail.com folded into gmail.com (they are one mailbox). Returns null for
 * something that is not an address.
 */
export function addressKey(raw: string): string | null {
  const trimmed = raw.trim().toLowerCase();
  if (!ADDRESS_PATTERN.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  if (local.length === 0) return null;
  return `${local}@${domain}`;
}

/** The domain of an address, lower-cased, or null. */
export function addressDomain(raw: string): string | null {
  const key = raw.trim().toLowerCase();
  const at = key.lastIndexOf('@');
  return at > 0 ? key.slice(at + 1) : null;
}

/** The address inside a From-style value: "keepwarm <keepwarm@agency.example>" -> "keepwarm@agency.example". */
export function bareAddress(from: string): string {
  return /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}
