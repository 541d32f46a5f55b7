import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Picked } from './layers.ts';

/** How many of a clicked feature's reports the side panel lists, newest first. */
export const listedReports = 10;

// The public list API filters by kelurahan code exactly, but for a hexagon or a hull only by
// bounding box. A flat-topped hexagon fills 3/4 of its box, so the newest 200 in the box hold
// far more than `listedReports` inside it; the box's corners are then dropped here. The box
// query is ordered newest first, so the first reports kept are the newest in the shape.
const boxPage = 200;

/** The public reports API asked for the clicked feature's reports in its layer's window. */
export function pickedReportsUrl(picked: Picked): string {
  const params = new URLSearchParams();
  if (picked.layer === 'choropleth') {
    params.set('kelurahan', String(picked.properties.kelurahan_code));
    params.set('limit', String(listedReports));
  } else {
    params.set('bbox', bbox(picked.geometry).join(','));
    params.set('limit', String(boxPage));
  }
  const { categories, since, until } = picked.window;
  if (categories) params.set('category', categories.join(','));
  if (since) params.set('since', since);
  if (until) params.set('until', until);
  return `/api/reports?${params.toString().replaceAll('%2C', ',')}`;
}

/** The newest reports of the page that lie within the clicked shape (a kelurahan's are all its own). */
export function reportsInside(picked: Picked, page: FeatureCollection<Point>): Feature<Point>[] {
  const shape = picked.geometry;
  const inside = picked.layer === 'choropleth' || (shape.type !== 'Polygon' && shape.type !== 'MultiPolygon')
    ? page.features
    : page.features.filter((report) => booleanPointInPolygon(report.geometry, shape));
  return inside.slice(0, listedReports);
}
