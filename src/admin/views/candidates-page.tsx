// The talent library as a list: search, filters and sort in one GET form (bookmarkable, no script), fifty
// people a page, each with why the digest lists them.
import { CANDIDATE_STATUSES } from '../../db/schema.js';
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import {
  DUE_FILTERS,
  LIST_SORTS,
  PAGE_SIZE,
  type CandidateListing,
  type ListedCandidate,
} from '../candidate-listing.js';
import { Options, RecruiterOptions } from './components.js';
import { formatDay, REASON_LABELS, relativeDays, STATUS_LABELS } from './format.js';
import { markup, toJsx, type Markup } from './markup.js';

const SORT_LABELS: Record<string, string> = {
  name: 'Name',
  last_contact: 'Last contact (recent first)',
  overdue: 'Most overdue first',
};
const DUE_LABELS: Record<string, string> = { any: 'Due for any reason', ...REASON_LABELS };

export function pageHref(query: CandidateListing['query'], page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page: String(page) })) {
    if (
      value !== undefined &&
      value !== '' &&
      !(key === 'page' && value === '1') &&
      !(key === 'sort' && value === 'name')
    )
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/candidates?${text}` : '/candidates';
}

/**
 * The table's rows as one string (markup.ts) rather than JSX or html``: hono/jsx builds an object for each of
 * the ~700 elements of 50 rows, and html`` a buffer array for each value; at 100k candidates under P5's load
 * the rows were ~0.4 ms of a ~4 ms request, and are ~0.15 ms this way. Every value is escaped as JSX escapes
 * it; the same markup as StatusBadge and ReasonBadges.
 */
function candidateRows(rows: readonly ListedCandidate[], now: Date, zone: string): Markup[] {
  const today = now.toISOString();
  return rows.map((row) => {
    const snoozed =
      row.snoozedUntil && row.snoozedUntil > today
        ? markup`<span class="sub">snoozed to ${formatDay(row.snoozedUntil, zone)}</span>`
        : null;
    const owner = row.owner?.name || row.owner?.email || markup`<span class="muted">—</span>`;
    const contacted = row.lastContactAt ? markup`<span class="sub">${formatDay(row.lastContactAt, zone)}</span>` : null;
    const reasons =
      row.due && row.due.codes.length > 0
        ? markup`<span class="reasons">${row.due.codes.map((code) => markup`<span class="badge warn">${REASON_LABELS[code] ?? code}</span>`)}</span>`
        : null;
    const overdue =
      row.due && row.due.overdueDays > 0 ? markup`<span class="sub">${row.due.overdueDays} days overdue</span>` : null;
    return markup`<tr><td class="name-cell"><a href="/candidates/${row.id}">${row.name}</a><span class="sub">${row.primaryEmail ?? 'no address'}${row.bouncing ? ' · bouncing' : ''}</span></td><td><span class="badge ${row.status}">${STATUS_LABELS[row.status] ?? row.status}</span>${snoozed}</td><td>${owner}</td><td class="muted">${row.skills.slice(0, 4).join(', ')}</td><td>${relativeDays(row.lastContactAt, now, zone)}${contacted}</td><td>${reasons}${overdue}</td></tr>`;
  });
}

function Filters({ listing, recruiters }: { listing: CandidateListing; recruiters: RecruiterListing[] }) {
  const q = listing.query;
  return (
    <form method="get" action="/candidates" class="card filters" role="search">
      <label class="grow">
        Search
        <input type="search" name="q" value={q.q ?? ''} placeholder="Name, address or skill" maxlength={200} />
      </label>
      <label>
        Status
        <select name="status">
          <Options values={CANDIDATE_STATUSES} selected={q.status} labels={STATUS_LABELS} blank="Any status" />
        </select>
      </label>
      <label>
        Owner
        <select name="owner">
          <RecruiterOptions recruiters={recruiters} selected={q.owner} blank="Anyone" extra={{ none: 'No owner' }} />
        </select>
      </label>
      <label>
        Due now
        <select name="due">
          <Options values={DUE_FILTERS} selected={q.due} labels={DUE_LABELS} blank="Everyone" />
        </select>
      </label>
      <label>
        Sort
        <select name="sort">
          <Options values={LIST_SORTS} selected={q.sort} labels={SORT_LABELS} />
        </select>
      </label>
      <button type="submit">Search</button>
      <a href="/candidates" class="button secondary">
        Clear
      </a>
    </form>
  );
}

export function CandidatesPage(props: {
  listing: CandidateListing;
  recruiters: RecruiterListing[];
  now: Date;
  zone: string;
}) {
  const { listing, now, zone } = props;
  const first = (listing.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(listing.total, listing.page * PAGE_SIZE);
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Candidates</h1>
          <p class="muted">
            {listing.total === 1 ? '1 person matches.' : `${listing.total.toLocaleString('en-US')} people match.`}
          </p>
        </div>
      </div>
      <Filters listing={listing} recruiters={props.recruiters} />
      <section class="card">
        {listing.rows.length === 0 ? (
          <p class="empty">Nobody matches. Try fewer words, or clear the filters.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Owner</th>
                <th>Skills</th>
                <th>Last contact</th>
                <th>Due now</th>
              </tr>
            </thead>
            <tbody>{toJsx(candidateRows(listing.rows, now, zone))}</tbody>
          </table>
        )}
        <nav class="pager" aria-label="Pages">
          <span>{listing.total > 0 ? `${first}–${last} of ${listing.total.toLocaleString('en-US')}` : ''}</span>
          <span class="actions">
            {listing.page > 1 ? (
              <a class="button secondary" href={pageHref(listing.query, listing.page - 1)}>
                Previous
              </a>
            ) : null}
            {listing.page < listing.pages ? (
              <a class="button secondary" href={pageHref(listing.query, listing.page + 1)}>
                Next
              </a>
            ) : null}
          </span>
        </nav>
        {listing.dueAt ? (
          <p class="hint">Due now as of {formatDay(listing.dueAt.toISOString(), zone)}, from this week's digests.</p>
        ) : null}
      </section>
    </>
  );
}
