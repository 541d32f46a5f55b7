/**
 * What the kelurahan choropleth can be coloured by: the properties of /api/analytics/kelurahan,
 * each with the decimals its legend shows. All but the first are null where they cannot be known
 * (no population on record, nothing resolved, no due dates, no reports); such kelurahan are drawn
 * grey. pct_other_outcome is the share answered without a fix (referred, cannot be fixed, no
 * action needed), which pct_on_time leaves out.
 */
export const choroplethMeasures = [
  { key: 'reports', digits: 0 },
  { key: 'reports_per_1000', digits: 2 },
  { key: 'median_days_to_resolve', digits: 1 },
  { key: 'pct_on_time', digits: 0 },
  { key: 'pct_other_outcome', digits: 0 },
] as const;

export type ChoroplethMeasure = (typeof choroplethMeasures)[number]['key'];

export const measureDigits = (measure: ChoroplethMeasure) =>
  choroplethMeasures.find((m) => m.key === measure)!.digits;

/** A kelurahan's value of the measure, or null when unknown. */
export function measureValue(properties: Record<string, unknown> | null, measure: ChoroplethMeasure): number | null {
  const value = properties?.[measure];
  return value === null || value === undefined ? null : Number(value);
}
