import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { useEffect } from 'react';
import { watchRemoval } from '../map/map-removal.ts';
import type { Pin } from './report-draft.ts';

const sourceId = 'report-pin-accuracy';
const empty: Polygon = { type: 'Polygon', coordinates: [] };

/** A circle of `radiusM` metres around the pin, as 64 points on a local flat approximation (exact enough below 10 km). */
function accuracyCircle(pin: Pin, radiusM: number): Polygon {
  const metresPerDegreeLat = 110_574;
  const metresPerDegreeLon = 111_320 * Math.cos((pin.lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const angle = (i / 64) * 2 * Math.PI;
    ring.push([pin.lon + (radiusM * Math.cos(angle)) / metresPerDegreeLon, pin.lat + (radiusM * Math.sin(angle)) / metresPerDegreeLat]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The device's position fix drawn as the circle it may be anywhere in, so the resident sees how
 * far to trust it before moving the pin. Gone once the pin is placed by hand.
 */
export function useAccuracyCircle(map: MapLibreMap, pin: Pin | null): void {
  useEffect(() => {
    map.addSource(sourceId, { type: 'geojson', data: empty });
    map.addLayer({ id: `${sourceId}-fill`, type: 'fill', source: sourceId, paint: { 'fill-color': '#c2410c', 'fill-opacity': 0.12 } });
    map.addLayer({ id: `${sourceId}-line`, type: 'line', source: sourceId, paint: { 'line-color': '#c2410c', 'line-width': 1.5 } });
    const removal = watchRemoval(map);
    return () => {
      removal.stop();
      if (removal.isRemoved()) return;
      map.removeLayer(`${sourceId}-line`);
      map.removeLayer(`${sourceId}-fill`);
      map.removeSource(sourceId);
    };
  }, [map]);

  useEffect(() => {
    const circle = pin?.accuracyM !== undefined ? accuracyCircle(pin, pin.accuracyM) : empty;
    map.getSource<GeoJSONSource>(sourceId)?.setData(circle);
  }, [map, pin]);
}
