// One year of contact as a strip of dots, drawn on the server: mail to the candidate above the line, from them
// below, personal mail filled, auto-replies, bulk mail and bounces hollow, so the rhythm shows at a glance.
import { DateTime } from 'luxon';
import type { TimelineEntry } from '../candidate-page-data.js';

const WIDTH = 760;
const HEIGHT = 74;
const LEFT = 4;
const MID = 34;

export function ContactStrip(props: { timeline: readonly TimelineEntry[]; now: Date; zone: string }) {
  const end = DateTime.fromJSDate(props.now, { zone: props.zone }).endOf('day');
  const start = end.minus({ days: 365 });
  const x = (at: DateTime): number =>
    Math.round(
      (LEFT + ((at.toMillis() - start.toMillis()) / (end.toMillis() - start.toMillis())) * (WIDTH - 2 * LEFT)) * 10,
    ) / 10;
  const inYear = props.timeline.filter((e) => {
    const at = DateTime.fromISO(e.at);
    return at >= start && at <= end;
  });
  const months = Array.from({ length: 12 }, (_, i) => start.plus({ months: i + 1 }).startOf('month'));
  const personal = inYear.filter((e) => e.kind === 'personal').length;
  return (
    <svg
      class="strip"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Mail over the last year: ${inYear.length} messages, ${personal} personal`}
    >
      <line class="month" x1={LEFT} x2={WIDTH - LEFT} y1={MID} y2={MID} />
      {months.map((month) => (
        <g>
          <line class="month" x1={x(month)} x2={x(month)} y1={MID - 16} y2={MID + 16} />
          {x(month) < WIDTH - 28 ? (
            <text x={x(month) + 3} y={HEIGHT - 4}>
              {month.toFormat('LLL')}
            </text>
          ) : null}
        </g>
      ))}
      {inYear.map((entry) => {
        const at = DateTime.fromISO(entry.at);
        const cy = entry.direction === 'outbound' ? MID - 9 : MID + 9;
        const cls = entry.kind !== 'personal' ? 'dot-other' : entry.direction === 'outbound' ? 'dot-out' : 'dot-in';
        return (
          <circle class={cls} cx={x(at)} cy={cy} r="4.5">
            <title>{`${at.setZone(props.zone).toFormat('d LLL yyyy')}: ${entry.direction === 'outbound' ? 'to them' : 'from them'}, ${entry.kind.replace('_', ' ')}: ${entry.subject}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
