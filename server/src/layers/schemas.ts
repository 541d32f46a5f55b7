import { Type, type Static } from 'typebox';
import { Feature, FeatureCollection } from '../http/geojson.ts';

export const LayerSummary = Type.Object({
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  is_sample: Type.Boolean(),
  feature_count: Type.Integer(),
  geometry_types: Type.Array(Type.String(), { description: 'PostGIS names, e.g. ST_LineString' }),
  imported_by: Type.String(),
  imported_at: Type.String({ format: 'date-time' }),
  rule_ids: Type.Array(Type.Integer(), { description: 'Routing rules that use the layer; it cannot be deleted while any does' }),
});
export type LayerSummary = Static<typeof LayerSummary>;

/** GET /api/layers/:name (queries.ts): the features keep the properties they were imported with. */
export const LayerCollection = Type.Object({
  ...FeatureCollection(Feature(
    Type.Record(Type.String(), Type.Unknown({ description: 'Any JSON value the imported feature carried' }), {
      description: 'The properties of the imported feature, as they were',
    }),
    Type.String({ description: 'The feature id of the import, or its position' }),
  )).properties,
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  is_sample: Type.Boolean(),
});
export type LayerCollection = Static<typeof LayerCollection>;

/** GET /api/layers/from-basemap/kinds (from-basemap.ts): what a layer can be made of. */
export const BasemapOffer = Type.Object({
  installed: Type.Boolean({ description: 'False until an OpenStreetMap extract is imported (npm run basemap:import)' }),
  source_file: Type.Union([Type.String(), Type.Null()]),
  imported_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  kinds: Type.Array(Type.Object({
    layer: Type.Union([Type.Literal('road'), Type.Literal('waterway'), Type.Literal('water'), Type.Literal('poi')]),
    kind: Type.String({ description: 'road: major, minor, path; waterway: river, canal, drain; poi: market, school, mosque' }),
    feature_count: Type.Integer(),
  })),
});
export type BasemapOffer = Static<typeof BasemapOffer>;
