/**
 * One line of the results table: a figure beside the limit it is measured against, and what
 * it is compared with in the same run (a floor such as the bare SQL, or the common approach).
 */
export interface Row {
  area: string;
  figure: string;
  value: number;
  /** The target; `below` means the value must not exceed it, `above` that it must reach it. */
  limit?: { value: number; kind: 'below' | 'above'; unit: string };
  /** The same-run reference, shown as value / reference. */
  reference?: { label: string; value: number };
  unit: string;
}

export const rows: Row[] = [];

const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : String(Math.round(v * 100) / 100)) : '–');

function verdict(r: Row): string {
  if (!r.limit) return '';
  const ok = r.limit.kind === 'below' ? r.value <= r.limit.value : r.value >= r.limit.value;
  return ok ? 'pass' : 'MISS';
}

export function printTable(): void {
  const lines = [['area', 'figure', 'value', 'limit', 'ratio to limit', 'reference (same run)', 'ratio to ref.', 'verdict']];
  for (const r of rows) {
    lines.push([
      r.area,
      r.figure,
      `${fmt(r.value)} ${r.unit}`,
      r.limit ? `${r.limit.kind === 'below' ? '≤' : '≥'} ${fmt(r.limit.value)} ${r.limit.unit}` : '',
      r.limit ? fmt(r.value / r.limit.value) : '',
      r.reference ? `${r.reference.label} ${fmt(r.reference.value)} ${r.unit}` : '',
      r.reference ? fmt(r.value / r.reference.value) : '',
      verdict(r),
    ]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const [i, l] of lines.entries()) {
    console.log(l.map((cell, j) => cell.padEnd(widths[j])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}
