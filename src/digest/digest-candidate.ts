// Who a candidate belongs to and whether they may be listed at all: the guards every digest section shares.
import type { DigestCandidate } from './digest-types.js';
import type { WorldCandidate } from './digest-world.js';

/**
 * A candidate's digest is their owner's; without one, the recruiter of their latest interaction; and in a
 * one-recruiter agency, that recruiter's (else a library imported without owners would list nobody).
 */
/** In a one-recruiter agency, that recruiter: they get every candidate nobody else owns. */
export function soleRecruiterOf(recruiters: readonly { id: number }[]): number | null {
  return recruiters.length === 1 ? (recruiters[0]?.id ?? null) : null;
}

export function ownerOf(candidate: WorldCandidate, soleRecruiterId: number | null): number | null {
  return candidate.ownerRecruiterId ?? candidate.contact.latestRecruiterId ?? soleRecruiterId;
}

/** Why a candidate is never listed, or null. */
export function exclusionOf(candidate: WorldCandidate, now: Date): 'do_not_contact' | 'archived' | 'snoozed' | null {
  if (candidate.status === 'do_not_contact' || candidate.status === 'archived') return candidate.status;
  if (candidate.snoozedUntil && candidate.snoozedUntil.getTime() > now.getTime()) return 'snoozed';
  return null;
}

/** The name and primary address (else the first one) a digest line shows. */
export function candidateRef(candidate: WorldCandidate): DigestCandidate {
  const primary = candidate.emails.find((email) => email.isPrimary) ?? candidate.emails[0];
  return { id: candidate.id, name: candidate.name, email: primary?.email ?? null };
}
