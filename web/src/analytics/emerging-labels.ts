/**
 * The seventeen emerging-hotspot categories (server/src/analytics/emerging-patterns.ts) in the
 * spirit of ArcGIS Pro's Emerging Hot Spot Analysis legend: reds for hot spots, the matching
 * blues for cold spots (stronger for the steadier patterns), grey for no pattern.
 */
export const emergingLabels = [
  { label: 'new', color: [255, 170, 170] },
  { label: 'consecutive', color: [255, 120, 120] },
  { label: 'intensifying', color: [180, 0, 0] },
  { label: 'persistent', color: [230, 60, 60] },
  { label: 'diminishing', color: [240, 130, 100] },
  { label: 'sporadic', color: [255, 200, 150] },
  { label: 'oscillating', color: [200, 110, 160] },
  { label: 'historical', color: [190, 150, 140] },
  { label: 'new_cold', color: [170, 200, 255] },
  { label: 'consecutive_cold', color: [120, 165, 255] },
  { label: 'intensifying_cold', color: [0, 40, 180] },
  { label: 'persistent_cold', color: [60, 100, 230] },
  { label: 'diminishing_cold', color: [100, 160, 240] },
  { label: 'sporadic_cold', color: [150, 220, 255] },
  { label: 'oscillating_cold', color: [140, 120, 210] },
  { label: 'historical_cold', color: [140, 160, 190] },
  { label: 'no_pattern', color: [200, 200, 200] },
] as const satisfies readonly { label: string; color: [number, number, number] }[];

export function emergingColor(label: unknown): [number, number, number] | null {
  const found = emergingLabels.find((e) => e.label === label);
  return found ? [...found.color] : null;
}
