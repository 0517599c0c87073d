// The confirmation step before an erase: what will go, and a form that must be sent on purpose.
import type { ErasurePlan } from '../../library/erase-candidate.js';
import { CsrfField } from './components.js';

const ROW_LABELS: Record<string, string> = {
  addresses: 'addresses',
  skills: 'skills',
  outcomes: 'decisions',
  interactions: 'logged mails',
  interactionSignals: 'signals noticed in mail',
  interactionSources: 'mailbox sightings',
  unmatchedTriage: 'triage entries',
  neverLog: 'never-log entries',
  auditDetails: 'audit entries (details cleared)',
};

export function ErasePage(props: { id: number; plan: ErasurePlan; csrf: string }) {
  const { plan } = props;
  return (
    <section class="card danger-zone">
      <p class="hint">
        <a href={`/candidates/${props.id}`}>← Back to {plan.name}</a>
      </p>
      <h1>Erase {plan.name}?</h1>
      <p>This cannot be undone. keepwarm keeps only a hash of each address so that their mail is never logged again.</p>
      <ul>
        {Object.entries(plan.rows)
          .filter(([, count]) => count > 0)
          .map(([key, count]) => (
            <li>{`${count} ${ROW_LABELS[key] ?? key}`}</li>
          ))}
      </ul>
      <p class="muted">Addresses: {plan.addresses.join(', ')}</p>
      <form method="post" action={`/candidates/${props.id}/erase`} class="stack">
        <CsrfField token={props.csrf} />
        <label class="field">
          Type ERASE to confirm
          <input name="confirm" required pattern="ERASE" autocomplete="off" />
        </label>
        <div class="actions">
          <button type="submit" class="danger">
            Erase for good
          </button>
          <a class="button secondary" href={`/candidates/${props.id}`}>
            Keep them
          </a>
        </div>
      </form>
    </section>
  );
}
