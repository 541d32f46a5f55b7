// Five classes of reports per kelurahan on a sequential yellow–brown ramp (ColorBrewer YlOrBr),
// equal intervals up to the busiest kelurahan: planners compare kelurahan within one view.
export const choroplethRamp: [number, number, number][] = [
  [255, 255, 212], [254, 217, 142], [254, 153, 41], [217, 95, 14], [153, 52, 4],
];

export function choroplethClass(reports: number, maxReports: number): number {
  if (maxReports <= 0 || reports <= 0) return 0;
  return Math.min(choroplethRamp.length - 1, Math.floor((reports / maxReports) * choroplethRamp.length));
}

export function choroplethColor(reports: number, maxReports: number): [number, number, number] {
  return choroplethRamp[choroplethClass(reports, maxReports)];
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
