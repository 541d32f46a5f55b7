import { Type, type Static } from 'typebox';

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 2, maxLength: 80, description: 'What the resident typed: a kelurahan, kecamatan, street or place name' }),
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
});

export const SearchHit = Type.Object({
  kind: Type.Union([
    Type.Literal('kelurahan'), Type.Literal('kecamatan'), Type.Literal('road'), Type.Literal('place'),
    Type.Literal('poi'), Type.Literal('waterway'), Type.Literal('water'),
  ], { description: 'kelurahan and kecamatan from the boundaries; the rest from the base map, when one is imported' }),
  subtype: Type.Union([Type.String(), Type.Null()], { description: 'The base map kind: major, minor, market, school, mosque, river, …' }),
  name: Type.String(),
  context: Type.Union([Type.String(), Type.Null()], { description: 'Where it is: the kecamatan and city, or the kelurahan' }),
  center: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'lon, lat: a point on the feature' }),
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'west, south, east, north (WGS 84)' }),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResults = Type.Object({ results: Type.Array(SearchHit) });
