import { Type } from 'typebox';
import { sql, type Queryable, type Sql } from '../db/database.ts';
import { and } from '../reports/filters.ts';
import type { ItemsRequest, OgcCollection, OgcFeature } from './collection.ts';
import type { Queryables } from './cql2/to-sql.ts';
import { extentOf } from './extent.ts';
import { refuseCursor } from './items-query.ts';

// Kelurahan and kecamatan boundaries (Kemendagri codes, data/boundaries/) as OGC features,
// paged by code: the `next` cursor is the last code of the page.

interface Boundary {
  id: 'kelurahan' | 'kecamatan';
  title: string;
  description: string;
  /** FROM clause whose rows have code, geom and the properties. */
  from: Sql;
  properties: Sql;
  propertySchema: ReturnType<typeof Type.Object>;
  queryables: Queryables;
}

const text = (description: string) => Type.String({ description });
const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

const boundaries: Boundary[] = [
  {
    id: 'kelurahan',
    title: 'Kelurahan',
    description: 'Kelurahan (urban villages) of Kota Tangerang and Kota Tangerang Selatan, with area and population.',
    from: sql`kelurahan b JOIN kecamatan kec ON kec.code = b.kecamatan_code`,
    properties: sql`json_build_object('code', b.code, 'name', b.name, 'kecamatan_code', b.kecamatan_code,
      'kecamatan_name', kec.name, 'city_code', b.city_code, 'area_km2', b.area_km2, 'population', b.population)`,
    propertySchema: Type.Object({
      code: text('Kelurahan code'), name: text('Name'), kecamatan_code: text('Kecamatan code'), kecamatan_name: text('Kecamatan name'),
      city_code: text('City code'), area_km2: nullableNumber, population: Type.Union([Type.Integer(), Type.Null()]),
    }),
    queryables: {
      geometry: { type: 'geometry', column: sql`b.geom`, description: 'Boundary (multipolygon)' },
      code: { type: 'string', column: sql`b.code`, description: 'Kelurahan code, e.g. 36.71.01.1001' },
      name: { type: 'string', column: sql`b.name`, description: 'Name' },
      kecamatan_code: { type: 'string', column: sql`b.kecamatan_code`, description: 'Kecamatan code' },
      city_code: { type: 'string', column: sql`b.city_code`, description: 'City code' },
      area_km2: { type: 'number', column: sql`b.area_km2`, description: 'Area in km²' },
      population: { type: 'integer', column: sql`b.population`, description: 'Residents' },
    },
  },
  {
    id: 'kecamatan',
    title: 'Kecamatan',
    description: 'Kecamatan (districts) of Kota Tangerang and Kota Tangerang Selatan.',
    from: sql`kecamatan b`,
    properties: sql`json_build_object('code', b.code, 'name', b.name, 'city_code', b.city_code, 'area_km2', b.area_km2)`,
    propertySchema: Type.Object({ code: text('Kecamatan code'), name: text('Name'), city_code: text('City code'), area_km2: nullableNumber }),
    queryables: {
      geometry: { type: 'geometry', column: sql`b.geom`, description: 'Boundary (multipolygon)' },
      code: { type: 'string', column: sql`b.code`, description: 'Kecamatan code, e.g. 36.71.01' },
      name: { type: 'string', column: sql`b.name`, description: 'Name' },
      city_code: { type: 'string', column: sql`b.city_code`, description: 'City code' },
      area_km2: { type: 'number', column: sql`b.area_km2`, description: 'Area in km²' },
    },
  },
];

const feature = (b: Boundary) => sql`json_build_object('type', 'Feature', 'id', b.code,
  'geometry', ST_AsGeoJSON(b.geom, 6)::json, 'properties', ${b.properties})`;

async function page(db: Queryable, b: Boundary, q: ItemsRequest) {
  const where: Sql[] = [sql`true`];
  if (q.bbox) where.push(sql`b.geom && ST_MakeEnvelope(${q.bbox.minLon}, ${q.bbox.minLat}, ${q.bbox.maxLon}, ${q.bbox.maxLat}, 4326)`);
  if (q.filter) where.push(sql`(${q.filter})`);
  const [{ count }] = await db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM ${b.from} WHERE ${and(where)}`);
  if (q.cursor !== undefined) {
    if (!/^[0-9.]{1,20}$/.test(q.cursor)) refuseCursor();
    where.push(sql`b.code > ${q.cursor}`);
  }
  const rows = await db.query<{ feature: OgcFeature; code: string }>(sql`
    SELECT ${feature(b)} AS feature, b.code FROM ${b.from} WHERE ${and(where)} ORDER BY b.code LIMIT ${q.limit + 1}`);
  const features = rows.slice(0, q.limit);
  return {
    features: features.map((r) => r.feature),
    numberMatched: count,
    next: rows.length > q.limit ? features.at(-1)?.code : undefined,
  };
}

export const boundaryCollections: OgcCollection[] = boundaries.map((b) => ({
  id: b.id,
  title: b.title,
  description: b.description,
  properties: b.propertySchema,
  featureId: Type.String({ description: `The ${b.id} code` }),
  parameters: Type.Object({}),
  queryables: b.queryables,
  temporal: false,
  extent: ({ db }) => extentOf(db, sql`SELECT ST_Extent(b.geom) AS box, NULL::timestamptz AS first, NULL::timestamptz AS last FROM ${b.from}`, false),
  items: ({ db }, q) => page(db, b, q),
  async item({ db }, id) {
    const [row] = await db.query<{ feature: OgcFeature }>(sql`SELECT ${feature(b)} AS feature FROM ${b.from} WHERE b.code = ${id}`);
    return row?.feature;
  },
}));
