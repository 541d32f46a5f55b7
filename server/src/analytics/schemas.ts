import { Type, type Static, type TSchema } from 'typebox';
import { Geometry } from '../http/geojson.ts';
import { emergingPatterns } from './emerging-patterns.ts';

// The answers of the planner view's endpoints (routes.ts). Each layer's features carry the
// properties its module computes; `parameters` echoes what the layer was computed from.

const nullableText = Type.Union([Type.String(), Type.Null()]);

/** What a layer was computed from (echoWindow in getis-ord.ts, and each module's own settings). */
export const LayerParameters = Type.Object({
  categories: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'null: every category' }),
  cities: Type.Array(Type.String()),
  statuses: Type.Array(Type.String()),
  since: nullableText,
  until: nullableText,
  data_version: Type.String({ description: 'Changes whenever public reports change' }),
  computed_at: Type.Optional(Type.String({ format: 'date-time' })),
}, {
  additionalProperties: true,
  description: 'Everything needed to recompute the answer from it alone: the window, the method and its settings',
});
export type LayerParameters = Static<typeof LayerParameters>;

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** A computed layer as GeoJSON (layer.ts featureCollection). */
export const LayerCollection = <P extends TSchema>(properties: P) => Type.Object({
  type: Type.Literal('FeatureCollection'),
  parameters: LayerParameters,
  features: Type.Array(Type.Object({ type: Type.Literal('Feature'), geometry: Geometry, properties })),
});

export const GetisOrdCell = Type.Object({
  i: Type.Integer(), j: Type.Integer({ description: 'Hexagon column and row of ST_HexagonGrid' }),
  count: Type.Integer(),
  area_km2: Type.Optional(nullableNumber), density: Type.Optional(nullableNumber),
  neighbours: Type.Integer(),
  gi_z: nullableNumber, gi_p: nullableNumber,
  bin: Type.Integer({ minimum: -3, maximum: 3, description: '±3/±2/±1: hot/cold at 99/95/90 %; 0 not significant' }),
});

export const DbscanCluster = Type.Object({
  cluster: Type.Integer(),
  reports: Type.Integer(),
  dominant_category: Type.String(),
  category_counts: Type.Record(Type.String(), Type.Integer()),
  first_report_at: Type.String({ format: 'date-time' }),
  last_report_at: Type.String({ format: 'date-time' }),
});

export const EmergingCell = Type.Object({
  i: Type.Integer(), j: Type.Integer(),
  label: Type.Union(emergingPatterns.map((p) => Type.Literal(p)), { description: "ArcGIS Pro's Emerging Hot Spot Analysis categories: eight hot, eight cold (suffix _cold), no_pattern" }),
  count: Type.Integer(),
  hot_weeks: Type.Integer(),
  trend_z: Type.Number(), trend_p: Type.Number(),
  counts: Type.Array(Type.Integer(), { description: 'Reports per week, oldest first' }),
  bins: Type.Array(Type.Integer(), { description: 'Gi* bin per week, oldest first' }),
});

export const KelurahanFigures = Type.Object({
  kelurahan_code: Type.String(), kelurahan_name: Type.String(),
  kecamatan_code: Type.String(), kecamatan_name: Type.String(), city_code: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  reports: Type.Integer(),
  reports_per_1000: nullableNumber,
  resolved: Type.Integer(),
  median_days_to_resolve: nullableNumber,
  with_due_at: Type.Integer(),
  pct_on_time: nullableNumber,
  referred: Type.Integer({ description: 'Referred to another agency' }),
  cannot_fix: Type.Integer({ description: 'Found impossible to fix' }),
  no_action_needed: Type.Integer({ description: 'Found to need no action' }),
  pct_other_outcome: Type.Union([Type.Number(), Type.Null()], {
    description: '% of reports answered by one of the three outcomes above rather than a fix; null without reports',
  }),
});

/** GET /api/analytics/weekly (weekly.ts). */
export const WeeklyCounts = Type.Object({
  parameters: LayerParameters,
  weeks: Type.Array(Type.Object({
    week_start: Type.String({ format: 'date', description: 'Monday of the ISO week, WIB' }),
    category: Type.String(),
    reports: Type.Integer(),
  }), { description: 'One row per week and category present in the window, zero weeks included, oldest first' }),
});
export type WeeklyCounts = Static<typeof WeeklyCounts>;
