// One benchmark row: what was measured, the baseline measured in the same run, their ratio, the target
// and whether it was met. The terminal table, latest.json and the RESULTS.md table all come from these.
export interface ResultRow {
  id: string;
  /** What the row measures, for the table. */
  label: string;
  measured: number | null;
  baseline: number | null;
  /** measured / baseline (null without a baseline). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  unit: string;
  /** Extra facts for the reader (counts, the size measured at, why a row could not run). */
  note?: string;
}

export type ResultsJson = Record<string, Omit<ResultRow, 'id' | 'label' | 'note'> & { label: string; note?: string }>;

export function row(fields: Omit<ResultRow, 'ratio'> & { ratio?: number | null }): ResultRow {
  const ratio =
    fields.ratio !== undefined
      ? fields.ratio
      : fields.measured !== null && fields.baseline !== null && fields.baseline !== 0
        ? fields.measured / fields.baseline
        : null;
  return { ...fields, ratio };
}

/** A row for a measurement that failed: recorded, never silently dropped. */
export function failedRow(id: string, label: string, target: string, unit: string, error: unknown): ResultRow {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return {
    id,
    label,
    measured: null,
    baseline: null,
    ratio: null,
    target,
    met: false,
    unit,
    note: `failed: ${message}`,
  };
}

export function toJson(rows: readonly ResultRow[]): ResultsJson {
  const out: ResultsJson = {};
  for (const r of rows) {
    out[r.id] = {
      label: r.label,
      measured: r.measured,
      baseline: r.baseline,
      ratio: r.ratio,
      target: r.target,
      met: r.met,
      unit: r.unit,
      ...(r.note ? { note: r.note } : {}),
    };
  }
  return out;
}

function fmt(value: number | null, digits = 3): string {
  if (value === null) return '-';
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  return abs >= 100
    ? value.toFixed(0)
    : abs >= 10
      ? value.toFixed(1)
      : value.toFixed(digits).replace(/\.?0+$/, '') || '0';
}

const metText = (met: boolean | null): string => (met === null ? 'n/a' : met ? 'yes' : 'NO');

export function markdownTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| id | measure | measured | baseline | ratio | target | met | notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const unit = r.unit ? ` ${r.unit}` : '';
    lines.push(
      `| ${r.id} | ${r.label} | ${fmt(r.measured)}${r.measured === null ? '' : unit} | ` +
        `${fmt(r.baseline)}${r.baseline === null ? '' : unit} | ${fmt(r.ratio)} | ${r.target} | ${metText(r.met)} ` +
        `| ${(r.note ?? '').replace(/\|/g, '/')} |`,
    );
  }
  return lines.join('\n');
}

export function terminalTable(rows: readonly ResultRow[]): string {
  const header = ['id', 'measured', 'baseline', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [
    r.id,
    `${fmt(r.measured)} ${r.unit}`,
    r.baseline === null ? '-' : `${fmt(r.baseline)} ${r.unit}`,
    fmt(r.ratio),
    r.target,
    metText(r.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  for (const r of rows) if (r.note) out.push(`  ${r.id}: ${r.note}`);
  return out.join('\n');
}
