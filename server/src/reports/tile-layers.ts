import { raw, sql, type Sql } from '../db/database.ts';
import { intersectsTile, pointInTile, pointInTileFromXY, tileBounds3857, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';
import { clusterCells, type ClusterSource } from './cluster-cells.ts';
import { and, filterConditions, type ReportFilter } from './filters.ts';

/** From this zoom up every report is its own point; below it, reports are clustered. */
export const firstPointZoom = 17;

function clusterFeatures(tile: TileCoord, filter: ReportFilter, source: ClusterSource): Sql {
  return sql`
    WITH cells AS (${clusterCells(tile, filter, source)})
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
 * `clusterSource: 'reports'` counts the clusters from the reports alone, the reference that
 * the cell tables must agree with (tests, and the benchmark's floor of that query).
 */
export function reportsLayer(filter: ReportFilter, clusterSource: ClusterSource = 'cells'): TileLayer {
  return {
    name: 'reports',
    query: (tile) => (tile.z >= firstPointZoom ? pointFeatures(tile, filter) : clusterFeatures(tile, filter, clusterSource)),
  };
}
