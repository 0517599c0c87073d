// The digest exactly as one recruiter's email would carry it, as of a moment: the same use case, view model
// and templates as `keepwarm digest` and the weekly sender. Shared by the preview page, its frame and the API.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Digest } from '../digest/digest-types.js';
import { prepareDigests, renderDigestMail } from '../digest/prepare-digests.js';
import type { RenderedDigest } from '../digest/render-digest.js';
import { KeepwarmError } from '../errors.js';
import { listRecruiters, type RecruiterListing } from '../library/recruiter-repository.js';
import type { AdminServices } from './admin-context.js';

export const digestQuery = z.object({
  recruiter: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  /** A day (YYYY-MM-DD) or a local time (YYYY-MM-DDTHH:MM) in the agency's zone; blank for now. */
  at: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
});
export type DigestQuery = z.infer<typeof digestQuery>;

export interface DigestPreview {
  recruiters: RecruiterListing[];
  recruiter: RecruiterListing | null;
  at: Date;
  atText: string;
  digest: Digest | null;
  mail: RenderedDigest | null;
}

/** Parses `at` in the agency's zone; a bare day means 08:00 that morning, when a digest usually goes out. */
export function parseMoment(text: string | undefined, zone: string, now: Date): Date {
  if (!text) return now;
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(trimmed))
    throw new KeepwarmError(
      'invalid_input',
      `at: "${text}" is not a date (YYYY-MM-DD) or a local time (YYYY-MM-DDTHH:MM)`,
    );
  const parsed = DateTime.fromISO(trimmed, { zone });
  if (!parsed.isValid) throw new KeepwarmError('invalid_input', `at: "${text}" is not a calendar date`);
  return (trimmed.length === 10 ? parsed.set({ hour: 8 }) : parsed).toJSDate();
}

export async function previewDigest(services: AdminServices, query: DigestQuery): Promise<DigestPreview> {
  const { db, config, now } = services.deps;
  const at = parseMoment(query.at, services.zone, now());
  const recruiters = await listRecruiters(db);
  const recruiter =
    query.recruiter === undefined
      ? (recruiters[0] ?? null)
      : (recruiters.find((r) => r.id === query.recruiter) ?? null);
  if (query.recruiter !== undefined && !recruiter)
    throw new KeepwarmError('not_found', `There is no recruiter with id ${query.recruiter}.`);
  const atText = DateTime.fromJSDate(at, { zone: services.zone }).toFormat("yyyy-MM-dd'T'HH:mm");
  if (!recruiter) return { recruiters, recruiter, at, atText, digest: null, mail: null };
  const [digest] = await prepareDigests(db, config, { now: at, recruiterId: recruiter.id });
  const mail = digest ? renderDigestMail(digest, config, services.renderer()) : null;
  return { recruiters, recruiter, at, atText, digest: digest ?? null, mail };
}
