// The dashboard: is mail flowing (each mailbox folder ok, failing or stale), how big is the library, who is
// due, and the rhythm of contact over half a year.
import type { CandidateStatus } from '../../db/schema.js';
import type { WeekOfMail } from '../../library/library-activity.js';
import type { MailboxStatus } from '../../sync/mailbox-status.js';
import { ActivityChart } from './activity-chart.js';
import { Card } from './components.js';
import { formatDateTime, relativeDays, STATUS_LABELS } from './format.js';

export interface DashboardView {
  now: Date;
  zone: string;
  mailboxes: MailboxStatus[];
  byStatus: Record<CandidateStatus, number>;
  weeks: WeekOfMail[];
  dueNow: number;
  comingUp: number;
  optOutsToConfirm: number;
  triage: number;
}

const STATE_LABELS: Record<string, string> = {
  ok: 'OK',
  failing: 'Failing',
  stale: 'Stale',
  never_synced: 'Not synced yet',
};

function Mailboxes({ view }: { view: DashboardView }) {
  if (view.mailboxes.length === 0) {
    return (
      <p class="empty">
        No mailboxes are configured yet. Add the log mailbox (and any recruiter mailboxes) under "mailboxes" in the
        configuration.
      </p>
    );
  }
  return (
    <table>
      <thead>
        <tr>
          <th>Mailbox</th>
          <th>Folder</th>
          <th>State</th>
          <th>Position</th>
          <th>Last sync</th>
          <th>Last error</th>
        </tr>
      </thead>
      <tbody>
        {view.mailboxes.flatMap((mailbox) => {
          const folders = mailbox.folders.length > 0 ? mailbox.folders : [null];
          return folders.map((folder, i) => (
            <tr>
              <td>
                {i === 0 ? (
                  <>
                    <strong>{mailbox.name}</strong>
                    <span class="sub">
                      {mailbox.role === 'log' ? 'log mailbox' : (mailbox.recruiter ?? 'recruiter')}
                    </span>
                  </>
                ) : null}
              </td>
              <td>{folder?.folder ?? '—'}</td>
              <td>
                <span class={`badge ${folder?.state ?? mailbox.state}`}>
                  {STATE_LABELS[folder?.state ?? mailbox.state]}
                </span>
              </td>
              <td class="muted">
                {folder ? `UID ${folder.lastUid}${folder.uidvalidity ? ` · validity ${folder.uidvalidity}` : ''}` : '—'}
              </td>
              <td>
                {formatDateTime(folder?.lastSuccessAt, view.zone)}
                {folder?.lastSuccessAt ? (
                  <span class="sub">{relativeDays(folder.lastSuccessAt, view.now, view.zone)}</span>
                ) : null}
              </td>
              <td>
                {folder?.lastError ? (
                  <span class="sub">{`${folder.lastErrorCode ?? 'error'}: ${folder.lastError}`}</span>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}

export function DashboardPage({ view }: { view: DashboardView }) {
  const total = Object.values(view.byStatus).reduce((a, b) => a + b, 0);
  const thisWeek = view.weeks.at(-1);
  return (
    <>
      <div class="page-head">
        <div>
          <h1>Dashboard</h1>
          <p class="muted">What keepwarm saw, and who is due this week.</p>
        </div>
      </div>
      <div class="grid grid-4">
        <a class="stat" href="/candidates?due=any">
          <div class="value">{view.dueNow}</div>
          <div class="label">people in this week's digests</div>
        </a>
        <div class="stat">
          <div class="value">{(thisWeek?.outbound ?? 0) + (thisWeek?.inbound ?? 0)}</div>
          <div class="label">
            personal mails this week ({thisWeek?.outbound ?? 0} sent, {thisWeek?.inbound ?? 0} received)
          </div>
        </div>
        <div class="stat">
          <div class="value">{view.comingUp}</div>
          <div class="label">coming up in the next two weeks</div>
        </div>
        <a class="stat" href="/triage">
          <div class="value">{view.triage}</div>
          <div class="label">in triage ({view.optOutsToConfirm} opt-outs to confirm)</div>
        </a>
      </div>
      <div class="grid grid-wide">
        <Card title="Personal mail, last 26 weeks">
          <ActivityChart weeks={view.weeks} />
          <div class="legend">
            <span>
              <span class="swatch out" />
              Sent by recruiters
            </span>
            <span>
              <span class="swatch in" />
              Received from candidates
            </span>
          </div>
        </Card>
        <Card title={`Talent library: ${total} candidates`}>
          <table>
            <tbody>
              {(Object.keys(view.byStatus) as CandidateStatus[]).map((status) => (
                <tr>
                  <td>
                    <a href={`/candidates?status=${status}`}>{STATUS_LABELS[status]}</a>
                  </td>
                  <td class="num">{view.byStatus[status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card title="Mailboxes">
        <Mailboxes view={view} />
      </Card>
    </>
  );
}
