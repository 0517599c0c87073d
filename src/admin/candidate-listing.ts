// The candidate list's query string, checked against allowlists, turned into a search of the library and
// decorated with why the digest lists each person. Shared by the page and GET /api/candidates.
import { z } from 'zod';
import { CANDIDATE_STATUSES } from '../db/schema.js';
import { REASON_ORDER } from '../digest/digest-types.js';
import { addressKey } from '../core/email-address.js';
import { KeepwarmError } from '../errors.js';
import {
  loadSummaries,
  searchCandidates,
  type CandidateFilters,
  type CandidateSummary,
} from '../library/candidate-search.js';
import { recruiterIdsByAddressKey } from '../library/recruiter-repository.js';
import type { AdminServices } from './admin-context.js';
import type { DueCandidate } from './due-snapshot.js';

export const PAGE_SIZE = 50;
export const LIST_SORTS = ['name', 'last_contact', 'overdue'] as const;
export const DUE_FILTERS = ['any', ...REASON_ORDER] as const;

const blankIsAbsent = (value: unknown): unknown => (value === '' ? undefined : value);

export const candidateListQuery = z.object({
  q: z.string().max(200, 'at most 200 characters').optional(),
  status: z.preprocess(blankIsAbsent, z.enum(CANDIDATE_STATUSES).optional()),
  /** A recruiter's address (or alias), or "none". */
  owner: z.preprocess(blankIsAbsent, z.string().max(254).optional()),
  due: z.preprocess(blankIsAbsent, z.enum(DUE_FILTERS).optional()),
  sort: z.preprocess(blankIsAbsent, z.enum(LIST_SORTS).default('name')),
  page: z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(1_000_000).default(1)),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

export interface ListedCandidate extends CandidateSummary {
  due: DueCandidate | null;
}

export interface CandidateListing {
  query: CandidateListQuery;
  total: number;
  page: number;
  pages: number;
  rows: ListedCandidate[];
  /** When the due information was computed; null when none was at hand. */
  dueAt: Date | null;
}

export async function listCandidatesForAdmin(
  services: AdminServices,
  query: CandidateListQuery,
): Promise<CandidateListing> {
  const { db } = services.deps;
  const filters: CandidateFilters = {};
  if (query.q?.trim()) filters.text = query.q.trim();
  if (query.status) filters.status = query.status;
  if (query.owner === 'none') filters.owner = 'none';
  else if (query.owner) {
    const id = (await services.cache.get('recruiter-ids', () => recruiterIdsByAddressKey(db))).get(
      addressKey(query.owner) ?? '',
    );
    if (id === undefined) throw new KeepwarmError('invalid_input', `No recruiter has the address ${query.owner}.`);
    filters.owner = id;
  }
  const offset = (query.page - 1) * PAGE_SIZE;
  // The digest is the costly read: computed only when the filter or the sort needs it, else used if fresh.
  const needsDue = query.due !== undefined || query.sort === 'overdue';
  const snapshot = needsDue ? await services.due.get() : services.due.peek();
  let found: { total: number; rows: CandidateSummary[] };
  if (needsDue && snapshot) {
    const page = await services.dueListing.page({
      snapshot,
      filters,
      due: query.due,
      sort: query.sort,
      limit: PAGE_SIZE,
      offset,
    });
    found = { total: page.total, rows: await loadSummaries(db, page.ids) };
  } else {
    const sort = query.sort === 'last_contact' ? 'last_contact' : 'name';
    found = await searchCandidates(
      db,
      { ...filters, sort, limit: PAGE_SIZE, offset },
      { textMatches: services.textMatches, cache: services.cache },
    );
  }
  return {
    query,
    total: found.total,
    page: query.page,
    pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    rows: found.rows.map((row) => ({ ...row, due: snapshot?.byCandidate.get(row.id) ?? null })),
    dueAt: snapshot?.at ?? null,
  };
}
