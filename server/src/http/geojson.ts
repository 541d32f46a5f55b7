import { Type, type TSchema } from 'typebox';

// RFC 7946 shapes for the GeoJSON the API answers (always WGS 84 lon/lat, built by
// ST_AsGeoJSON). Positions are typed to the depth of each geometry type only loosely: the
// nesting depends on `type`, which JSON Schema could express only as a seven-way union that
// fast-json-stringify would have to try member by member on every feature.

const positions = Type.Array(Type.Unknown({ description: 'Positions nested as `type` requires: [lon, lat] for a Point (RFC 7946 §3.1)' }));

export const Geometry = Type.Object({
  type: Type.Union(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']
    .map((t) => Type.Literal(t))),
  coordinates: Type.Optional(positions),
  geometries: Type.Optional(Type.Array(Type.Unknown({ description: 'Geometries of a GeometryCollection' }))),
});

export const PointGeometry = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat], WGS 84' }),
});

export const Feature = <P extends TSchema, I extends TSchema, G extends TSchema = typeof Geometry>(properties: P, id: I, geometry?: G) =>
  Type.Object({
    type: Type.Literal('Feature'),
    id,
    geometry: (geometry ?? Geometry) as G,
    properties,
  });

export const FeatureCollection = <F extends TSchema>(feature: F) => Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(feature),
});
