// Triage: what the sync could not place, each with the decisions that clear it. Opt-outs first (a person
// asked to stop), then addresses nobody in the library has, then mail that could not be logged.
import type { OptOutAwaiting } from '../../library/opt-out-review.js';
import type { QuarantinedEntry, UnmatchedEntry } from '../../library/triage-queue.js';
import { Card, CsrfField, PostButton } from './components.js';
import { formatDateTime, formatDay, STATUS_LABELS } from './format.js';

export interface TriageView {
  optOuts: OptOutAwaiting[];
  unmatched: UnmatchedEntry[];
  quarantined: QuarantinedEntry[];
  csrf: string;
  zone: string;
}

const REASON_TEXT: Record<string, string> = {
  sender_not_verified: 'Sender not verified',
  parse_failed: 'Could not be read',
};

function OptOuts({ view }: { view: TriageView }) {
  if (view.optOuts.length === 0) return <p class="empty">Nobody is waiting for a confirmation.</p>;
  return (
    <table>
      <tbody>
        {view.optOuts.map((o) => (
          <tr>
            <td class="name-cell">
              <a href={`/candidates/${o.candidateId}`}>{o.name}</a>
              <span class="sub">{`${o.email ?? ''} · stopped ${formatDay(o.detectedAt, view.zone)}`}</span>
            </td>
            <td>
              {o.mail ? (
                <span>{`“${o.mail.subject}”: ${o.mail.snippet}`}</span>
              ) : (
                <span class="muted">(the mail is no longer logged)</span>
              )}
            </td>
            <td>
              <div class="actions">
                <PostButton
                  action={`/candidates/${o.candidateId}/opt-out?from=triage`}
                  csrf={view.csrf}
                  label="Confirm"
                  fields={{ decision: 'confirm' }}
                />
                <PostButton
                  action={`/candidates/${o.candidateId}/opt-out?from=triage`}
                  csrf={view.csrf}
                  label={`Undo (${STATUS_LABELS[o.previousStatus ?? 'runner_up']})`}
                  kind="secondary"
                  fields={{ decision: 'undo' }}
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Unmatched({ view }: { view: TriageView }) {
  if (view.unmatched.length === 0)
    return <p class="empty">Every address keepwarm saw belongs to someone in the library.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Address</th>
          <th class="num">Mails</th>
          <th>Last seen</th>
          <th>Recruiter</th>
          <th>Decide</th>
        </tr>
      </thead>
      <tbody>
        {view.unmatched.map((u) => (
          <tr>
            <td class="name-cell">
              <strong>{u.email}</strong>
              {u.displayName ? <span class="sub">{u.displayName}</span> : null}
            </td>
            <td class="num">{u.messageCount}</td>
            <td>{formatDay(u.lastSeenAt, view.zone)}</td>
            <td>{u.recruiter ?? <span class="muted">—</span>}</td>
            <td>
              <form method="post" action={`/triage/unmatched/${u.id}/create`} class="row">
                <CsrfField token={view.csrf} />
                <input
                  name="name"
                  value={u.displayName ?? ''}
                  required
                  maxlength={200}
                  placeholder="Their name"
                  aria-label={`Name for ${u.email}`}
                />
                <button type="submit">Create candidate</button>
              </form>
              <div class="actions">
                <a class="button secondary" href={`/triage/unmatched/${u.id}/attach`}>
                  Add to a candidate…
                </a>
                <PostButton
                  action={`/triage/unmatched/${u.id}/never-log`}
                  csrf={view.csrf}
                  label="Never log"
                  kind="secondary"
                />
                <PostButton
                  action={`/triage/unmatched/${u.id}/dismiss`}
                  csrf={view.csrf}
                  label="Dismiss"
                  kind="secondary"
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Quarantined({ view }: { view: TriageView }) {
  if (view.quarantined.length === 0) return <p class="empty">No mail is held back.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>When</th>
          <th>Message</th>
          <th>Why it was held back</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {view.quarantined.map((q) => (
          <tr>
            <td>
              {formatDateTime(q.at, view.zone)}
              <span class="sub">{`${q.mailbox}/${q.folder}${q.uid ? ` #${q.uid}` : ''}`}</span>
            </td>
            <td class="name-cell">
              <strong>{q.subject || '(no subject)'}</strong>
              <span class="sub">{q.sender ?? 'unknown sender'}</span>
            </td>
            <td>
              <span class="badge bad">{REASON_TEXT[q.reason] ?? q.reason.replaceAll('_', ' ')}</span>
              {q.detail ? <span class="sub">{q.detail}</span> : null}
              {q.attempts > 1 ? <span class="sub">{`${q.attempts} attempts`}</span> : null}
            </td>
            <td>
              <PostButton
                action={`/triage/quarantine/${q.id}/resolve`}
                csrf={view.csrf}
                label="Dismiss"
                kind="secondary"
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TriagePage({ view }: { view: TriageView }) {
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Triage</h1>
          <p class="muted">What keepwarm could not decide alone. Clearing it keeps the digests right.</p>
        </div>
      </div>
      <Card title={`Opt-outs to confirm (${view.optOuts.length})`}>
        <OptOuts view={view} />
      </Card>
      <Card title={`Addresses not in the library (${view.unmatched.length})`}>
        <p class="hint">
          Only the address, a count, the last date and the recruiter are kept; the mail itself was not stored.
        </p>
        <Unmatched view={view} />
      </Card>
      <Card title={`Held-back mail (${view.quarantined.length})`}>
        <Quarantined view={view} />
      </Card>
    </>
  );
}
