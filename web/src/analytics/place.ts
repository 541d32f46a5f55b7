import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** A hexagon's centre: the mean of its six corners (the ring repeats the first one). */
export function hexCentre(geometry: Polygon): [number, number] {
  const ring = geometry.coordinates[0].slice(0, -1);
  const sum = ring.reduce(([x, y], [px, py]) => [x + px, y + py], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}

/** "Kelurahan, Kecamatan" of the kelurahan polygon holding the point, or null outside them all (or before they load). */
export function kelurahanAt(kelurahan: FeatureCollection | undefined, point: [number, number]): string | null {
  const found = kelurahan?.features.find((f) =>
    booleanPointInPolygon(point, f as Feature<Polygon | MultiPolygon>));
  if (!found) return null;
  const p = found.properties ?? {};
  return p.kecamatan_name ? `${p.kelurahan_name}, ${p.kecamatan_name}` : String(p.kelurahan_name);
}
