import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
// The outline the server routes by (data/boundaries, loaded into the cities table), shipped with
// this lazily loaded chunk so the check works offline and before anything is uploaded.
import kotaGeoJson from '../../../data/boundaries/kota.geojson?raw';

const cities = (JSON.parse(kotaGeoJson) as FeatureCollection<Polygon | MultiPolygon>).features;

/** Whether a point lies in Kota Tangerang or Kota Tangerang Selatan (a point on the border counts). */
export function insideServiceArea(lon: number, lat: number): boolean {
  return cities.some((city: Feature<Polygon | MultiPolygon>) => booleanPointInPolygon([lon, lat], city));
}
