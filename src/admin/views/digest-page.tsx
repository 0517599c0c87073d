// The digest preview: pick a recruiter and a moment, see the exact email (framed from its own route, sandboxed,
// under its own CSP, so the mail's inline styles never loosen this page's policy), and send it now.
import type { DigestPreview } from '../digest-preview.js';
import { Card, CsrfField } from './components.js';
import { formatDateTime } from './format.js';

export function DigestPage(props: { preview: DigestPreview; csrf: string; canSend: boolean; zone: string }) {
  const { preview } = props;
  const { recruiter, digest, mail } = preview;
  const frameSrc = recruiter
    ? `/digest/preview?${new URLSearchParams({ recruiter: String(recruiter.id), at: preview.atText }).toString()}`
    : null;
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Digest preview</h1>
          <p class="muted">The weekly email exactly as the recruiter would get it. Previewing sends nothing.</p>
        </div>
      </div>
      <form method="get" action="/digest" class="card filters">
        <label class="grow">
          Recruiter
          <select name="recruiter">
            {preview.recruiters.map((r) => (
              <option value={String(r.id)} selected={r.id === recruiter?.id}>{`${r.name} <${r.email}>`}</option>
            ))}
          </select>
        </label>
        <label>
          As of
          <input type="datetime-local" name="at" value={preview.atText} />
        </label>
        <button type="submit">Preview</button>
      </form>
      {!recruiter ? (
        <Card>
          <p class="empty">
            There are no recruiters yet. <a href="/recruiters">Add one</a> first.
          </p>
        </Card>
      ) : (
        <>
          <section class="card">
            <div class="page-head">
              <div>
                <h2>{mail?.subject ?? 'No digest'}</h2>
                <p class="muted">
                  {`To ${recruiter.name} <${recruiter.email}> · as of ${formatDateTime(preview.at.toISOString(), props.zone)} · `}
                  {digest
                    ? `${digest.entries.length} to contact, ${digest.confirmOptOut.length} to confirm, ${digest.comingUp.length} coming up`
                    : ''}
                </p>
              </div>
              {props.canSend ? (
                <form method="post" action="/digest/send" class="inline">
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="recruiter" value={String(recruiter.id)} />
                  <button type="submit">Send this week's digest now</button>
                </form>
              ) : (
                <p class="hint">Sending needs smtp in the configuration.</p>
              )}
            </div>
            <p class="hint">
              Send now uses the once-a-week guard: if this week's digest already went out, nothing is sent again.
            </p>
          </section>
          {frameSrc ? (
            <iframe class="preview" sandbox="" src={frameSrc} title={`Digest email for ${recruiter.name}`} />
          ) : null}
        </>
      )}
    </>
  );
}
