// A candidate's logged mail, newest first: when, which way, what kind, the subject and the short snippet of
// new text, what keepwarm noticed in it (signals) and where it was seen (sources). All of it came from mail,
// so all of it is plain escaped text.
import type { TimelineEntry } from '../candidate-page-data.js';
import { formatDateTime } from './format.js';

const KIND_LABELS: Record<string, string> = {
  personal: 'personal',
  auto_reply: 'auto-reply',
  bulk: 'bulk',
  bounce: 'bounce',
};
const SIGNAL_LABELS: Record<string, string> = {
  opt_out: 'Asked to stop',
  placed_elsewhere: 'Placed elsewhere',
  life_event: 'Personal news',
  promise_flag: 'Over-promise',
  out_of_office: 'Out of office',
  bounce: 'Bounced',
};

export const TIMELINE_LIMIT = 200;

export function CandidateTimeline(props: { timeline: readonly TimelineEntry[]; zone: string }) {
  if (props.timeline.length === 0) return <p class="empty">No mail logged with this person yet.</p>;
  const shown = props.timeline.slice(0, TIMELINE_LIMIT);
  return (
    <>
      <ul class="timeline">
        {shown.map((entry) => (
          <li>
            <div class="when">
              {formatDateTime(entry.at, props.zone)}
              <span class="sub">
                {entry.direction === 'outbound'
                  ? `→ to them${entry.recruiter ? `, from ${entry.recruiter}` : ''}`
                  : `← from them${entry.recruiter ? `, to ${entry.recruiter}` : ''}`}
              </span>
            </div>
            <div>
              <div class="subject">{entry.subject || '(no subject)'}</div>
              {entry.snippet ? <p class="snippet">{entry.snippet}</p> : null}
              {entry.note ? <p class="snippet">Recruiter's note: {entry.note}</p> : null}
              <div class="meta">
                <span class={`badge ${entry.kind === 'personal' ? 'ok' : 'warn'}`}>
                  {KIND_LABELS[entry.kind] ?? entry.kind}
                </span>
                {entry.signals.map((signal) => (
                  <span class="signal">{`${SIGNAL_LABELS[signal.code] ?? signal.code}${signal.category ? ` (${signal.category.replace('_', ' ')})` : ''}${signal.text ? `: ${signal.text}` : ''}`}</span>
                ))}
                {entry.attachments.length > 0 ? <span>Attachments: {entry.attachments.join(', ')}</span> : null}
                {entry.truncated ? <span>too large: logged from its headers</span> : null}
                <span>
                  Seen in{' '}
                  {entry.sources.map((s) => `${s.mailbox}/${s.folder}${s.uid ? ` #${s.uid}` : ''}`).join(', ') ||
                    'an imported file'}
                </span>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {props.timeline.length > shown.length ? (
        <p class="hint">
          Showing the latest {shown.length} of {props.timeline.length} messages; the export holds them all.
        </p>
      ) : null}
    </>
  );
}
