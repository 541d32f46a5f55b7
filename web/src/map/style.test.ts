import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapLayerIds } from './basemap-layers.ts';
import { reportLayers, reportsSourceId } from './report-layers.ts';
import { offlineStyle } from './style.ts';

// MapLibre refuses a style with one bad expression and then draws nothing at all; this catches
// that without a browser. The public map does not check its style itself (validateStyle: false,
// public-map.ts), so this test is where its style and report layers are checked.
describe('the offline style', () => {
  const style = offlineStyle('http://127.0.0.1:3000');

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('stays valid with the report layers the public map adds to it', () => {
    const withReports = {
      ...style,
      sources: { ...style.sources, [reportsSourceId]: { type: 'vector' as const, tiles: ['http://127.0.0.1:3000/tiles/reports/{z}/{x}/{y}.mvt'] } },
      layers: [...style.layers, ...reportLayers()],
    };
    expect(validateStyleMin(withReports).map((e) => e.message)).toEqual([]);
  });

  it('loads nothing from another site: tiles from the page\'s origin, no glyphs, no sprite', () => {
    const urls = Object.values(style.sources).flatMap((s) => ('tiles' in s ? s.tiles ?? [] : []));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith('http://127.0.0.1:3000/tiles/'))).toBe(true);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('draws the base map\'s shapes under the boundary lines and its names under the boundary names', () => {
    const order = style.layers.map((l) => l.id);
    const at = (id: string) => order.indexOf(id);
    for (const id of basemapLayerIds) expect(order).toContain(id);
    expect(at('service-area-fill')).toBeLessThan(at('basemap-water'));
    expect(at('basemap-roads')).toBeLessThan(at('kelurahan-outline'));
    expect(at('kecamatan-outline')).toBeLessThan(at('basemap-road-names'));
    expect(at('basemap-place-names')).toBeLessThan(at('kelurahan-label'));
  });
});
