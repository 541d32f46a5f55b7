import { sql, type Queryable, type Sql } from '../db/database.ts';
import { crs84, type Extent } from './schemas.ts';

// The study area's bounding box, for a collection with no rows yet: an extent must still be a
// box (collection.yaml), and the two cities are what every collection covers.
const studyArea = sql`SELECT ST_Extent(geom) AS box, NULL::timestamptz AS first, NULL::timestamptz AS last FROM cities`;

const iso = (t: Date | string | null) => (t === null ? null : new Date(t).toISOString());

/**
 * A collection's extent from a query yielding one row: `box` (a box2d in EPSG:4326, whose axis
 * order is CRS84's lon/lat) and, for a collection with a time, `first` and `last`.
 */
export async function extentOf(db: Queryable, query: Sql, temporal = true): Promise<Extent> {
  const read = async (q: Sql) => (await db.query<{ minx: number | null; miny: number; maxx: number; maxy: number; first: Date | string | null; last: Date | string | null }>(sql`
    SELECT ST_XMin(box) AS minx, ST_YMin(box) AS miny, ST_XMax(box) AS maxx, ST_YMax(box) AS maxy, first, last
    FROM (${q}) AS e`))[0];
  let row = await read(query);
  if (row.minx === null) row = { ...(await read(studyArea)), first: row.first, last: row.last };
  const extent: Extent = { spatial: { bbox: [[row.minx!, row.miny, row.maxx, row.maxy]], crs: crs84 } };
  if (temporal) {
    extent.temporal = { interval: [[iso(row.first), iso(row.last)]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' };
  }
  return extent;
}
