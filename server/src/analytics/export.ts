import { stringify } from 'csv-stringify/sync';
import type { LayerResult } from './layer.ts';

/**
 * A download's file name from its parameters, e.g. getis-ord_banjir_250m_2026-01-01_2026-03-31:
 * layer, categories (or "semua", all), cell size when there is one, period (or "awal"/"kini",
 * from the first report / until now).
 */
export function downloadName(result: LayerResult, extension: 'csv' | 'geojson'): string {
  const p = result.parameters as { categories?: string[] | null; cell_m?: number; since?: string | null; until?: string | null };
  // days in Jakarta (WIB, UTC+7), as the dates were given
  const day = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
  const parts = [
    result.layer,
    p.categories?.join('+') ?? 'semua',
    p.cell_m ? `${p.cell_m}m` : null,
    p.since ? day(Date.parse(p.since)) : 'awal',
    // until is exclusive; the name shows the last day included
    p.until ? day(Date.parse(p.until) - 1) : 'kini',
  ];
  return `${parts.filter(Boolean).join('_')}.${extension}`;
}

/** CSV with a WKT geometry column (WGS 84), which QGIS loads as a delimited-text layer. */
export function toCsv(result: LayerResult): string {
  return stringify(
    result.features.map((f) => [...result.columns.map((c) => csvValue(f.properties[c])), f.wkt]),
    { header: true, columns: [...result.columns, 'wkt'] },
  );
}

function csvValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
