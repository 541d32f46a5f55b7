import { join, raw, sql, type Sql } from '../db/database.ts';
import { intersectsTile, type TileCoord } from '../../../tiles/src/index.ts';
import { and, filterConditions, type ReportFilter } from './filters.ts';
import { splitWindow } from './week-window.ts';

// The report counts per cluster cell of a tile, per category (cx, cy, category_code, reports,
// sum_x, sum_y), from whichever source answers the filter without scanning more than it must.

/** Where a tile's cluster counts come from: the cell tables, or every report (the reference). */
export type ClusterSource = 'cells' | 'reports';

/** Zooms for which report_cluster_cells holds counts (migration 0005). */
const cellZooms = { min: 10, max: 16 };
/** Zooms for which report_cluster_weeks holds counts per week (migration 0103). */
const weekCellZooms = { min: 10, max: 12 };

const n = (value: number) => raw(String(Math.trunc(value)));

// Cells are 1/16 of a tile per axis; below the first stored zoom the cells of that zoom are
// summed by integer division into the coarser cells.
function storedCellRange(tile: TileCoord, minZoom: number) {
  const sourceZoom = Math.max(tile.z, minZoom);
  const factor = 2 ** (sourceZoom - tile.z);
  const first = (t: number) => t * 16 * factor;
  return {
    zoom: n(sourceZoom),
    factor: n(factor),
    inTile: sql`cell_x BETWEEN ${n(first(tile.x))} AND ${n(first(tile.x + 1) - 1)}
      AND cell_y BETWEEN ${n(first(tile.y))} AND ${n(first(tile.y + 1) - 1)}`,
  };
}

function cellsFromPyramid(tile: TileCoord, filter: ReportFilter): Sql {
  const cells = storedCellRange(tile, cellZooms.min);
  return sql`
    SELECT cell_x / ${cells.factor} AS cx, cell_y / ${cells.factor} AS cy, category_code,
           sum(report_count) AS reports, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
    FROM report_cluster_cells
    WHERE zoom = ${cells.zoom} AND ${cells.inTile}
      AND ${and(filterConditions(filter, { timeColumns: false }))}
    GROUP BY 1, 2, 3
    HAVING sum(report_count) > 0`;
}

// The same cells computed from the reports themselves. Cost grows with the reports inside the
// window and the tile.
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

// A time window: the cells of the whole weeks inside it, plus the reports of its partial edge
// days (found through reports_created_at_idx), added cell by cell.
function cellsFromWeeks(tile: TileCoord, filter: ReportFilter): Sql {
  const window = splitWindow(filter.since, filter.until);
  const cells = storedCellRange(tile, weekCellZooms.min);
  const parts = window.edges.map((edge) => cellsFromReports(tile, { ...filter, ...edge }));
  if (window.weeks) {
    const { from, to } = window.weeks;
    const weeks = [from ? sql`week_start >= ${from}::date` : sql`true`, to ? sql`week_start < ${to}::date` : sql`true`];
    parts.push(sql`
      SELECT cell_x / ${cells.factor} AS cx, cell_y / ${cells.factor} AS cy, category_code,
             sum(report_count) AS reports, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
      FROM report_cluster_weeks
      WHERE zoom = ${cells.zoom} AND ${and(weeks)} AND ${cells.inTile}
        AND ${and(filterConditions(filter, { timeColumns: false }))}
      GROUP BY 1, 2, 3`);
  }
  return sql`
    SELECT cx, cy, category_code, sum(reports)::bigint AS reports, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
    FROM (${join(parts, ' UNION ALL ')}) AS parts
    GROUP BY 1, 2, 3
    HAVING sum(reports) > 0`;
}

/**
 * The cluster cells of a tile. Without a time window the pyramid answers; with one, the cells
 * per week up to zoom 12 (a kelurahan filter, which they do not key on, reads the reports);
 * from zoom 13 a windowed tile is small enough to count from its reports.
 */
export function clusterCells(tile: TileCoord, filter: ReportFilter, source: ClusterSource = 'cells'): Sql {
  const windowed = Boolean(filter.since || filter.until);
  if (source === 'reports') return cellsFromReports(tile, filter);
  if (!windowed) return cellsFromPyramid(tile, filter);
  if (tile.z <= weekCellZooms.max && !filter.kelurahan) return cellsFromWeeks(tile, filter);
  return cellsFromReports(tile, filter);
}
