// Personal mail per week, sent and received, as an inline SVG drawn on the server: no script, no image
// request, and colours from the stylesheet (classes, not style attributes, which the CSP forbids).
import { DateTime } from 'luxon';
import type { WeekOfMail } from '../../library/library-activity.js';

const WIDTH = 760;
const HEIGHT = 210;
const PAD = { top: 12, right: 8, bottom: 26, left: 34 };

export function ActivityChart({ weeks }: { weeks: readonly WeekOfMail[] }) {
  const max = Math.max(1, ...weeks.flatMap((w) => [w.outbound, w.inbound]));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const bar = Math.max(2, Math.floor(((slot - 4) / 2) * 10) / 10);
  // One decimal is plenty for a 760-unit drawing and keeps the page small.
  const round = (n: number): number => Math.round(n * 10) / 10;
  const y = (n: number): number => round(PAD.top + plotH - (n / max) * plotH);
  const total = weeks.reduce((n, w) => n + w.outbound + w.inbound, 0);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Personal mail per week for the last ${weeks.length} weeks: ${total} in all`}
    >
      <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
      <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top} y2={PAD.top} />
      <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end">
        {max}
      </text>
      <text x={PAD.left - 6} y={PAD.top + plotH} text-anchor="end">
        0
      </text>
      {weeks.map((week, i) => {
        const x = round(PAD.left + i * slot + 2);
        const start = DateTime.fromISO(week.week);
        const newMonth = i === 0 || start.month !== DateTime.fromISO(weeks[i - 1]?.week ?? '').month;
        return (
          <g>
            <title>{`Week of ${start.toFormat('d LLL')}: ${week.outbound} sent, ${week.inbound} received`}</title>
            <rect
              class="bar-out"
              x={x}
              y={y(week.outbound)}
              width={bar}
              height={round(Math.max(0, PAD.top + plotH - y(week.outbound)))}
              rx="1.5"
            />
            <rect
              class="bar-in"
              x={round(x + bar)}
              y={y(week.inbound)}
              width={bar}
              height={round(Math.max(0, PAD.top + plotH - y(week.inbound)))}
              rx="1.5"
            />
            {newMonth ? (
              <text x={x} y={HEIGHT - 8}>
                {start.toFormat('LLL')}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
