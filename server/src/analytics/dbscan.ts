import { sql, type Queryable } from '../db/database.ts';
import { echoWindow } from './getis-ord.ts';
import type { LayerResult } from './layer.ts';
import { windowConditions, type ReportWindow } from './parameters.ts';

export interface DbscanParameters {
  window: ReportWindow;
  epsM: number;
  minPoints: number;
}

interface ClusterRow {
  cluster: number;
  reports: number;
  dominant_category: string;
  category_counts: Record<string, number>;
  first_report_at: string;
  last_report_at: string;
  geometry: LayerResult['features'][number]['geometry'];
  wkt: string;
}

/**
 * Density clusters of public reports: ST_ClusterDBSCAN in metres (UTM 48S coordinates stored
 * on each report, 0010), each cluster as the convex hull of its members with its report count,
 * most frequent category (ties: alphabetical) and first and last report. Noise is left out.
 */
export async function dbscanClusters(db: Queryable, p: DbscanParameters): Promise<LayerResult> {
  const rows = await db.query<ClusterRow>(sql`
    WITH clustered AS (
      SELECT r.category_code, r.created_at, ST_Point(r.public_utm_x, r.public_utm_y, 32748) AS point,
             ST_ClusterDBSCAN(ST_Point(r.public_utm_x, r.public_utm_y, 32748), eps => ${p.epsM}::float8,
                              minpoints => ${p.minPoints}::integer) OVER () AS cluster
      FROM reports r
      WHERE ${windowConditions(p.window)}
    ),
    members AS (SELECT * FROM clustered WHERE cluster IS NOT NULL),
    by_category AS (
      SELECT cluster, category_code, count(*) AS n FROM members GROUP BY cluster, category_code
    ),
    hulls AS (
      SELECT cluster, count(*)::integer AS reports, min(created_at) AS first_at, max(created_at) AS last_at,
             -- two or three collinear members have a line for hull; a 1 m buffer keeps every
             -- hull a polygon (for fills and tiles) that still covers its members
             (SELECT CASE WHEN GeometryType(h) = 'POLYGON' THEN h ELSE ST_Buffer(h, 1, 2) END
              FROM ST_ConvexHull(ST_Collect(point)) AS h) AS hull
      FROM members GROUP BY cluster
    )
    SELECT h.cluster, h.reports,
           (SELECT category_code FROM by_category c WHERE c.cluster = h.cluster
            ORDER BY n DESC, category_code LIMIT 1) AS dominant_category,
           (SELECT json_object_agg(category_code, n ORDER BY category_code) FROM by_category c
            WHERE c.cluster = h.cluster) AS category_counts,
           to_char(h.first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first_report_at,
           to_char(h.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_report_at,
           ST_AsGeoJSON(ST_Transform(h.hull, 4326), 7)::json AS geometry,
           ST_AsText(ST_Transform(h.hull, 4326), 7) AS wkt
    FROM hulls h
    ORDER BY h.reports DESC, h.cluster`);
  return {
    layer: 'dbscan',
    parameters: {
      method: 'DBSCAN (ST_ClusterDBSCAN), noise excluded',
      ...echoWindow(p.window),
      eps_m: p.epsM,
      min_points: p.minPoints,
      crs: 'EPSG:32748',
      hull: 'convex hull of the members (1 m buffer when degenerate)',
      n_clusters: rows.length,
    },
    columns: ['cluster', 'reports', 'dominant_category', 'category_counts', 'first_report_at', 'last_report_at'],
    // numbered by size so that the same data gives the same numbers
    features: rows.map((r, index) => ({
      geometry: r.geometry,
      wkt: r.wkt,
      properties: {
        cluster: index + 1, reports: r.reports, dominant_category: r.dominant_category,
        category_counts: r.category_counts, first_report_at: r.first_report_at, last_report_at: r.last_report_at,
      },
    })),
  };
}
