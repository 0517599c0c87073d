// Import: upload a CSV, see what it would change (a dry run, nothing written), then import it. A bad file
// lists every bad line by number and writes nothing, exactly like `keepwarm import`.
import { CANDIDATE_CSV_COLUMNS } from '../../import/candidate-csv-rows.js';
import { OPENING_CSV_COLUMNS } from '../../import/opening-csv-rows.js';
import type { ImportKind, ImportOutcome } from '../csv-import.js';
import { Card, CsrfField } from './components.js';

export interface ImportView {
  csrf: string;
  kind: ImportKind;
  maxBytes: number;
  outcome: ImportOutcome | null;
  stagedId: string | null;
  problem: { fileName: string; message: string; details: readonly string[] } | null;
}

export function TooLargeNotice({ maxBytes }: { maxBytes: number }) {
  return (
    <section class="card">
      <h1>That upload is too large</h1>
      <p>{`The limit is ${Math.max(1, Math.round(maxBytes / 1024 / 1024))} MB per file (forms: ${Math.round(maxBytes / 1024)} KB). Nothing was read or imported.`}</p>
      <p>
        <a href="/import">Back to import</a> and split the file into smaller ones.
      </p>
    </section>
  );
}

function UploadForm({ view }: { view: ImportView }) {
  return (
    <form method="post" action="/import" enctype="multipart/form-data" class="stack">
      <CsrfField token={view.csrf} />
      <div class="row">
        <label class="field">
          What is in the file
          <select name="kind">
            <option value="candidates" selected={view.kind === 'candidates'}>
              Candidates
            </option>
            <option value="openings" selected={view.kind === 'openings'}>
              Openings
            </option>
          </select>
        </label>
        <label class="field grow">
          CSV file (UTF-8, at most {Math.round(view.maxBytes / 1024 / 1024)} MB)
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <button type="submit">Check the file</button>
      </div>
      <p class="hint">
        Candidates: <code>{CANDIDATE_CSV_COLUMNS.join(', ')}</code> (name and email required). Openings:{' '}
        <code>{OPENING_CSV_COLUMNS.join(', ')}</code>. Checking writes nothing; you import after seeing what would
        change.
      </p>
    </form>
  );
}

function Outcome({ view, outcome }: { view: ImportView; outcome: ImportOutcome }) {
  const { created, updated, unchanged } = outcome.counts;
  const noun = outcome.kind === 'candidates' ? 'candidates' : 'openings';
  return (
    <Card
      title={outcome.dryRun ? `Dry run of ${outcome.fileName}: nothing written yet` : `Imported ${outcome.fileName}`}
    >
      <p>
        {outcome.dryRun ? 'Would create' : 'Created'} <strong>{created}</strong>,{' '}
        {outcome.dryRun ? 'update' : 'updated'} <strong>{updated}</strong>; {unchanged} {noun} unchanged
        {outcome.openingsCreated !== null ? `; ${outcome.openingsCreated} new opening(s)` : ''}.
      </p>
      {outcome.changes.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th class="num">Line</th>
              <th>Change</th>
              <th>Who</th>
              <th>Fields</th>
            </tr>
          </thead>
          <tbody>
            {outcome.changes.slice(0, 200).map((change) => (
              <tr>
                <td class="num">{change.line}</td>
                <td>{change.action === 'create' ? 'new' : 'update'}</td>
                <td>{change.label}</td>
                <td class="muted">{change.fields.join(', ').replaceAll('_', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {outcome.changes.length > 200 ? <p class="hint">and {outcome.changes.length - 200} more.</p> : null}
      {view.stagedId && outcome.changes.length > 0 ? (
        <form method="post" action="/import/apply" class="actions">
          <CsrfField token={view.csrf} />
          <input type="hidden" name="staged" value={view.stagedId} />
          <button type="submit">{`Import ${outcome.changes.length} change${outcome.changes.length === 1 ? '' : 's'} now`}</button>
          <a class="button secondary" href="/import">
            Cancel
          </a>
        </form>
      ) : null}
    </Card>
  );
}

export function ImportPage({ view }: { view: ImportView }) {
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Import</h1>
          <p class="muted">
            Load the talent library or the openings from a spreadsheet saved as CSV. Re-importing the same file changes
            nothing.
          </p>
        </div>
      </div>
      {view.problem ? (
        <section class="card danger-zone" role="alert">
          <h2>{`${view.problem.fileName}: nothing was imported`}</h2>
          <p>{view.problem.message}</p>
          <ul class="errors">
            {view.problem.details.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.outcome ? <Outcome view={view} outcome={view.outcome} /> : null}
      <Card title="Upload a CSV">
        <UploadForm view={view} />
      </Card>
    </>
  );
}
