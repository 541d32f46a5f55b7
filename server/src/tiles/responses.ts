import { Type } from 'typebox';
import { errorResponses, mediaResponse, notModified } from '../http/responses.ts';
import { mvtContentType } from './serve.ts';

/** What every tile route answers (serve.ts): the tile, an empty tile, 304, or a refusal. */
export const tileResponses = {
  200: mediaResponse(mvtContentType, 'Mapbox Vector Tile 2.1 (gzip when Accept-Encoding allows), with a strong ETag'),
  204: Type.Null({ description: 'No feature in this tile' }),
  304: notModified,
  ...errorResponses(400, 500, 503),
};

const VectorLayer = Type.Object({
  id: Type.String(),
  description: Type.Optional(Type.String()),
  fields: Type.Record(Type.String(), Type.String(), { description: 'Attribute name → type (String, Number, Boolean)' }),
});

/** TileJSON 3.0.0 (tilejson.ts). */
export const TileJson = Type.Object({
  tilejson: Type.Literal('3.0.0'),
  name: Type.String(),
  description: Type.String(),
  tiles: Type.Array(Type.String(), { description: 'URL templates with {z}/{x}/{y} and the query of this request' }),
  vector_layers: Type.Array(VectorLayer),
  minzoom: Type.Integer(),
  maxzoom: Type.Integer(),
  bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'west, south, east, north (WGS 84)' }),
  center: Type.Array(Type.Number(), { minItems: 3, maxItems: 3, description: 'lon, lat, zoom' }),
  scheme: Type.Literal('xyz'),
  attribution: Type.String(),
});
