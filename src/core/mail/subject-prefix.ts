// Clients prefix subjects in their own language ("AW:", "WG:", "TR:"...). Identity hashing and forward
// detection both need to see through those prefixes, so the lists live in one place.

// Forward prefixes: Fwd/Fw (English), WG (German "Weitergeleitet"), TR (French "Transféré"), RV (Spanish
// "Reenviado"), VS (Danish/Norwegian "Videresendt"; note Finnish Outlook uses VS for *replies*), Doorst
// (Dutch "Doorsturen"), I (Italian "Inoltrato"), Enc (Portuguese "Encaminhado").
const FORWARD_PREFIX = /^(?:fwd?|wg|tr|rv|vs|doorst|i|enc)\s*:/i;
// Reply prefixes: Re, AW (German), Antw (Dutch), SV (Scandinavian), R/RIF (Italian), RES (Portuguese), Odp (Polish).
const ANY_PREFIX = /^(?:re|aw|antw|sv|rif|r|res|odp|fwd?|wg|tr|rv|vs|doorst|i|enc)(?:\[\d+\])?\s*:\s*/i;
// Corporate gateways tag external mail ("[EXT]", "[External]") before the client's own prefix.
const TAG = /^\[[^\]]{1,20}\]\s*/;

/** True when the subject starts with a forward prefix (after any "[EXT]"-style tag): "Fwd:", "FW:", "WG:"... */
export function isForwardSubject(subject: string): boolean {
  return FORWARD_PREFIX.test(subject.trim().replace(TAG, ''));
}

/** The subject without reply/forward prefixes and tags, whitespace collapsed, lower-cased. */
export function normaliseSubject(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = rest.replace(TAG, '').replace(ANY_PREFIX, '');
    if (next === rest) break;
    rest = next;
  }
  return rest.toLowerCase();
}
