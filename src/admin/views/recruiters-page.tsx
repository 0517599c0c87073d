// Recruiters: who gets a digest, the addresses that identify them in mail (aliases), and when their digest
// goes out in their own time zone.
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import { Card, CsrfField, Options } from './components.js';
import { DAY_NAMES } from './format.js';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'];
const DAY_LABELS = Object.fromEntries(DAYS.map((d) => [d, DAY_NAMES[Number(d)] ?? d]));

export function RecruiterForm(props: {
  recruiter: RecruiterListing | null;
  csrf: string;
  zones: readonly string[];
  defaultZone: string;
}) {
  const r = props.recruiter;
  return (
    <form method="post" action={r ? `/recruiters/${r.id}` : '/recruiters'} class="stack">
      <CsrfField token={props.csrf} />
      <div class="row">
        <label class="field grow">
          Name
          <input name="name" required maxlength={200} value={r?.name ?? ''} />
        </label>
        <label class="field grow">
          Address (where the digest goes)
          {r ? (
            <input name="email" type="email" value={r.email} readonly />
          ) : (
            <input name="email" type="email" required maxlength={254} />
          )}
        </label>
      </div>
      <label class="field">
        Other addresses they send from (aliases), one per line
        <textarea name="aliases" maxlength={5000}>
          {r?.aliases.join('\n') ?? ''}
        </textarea>
      </label>
      <div class="row">
        <label class="field grow">
          Time zone
          <select name="timezone">
            <Options values={props.zones} selected={r?.timezone ?? props.defaultZone} />
          </select>
        </label>
        <label class="field">
          Digest day
          <select name="digestDay">
            <Options values={DAYS} selected={String(r?.digestDay ?? 1)} labels={DAY_LABELS} />
          </select>
        </label>
        <label class="field">
          Digest time
          <input type="time" name="digestTime" value={r?.digestTime ?? '08:00'} required />
        </label>
        <button type="submit">{r ? 'Save recruiter' : 'Add recruiter'}</button>
      </div>
    </form>
  );
}

export function RecruitersPage(props: {
  recruiters: RecruiterListing[];
  csrf: string;
  zones: readonly string[];
  defaultZone: string;
}) {
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Recruiters</h1>
          <p class="muted">Each recruiter gets one digest a week. Mail from any of their addresses counts as theirs.</p>
        </div>
      </div>
      <section class="card">
        {props.recruiters.length === 0 ? (
          <p class="empty">No recruiters yet. Add the first one below.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Recruiter</th>
                <th>Aliases</th>
                <th>Digest</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.recruiters.map((r) => (
                <tr>
                  <td class="name-cell">
                    <a href={`/recruiters/${r.id}/edit`}>{r.name || r.email}</a>
                    <span class="sub">{r.email}</span>
                  </td>
                  <td class="muted">{r.aliases.join(', ') || '—'}</td>
                  <td>{`${DAY_NAMES[r.digestDay] ?? r.digestDay} at ${r.digestTime} (${r.timezone ?? props.defaultZone})`}</td>
                  <td>
                    <a class="button secondary" href={`/candidates?owner=${encodeURIComponent(r.email)}`}>
                      Their candidates
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Card title="Add a recruiter">
        <RecruiterForm recruiter={null} csrf={props.csrf} zones={props.zones} defaultZone={props.defaultZone} />
      </Card>
    </>
  );
}
