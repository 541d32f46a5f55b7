import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Picked } from './layers.ts';
import { pickedReportsUrl, reportsInside } from './picked-reports.ts';

// A flat-topped hexagon around (106.63, -6.18), about 500 m from centre to corner.
const r = 0.0045;
const hexagon: Polygon = {
  type: 'Polygon',
  coordinates: [[0, 60, 120, 180, 240, 300, 0].map((deg) => [
    106.63 + r * Math.cos((deg * Math.PI) / 180), -6.18 + r * Math.sin((deg * Math.PI) / 180),
  ])],
};
const window = { categories: ['banjir', 'sampah'], since: '2026-11-15T17:00:00.000Z', until: '2026-11-22T17:00:00.000Z' };
const cell: Picked = { layer: 'hotspots', properties: { i: 1, j: 2 }, geometry: hexagon, window };

const page = (...points: [string, number, number][]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: points.map(([code, lon, lat]) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { code },
  })),
});

describe("a clicked feature's reports", () => {
  it('asks for a hexagon by its bounding box in its layer\'s window', () => {
    const url = new URL(pickedReportsUrl(cell), 'http://x');
    expect(url.pathname).toBe('/api/reports');
    expect(url.searchParams.get('bbox')!.split(',').map(Number))
      .toEqual([106.63 - r, -6.18 - r * Math.sin(Math.PI / 3), 106.63 + r, -6.18 + r * Math.sin(Math.PI / 3)].map((v) => expect.closeTo(v, 9)));
    expect(url.searchParams.get('category')).toBe('banjir,sampah');
    expect(url.searchParams.get('since')).toBe(window.since);
    expect(url.searchParams.get('until')).toBe(window.until);
  });

  it('asks for a kelurahan by its code, ten at most, and leaves out an open window', () => {
    const kelurahan: Picked = { layer: 'choropleth', properties: { kelurahan_code: '36.71.01.1001' }, geometry: hexagon,
      window: { categories: null, since: null, until: null } };
    expect(pickedReportsUrl(kelurahan)).toBe('/api/reports?kelurahan=36.71.01.1001&limit=10');
  });

  it('keeps the reports inside the hexagon, not those in the corners of its box, newest first', () => {
    const found = reportsInside(cell, page(
      ['TGR-CORNER', 106.63 + 0.9 * r, -6.18 + 0.85 * r],
      ['TGR-INSIDE1', 106.631, -6.18],
      ['TGR-INSIDE2', 106.629, -6.181],
    ));
    expect(found.map((f) => f.properties?.code)).toEqual(['TGR-INSIDE1', 'TGR-INSIDE2']);
  });

  it('lists ten at most', () => {
    const many = Array.from({ length: 15 }, (_, n) => [`TGR-${n}`, 106.63, -6.18] as [string, number, number]);
    expect(reportsInside(cell, page(...many))).toHaveLength(10);
  });
});
