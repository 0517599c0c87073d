// Openings: what clients are hiring for. Listed open first; added and edited with the same rules as the
// openings CSV; closing one keeps it (and its runner-ups) on record.
import { OPENING_STATUSES } from '../../db/schema.js';
import type { OpeningListing } from '../../library/edit-opening.js';
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import { Card, CsrfField, Options, OwnerField, PostButton } from './components.js';
import { dateInputValue, formatDay } from './format.js';

const OPENING_LABELS: Record<string, string> = { open: 'Open', filled: 'Filled', closed: 'Closed' };

export function OpeningForm(props: {
  opening: OpeningListing | null;
  recruiters: RecruiterListing[];
  csrf: string;
  zone: string;
}) {
  const o = props.opening;
  return (
    <form method="post" action={o ? `/openings/${o.id}` : '/openings'} class="stack">
      <CsrfField token={props.csrf} />
      <div class="row">
        <label class="field grow">
          Title
          <input name="title" required maxlength={300} value={o?.title ?? ''} />
        </label>
        <label class="field grow">
          Client
          <input name="client" required maxlength={300} value={o?.client ?? ''} />
        </label>
      </div>
      <div class="row">
        <label class="field grow">
          Skills (separated by ;)
          <input name="skills" maxlength={2000} value={o?.skills.join('; ') ?? ''} placeholder="CRM; Oncology" />
        </label>
        <label class="field">
          Status
          <select name="status">
            <Options values={OPENING_STATUSES} selected={o?.status ?? 'open'} labels={OPENING_LABELS} />
          </select>
        </label>
      </div>
      <div class="row">
        <OwnerField recruiters={props.recruiters} selected={o?.owner ?? null} />
        <label class="field">
          Opened on
          <input type="date" name="openedAt" value={dateInputValue(o?.openedAt, props.zone)} />
        </label>
        <button type="submit">{o ? 'Save opening' : 'Add opening'}</button>
      </div>
    </form>
  );
}

export function OpeningsPage(props: {
  openings: OpeningListing[];
  recruiters: RecruiterListing[];
  csrf: string;
  zone: string;
}) {
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Openings</h1>
          <p class="muted">
            A new open opening that shares two skills with a runner-up puts them in their recruiter's digest.
          </p>
        </div>
      </div>
      <Card title="Add an opening">
        <OpeningForm opening={null} recruiters={props.recruiters} csrf={props.csrf} zone={props.zone} />
      </Card>
      <section class="card">
        {props.openings.length === 0 ? (
          <p class="empty">No openings yet. Add one above, or import a CSV.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Opening</th>
                <th>Status</th>
                <th>Skills</th>
                <th>Owner</th>
                <th>Opened</th>
                <th class="num">Runner-ups</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.openings.map((o) => (
                <tr>
                  <td class="name-cell">
                    <a href={`/openings/${o.id}/edit`}>{o.title}</a>
                    <span class="sub">{o.client}</span>
                  </td>
                  <td>
                    <span class={`badge ${o.status}`}>{OPENING_LABELS[o.status]}</span>
                  </td>
                  <td class="muted">{o.skills.join(', ')}</td>
                  <td>{o.owner ?? <span class="muted">—</span>}</td>
                  <td>{formatDay(o.openedAt, props.zone)}</td>
                  <td class="num">{o.runnerUps}</td>
                  <td>
                    {o.status !== 'closed' ? (
                      <PostButton action={`/openings/${o.id}/close`} csrf={props.csrf} label="Close" kind="secondary" />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
