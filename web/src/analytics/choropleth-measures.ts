/**
 * What the kelurahan choropleth can be coloured by: the properties of /api/analytics/kelurahan,
 * each with the decimals its legend shows. The last three are null where they cannot be known
 * (no population on record, nothing resolved, no due dates); such kelurahan are drawn grey.
 */
export const choroplethMeasures = [
  { key: 'reports', digits: 0 },
  { key: 'reports_per_1000', digits: 2 },
  { key: 'median_days_to_resolve', digits: 1 },
  { key: 'pct_on_time', digits: 0 },
] as const;

export type ChoroplethMeasure = (typeof choroplethMeasures)[number]['key'];

export const measureDigits = (measure: ChoroplethMeasure) =>
  choroplethMeasures.find((m) => m.key === measure)!.digits;

/** A kelurahan's value of the measure, or null when unknown. */
export function measureValue(properties: Record<string, unknown> | null, measure: ChoroplethMeasure): number | null {
  const value = properties?.[measure];
  return value === null || value === undefined ? null : Number(value);
}
