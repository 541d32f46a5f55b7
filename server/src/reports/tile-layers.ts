import { raw, sql, type Sql } from '../db/database.ts';
import { intersectsTile, pointInTile, pointInTileFromXY, tileBounds3857, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';
import { and, filterConditions, type ReportFilter } from './filters.ts';

/** From this zoom up every report is its own point; below it, reports are clustered. */
export const firstPointZoom = 17;
/** Zooms for which report_cluster_cells holds counts (see migration 0005). */
const cellZooms = { min: 10, max: 16 };

const n = (value: number) => raw(String(Math.trunc(value)));

// Counts per cluster cell of this tile, per category. Cells are 1/16 of a tile per axis; below
// zoom 10 the zoom-10 cells are summed by integer division into the coarser cells.
function cellsFromPyramid(tile: TileCoord, filter: ReportFilter): Sql {
  const sourceZoom = Math.max(tile.z, cellZooms.min);
  const factor = 2 ** (sourceZoom - tile.z);
  const first = (t: number) => t * 16 * factor;
  return sql`
    SELECT cell_x / ${n(factor)} AS cx, cell_y / ${n(factor)} AS cy, category_code,
           sum(report_count) AS reports, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
    FROM report_cluster_cells
    WHERE zoom = ${n(sourceZoom)}
      AND cell_x BETWEEN ${n(first(tile.x))} AND ${n(first(tile.x + 1) - 1)}
      AND cell_y BETWEEN ${n(first(tile.y))} AND ${n(first(tile.y + 1) - 1)}
      AND ${and(filterConditions(filter, { timeColumns: false }))}
    GROUP BY 1, 2, 3
    HAVING sum(report_count) > 0`;
}

// The same cells computed from the reports themselves: for time-window filters, which the
// pyramid does not key on. Cost grows with the reports inside the window and the tile.
function cellsFromReports(tile: TileCoord, filter: ReportFilter): Sql {
  return sql`
    SELECT mercator_cell(ST_X(public_location_3857), ${n(tile.z)}, false) AS cx,
           mercator_cell(ST_Y(public_location_3857), ${n(tile.z)}, true) AS cy,
           category_code, count(*) AS reports,
           sum(ST_X(public_location_3857)) AS sum_x, sum(ST_Y(public_location_3857)) AS sum_y
    FROM reports
    WHERE ${intersectsTile(sql`public_location_3857`, tile)}
      AND ${and(filterConditions(filter, { timeColumns: true }))}
    GROUP BY 1, 2, 3`;
}

function clusterFeatures(tile: TileCoord, filter: ReportFilter): Sql {
  const cells = filter.since || filter.until ? cellsFromReports(tile, filter) : cellsFromPyramid(tile, filter);
  return sql`
    WITH cells AS (${cells})
    SELECT ${pointInTileFromXY(sql`sum(sum_x) / sum(reports)`, sql`sum(sum_y) / sum(reports)`, tile)} AS geom,
           true AS cluster,
           sum(reports)::int AS point_count,
           CASE WHEN sum(reports) < 1000 THEN sum(reports)::text
                WHEN sum(reports) < 10000 THEN to_char(sum(reports) / 1000.0, 'FM9.9') || 'k'
                ELSE round(sum(reports) / 1000.0)::text || 'k' END AS point_count_abbreviated,
           (array_agg(category_code ORDER BY reports DESC, category_code))[1] AS top_category,
           jsonb_object_agg('n_' || category_code, reports::int) AS category_counts
    FROM cells
    GROUP BY cx, cy
    ORDER BY cx, cy`;
}

function pointFeatures(tile: TileCoord, filter: ReportFilter): Sql {
  const b = tileBounds3857(tile);
  // Half-open bounds so that a point on a tile edge belongs to exactly one tile.
  return sql`
    SELECT ${pointInTile(sql`public_location_3857`, tile)} AS geom,
           false AS cluster, code, category_code AS category, status,
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
    FROM reports
    WHERE ${intersectsTile(sql`public_location_3857`, tile)}
      AND ST_X(public_location_3857) >= ${raw(String(b.minX))} AND ST_X(public_location_3857) < ${raw(String(b.maxX))}
      AND ST_Y(public_location_3857) > ${raw(String(b.minY))} AND ST_Y(public_location_3857) <= ${raw(String(b.maxY))}
      AND ${and(filterConditions(filter, { timeColumns: true }))}
    ORDER BY created_at, id
    LIMIT 20000`;
}

/**
 * The `reports` layer: clusters below zoom 17, every public report as a point from 17 up, each
 * at its public point (a sensitive category's snapped to its grid square: public_location_of).
 */
export function reportsLayer(filter: ReportFilter): TileLayer {
  return {
    name: 'reports',
    query: (tile) => (tile.z >= firstPointZoom ? pointFeatures(tile, filter) : clusterFeatures(tile, filter)),
  };
}
