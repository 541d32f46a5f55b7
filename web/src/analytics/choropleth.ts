// Five classes of a kelurahan measure on a sequential yellow–brown ramp (ColorBrewer YlOrBr),
// equal intervals from 0 up to the highest kelurahan: planners compare kelurahan within one view.
export const choroplethRamp: [number, number, number][] = [
  [255, 255, 212], [254, 217, 142], [254, 153, 41], [217, 95, 14], [153, 52, 4],
];

export function choroplethClass(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(choroplethRamp.length - 1, Math.floor((value / max) * choroplethRamp.length));
}

/** Kelurahan whose value cannot be known (no population on record, say). */
export const unknownColor: [number, number, number] = [190, 190, 190];

export function choroplethColor(value: number | null, max: number): [number, number, number] {
  return value === null ? unknownColor : choroplethRamp[choroplethClass(value, max)];
}

/** Each class's whole-number range of reports (as choroplethClass assigns them), empty ones left out. */
export function choroplethClasses(maxReports: number) {
  const step = maxReports / choroplethRamp.length;
  return choroplethRamp
    .map((color, k) => ({
      color,
      from: k === 0 ? 0 : Math.ceil(step * k),
      to: k === choroplethRamp.length - 1 ? maxReports : Math.ceil(step * (k + 1)) - 1,
    }))
    .filter((c) => c.from <= c.to);
}

/**
 * The classes of a measure with decimals: equal fifths of 0..max, each shown rounded to
 * `digits`, a class's upper bound being where the next one begins.
 */
export function choroplethRanges(max: number, digits: number) {
  if (digits === 0) return choroplethClasses(max);
  const round = (value: number) => Number(value.toFixed(digits));
  const step = max / choroplethRamp.length;
  return choroplethRamp.map((color, k) => ({ color, from: round(step * k), to: round(step * (k + 1)) }));
}
