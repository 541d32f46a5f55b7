/** The heatmap's colour ramp, sparse to dense: deck.gl's HeatmapLayer default (ColorBrewer YlOrRd), given explicitly so the legend matches. */
export const densityColours: [number, number, number][] = [
  [255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38],
];
