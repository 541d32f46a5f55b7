import { Type, type TSchema } from 'typebox';
import { Geometry } from '../http/geojson.ts';

// The documents of OGC API - Features - Part 1: Core (OGC 17-069r4), with the field names and
// required members of its OpenAPI fragments (schemas/*.yaml), and the queryables of Part 3.

export const crs84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** link.yaml */
export const Link = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
export type Link = { href: string; rel: string; type?: string; title?: string };

/** landingPage.yaml */
export const LandingPage = Type.Object({
  title: Type.String(),
  description: Type.String(),
  links: Type.Array(Link),
});

/** confClasses.yaml */
export const Conformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

const nullableInstant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** extent.yaml: one bbox and one interval, the whole collection's. */
export const Extent = Type.Object({
  spatial: Type.Object({
    bbox: Type.Array(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), { minItems: 1, description: 'minLon, minLat, maxLon, maxLat (CRS84)' }),
    crs: Type.Literal(crs84),
  }),
  temporal: Type.Optional(Type.Object({
    interval: Type.Array(Type.Array(nullableInstant, { minItems: 2, maxItems: 2 }), { minItems: 1, description: 'First and last instant; null: open' }),
    trs: Type.Literal('http://www.opengis.net/def/uom/ISO-8601/0/Gregorian'),
  })),
});
export type Extent = {
  spatial: { bbox: number[][]; crs: typeof crs84 };
  temporal?: { interval: (string | null)[][]; trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' };
};

/** collection.yaml */
export const Collection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  links: Type.Array(Link),
  extent: Extent,
  itemType: Type.Literal('feature'),
  crs: Type.Array(Type.String()),
});

/** collections.yaml */
export const Collections = Type.Object({ links: Type.Array(Link), collections: Type.Array(Collection) });

/** featureCollectionGeoJSON.yaml, with the feature properties of one collection. */
export const OgcFeatureCollection = <P extends TSchema>(properties: P, id: TSchema) => Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(OgcFeature(properties, id)),
  links: Type.Array(Link),
  timeStamp: Type.String({ format: 'date-time' }),
  numberMatched: Type.Integer({ minimum: 0 }),
  numberReturned: Type.Integer({ minimum: 0 }),
});

/** featureGeoJSON.yaml */
export const OgcFeature = <P extends TSchema>(properties: P, id: TSchema) => Type.Object({
  type: Type.Literal('Feature'),
  id,
  geometry: Geometry,
  properties,
  links: Type.Optional(Type.Array(Link)),
});

/** Part 3, §6.2: the queryables of a collection as a JSON Schema. */
// $schema and $id are sent as additional properties: named in the schema, @fastify/swagger's
// reference resolver would take them for keywords and fail on the whole document.
export const QueryablesDocument = Type.Object({
  type: Type.Literal('object'),
  title: Type.String(),
  properties: Type.Record(Type.String(), Type.Object({
    title: Type.Optional(Type.String()),
    description: Type.String(),
    type: Type.Optional(Type.String()),
    format: Type.Optional(Type.String()),
    enum: Type.Optional(Type.Array(Type.String())),
  })),
  additionalProperties: Type.Boolean(),
}, { additionalProperties: true, description: 'Also $schema (JSON Schema 2020-12) and $id (this address)' });

/** exception.yaml: every refusal under /ogc. */
export const OgcException = Type.Object({
  code: Type.String(),
  description: Type.String(),
  description_id: Type.Optional(Type.String({ description: 'The description in Indonesian' })),
  details: Type.Optional(Type.Unknown({ description: 'Depends on the code, as in ErrorResponse' })),
});
