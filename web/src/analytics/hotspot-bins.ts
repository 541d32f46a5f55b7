/**
 * Gi* confidence bins (getis-ord.ts: ±3 p ≤ 0.01, ±2 p ≤ 0.05, ±1 p ≤ 0.10) in ArcGIS Pro's
 * Hot Spot Analysis colours: reds for hot, blues for cold, darkest at 99 %, a pale neutral for
 * "not significant". Hottest first, as the legend lists them.
 */
export const hotspotBins = [
  { bin: 3, key: 'hot3', color: [215, 48, 39] },
  { bin: 2, key: 'hot2', color: [252, 141, 89] },
  { bin: 1, key: 'hot1', color: [254, 224, 144] },
  { bin: 0, key: 'none', color: [238, 238, 238] },
  { bin: -1, key: 'cold1', color: [224, 243, 248] },
  { bin: -2, key: 'cold2', color: [145, 191, 219] },
  { bin: -3, key: 'cold3', color: [69, 117, 180] },
] as const satisfies readonly { bin: number; key: string; color: [number, number, number] }[];

export function binColor(bin: number): [number, number, number] {
  return [...(hotspotBins.find((b) => b.bin === bin) ?? hotspotBins[3]).color];
}

export const cssColor = ([r, g, b]: readonly number[]) => `rgb(${r}, ${g}, ${b})`;
