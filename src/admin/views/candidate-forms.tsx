// The candidate page's forms. Each is a POST with the CSRF token to one action, which calls the same use case
// as the CLI (`candidate set`, `candidate snooze`); an opt-out found in mail is confirmed or undone here.
import { CANDIDATE_STATUSES } from '../../db/schema.js';
import type { RecruiterListing } from '../../library/recruiter-repository.js';
import type { CandidatePageData } from '../candidate-page-data.js';
import { Card, CsrfField, Options, OwnerField, PostButton } from './components.js';
import { dateInputValue, formatDay, STATUS_LABELS } from './format.js';

interface FormProps {
  data: CandidatePageData;
  csrf: string;
  zone: string;
  now: Date;
}

export function ProfileForm(props: FormProps & { recruiters: RecruiterListing[] }) {
  const { profile, id } = props.data;
  return (
    <Card title="Edit">
      <form method="post" action={`/candidates/${id}/profile`} class="stack">
        <CsrfField token={props.csrf} />
        <div class="row">
          <label class="field grow">
            Name
            <input name="name" value={profile.name} required maxlength={200} />
          </label>
          <label class="field">
            Status
            <select name="status">
              <Options values={CANDIDATE_STATUSES} selected={profile.status} labels={STATUS_LABELS} />
            </select>
          </label>
        </div>
        <div class="row">
          <OwnerField recruiters={props.recruiters} selected={profile.owner} />
          <label class="field">
            Cadence (days)
            <input
              name="cadenceDays"
              type="number"
              min={1}
              max={3650}
              value={profile.cadenceDays === null ? '' : String(profile.cadenceDays)}
              placeholder="default"
            />
          </label>
        </div>
        <label class="field">
          Notes
          <textarea name="notes" maxlength={5000}>
            {profile.notes ?? ''}
          </textarea>
        </label>
        <div>
          <button type="submit">Save changes</button>
        </div>
      </form>
    </Card>
  );
}

export function SnoozeForm(props: FormProps) {
  const { profile, id } = props.data;
  const snoozed = profile.snoozedUntil !== null && profile.snoozedUntil > props.now.toISOString();
  return (
    <Card title="Snooze">
      {snoozed ? (
        <p>
          Snoozed until <strong>{formatDay(profile.snoozedUntil, props.zone)}</strong>
          {profile.snoozeReason ? ` (${profile.snoozeReason})` : ''}. They stay out of the digest until then.
        </p>
      ) : (
        <p class="muted">Keep them out of the digest until a date: a new job just started, parental leave…</p>
      )}
      <form method="post" action={`/candidates/${id}/snooze`} class="row">
        <CsrfField token={props.csrf} />
        <label class="field">
          Until
          <input
            type="date"
            name="until"
            required
            value={snoozed ? dateInputValue(profile.snoozedUntil, props.zone) : ''}
          />
        </label>
        <label class="field grow">
          Reason
          <input
            name="reason"
            maxlength={200}
            value={snoozed ? (profile.snoozeReason ?? '') : ''}
            placeholder="optional"
          />
        </label>
        <button type="submit">Snooze</button>
      </form>
      {snoozed ? (
        <PostButton
          action={`/candidates/${id}/snooze`}
          csrf={props.csrf}
          label="End the snooze now"
          kind="link"
          fields={{ clear: '1' }}
        />
      ) : null}
    </Card>
  );
}

export function AddressesCard(props: FormProps) {
  const { profile, id } = props.data;
  return (
    <Card title="Addresses">
      <ul class="addresses">
        {profile.emails.map((email) => (
          <li>
            <span>{email.email}</span>
            <span class="meta">
              {email.primary ? <span class="badge ok">primary</span> : null}
              {email.bouncingSince ? (
                <span class="badge bad">bouncing since {formatDay(email.bouncingSince, props.zone)}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <form method="post" action={`/candidates/${id}/addresses`} class="row">
        <CsrfField token={props.csrf} />
        <label class="field grow">
          Another address of theirs
          <input type="email" name="email" required maxlength={254} placeholder="name@example.com" />
        </label>
        <button type="submit" class="secondary">
          Add and fetch its mail
        </button>
      </form>
    </Card>
  );
}

export function OutcomesCard(props: FormProps) {
  const { profile, id } = props.data;
  return (
    <Card title="Decisions and feedback">
      {profile.outcomes.length === 0 ? <p class="empty">No decisions recorded (the CSV import records them).</p> : null}
      {profile.outcomes.map((outcome) => (
        <form method="post" action={`/candidates/${id}/feedback`} class="stack">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="opening" value={outcome.opening} />
          <input type="hidden" name="client" value={outcome.client} />
          <div>
            <strong>{outcome.opening}</strong> at {outcome.client}
            <span class="sub">
              {outcome.stage.replace('_', '-')}
              {outcome.decidedAt ? `, decided ${formatDay(outcome.decidedAt, props.zone)}` : ''}
            </span>
          </div>
          <label class="field">
            Feedback to give (strengths, skills to earn)
            <textarea name="notes" maxlength={5000}>
              {outcome.feedbackNotes ?? ''}
            </textarea>
          </label>
          <div>
            <button type="submit" class="secondary">
              Save feedback
            </button>
          </div>
        </form>
      ))}
    </Card>
  );
}

export function OptOutNotice(props: FormProps) {
  const { optOut, id } = props.data;
  if (!optOut) return null;
  return (
    <section class="card danger-zone">
      <h2>They asked not to be contacted: please confirm</h2>
      <p>
        keepwarm stopped contact on {formatDay(optOut.detectedAt, props.zone)} because of “
        {optOut.subject ?? '(mail no longer logged)'}”{optOut.snippet ? `: ${optOut.snippet}` : ''}
      </p>
      <div class="actions">
        <PostButton
          action={`/candidates/${id}/opt-out`}
          csrf={props.csrf}
          label="Confirm: do not contact"
          fields={{ decision: 'confirm' }}
        />
        <PostButton
          action={`/candidates/${id}/opt-out`}
          csrf={props.csrf}
          label={`Undo: back to ${STATUS_LABELS[optOut.previousStatus ?? 'runner_up']}`}
          kind="secondary"
          fields={{ decision: 'undo' }}
        />
      </div>
    </section>
  );
}
