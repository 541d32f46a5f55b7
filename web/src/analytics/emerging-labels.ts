/**
 * The emerging-hotspot labels (server/src/analytics/emerging.ts) in the colours of ArcGIS Pro's
 * Emerging Hot Spot Analysis legend: all reds, since each is a kind of hot spot.
 */
export const emergingLabels = [
  { label: 'new', color: [255, 170, 170] },
  { label: 'intensifying', color: [180, 0, 0] },
  { label: 'persistent', color: [230, 60, 60] },
  { label: 'diminishing', color: [240, 130, 100] },
] as const satisfies readonly { label: string; color: [number, number, number] }[];

export function emergingColor(label: unknown): [number, number, number] | null {
  const found = emergingLabels.find((e) => e.label === label);
  return found ? [...found.color] : null;
}
