import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { Feature, FeatureCollection, PointGeometry } from '../http/geojson.ts';
import { ReportFilterQuery } from '../reports/filters.ts';
import { exportFields, type ExportField } from './fields.ts';

export const ExportQuery = Type.Object({
  ...ReportFilterQuery.properties,
  bbox: Type.Optional(Type.String({
    pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
    description: 'minLon,minLat,maxLon,maxLat (WGS 84), matched against the published points',
  })),
});

const typeOf = (f: ExportField) => {
  const base = { description: f.meaningEn };
  const t = f.type === 'number' ? Type.Number(base) : f.type === 'integer' ? Type.Integer(base)
    : f.type === 'boolean' ? Type.Boolean(base) : Type.String(f.type === 'timestamp' ? { ...base, format: 'date-time' } : base);
  return f.nullable ? Type.Union([t, Type.Null()], base) : t;
};

/** One exported report as a GeoJSON Feature: the dictionary's fields but lon/lat, which are its geometry. */
export const ExportFeature = Feature(
  Type.Object(Object.fromEntries(exportFields.filter((f) => !f.csvOnly).map((f) => [f.name, typeOf(f)]))),
  Type.String({ description: 'The tracking code' }),
  PointGeometry,
);

// Streamed bodies: documented by their shape, typed as the stream the handler sends.
export const ExportCollectionBody = Type.Unsafe<Readable>({
  ...FeatureCollection(ExportFeature),
  description: 'Every selected report, oldest first; the collection names its licence (licence, licence_url, attribution)',
});
export const ExportLinesBody = Type.Unsafe<Readable>({
  ...ExportFeature,
  description: 'One GeoJSON Feature per line (newline-delimited JSON), oldest first',
});

export const DictionaryField = Type.Object({
  name: Type.String(),
  type: Type.String({ description: 'string, number, integer, boolean or timestamp (ISO 8601, UTC)' }),
  nullable: Type.Boolean(),
  meaning_en: Type.String(),
  meaning_id: Type.String(),
  licence: Type.String(),
  in: Type.Array(Type.String(), { description: 'The formats that carry the field' }),
});

export const Dictionary = Type.Object({
  licence: Type.Object({ id: Type.String(), name: Type.String(), url: Type.String(), attribution: Type.String() }),
  fields: Type.Array(DictionaryField),
  never_published: Type.Array(Type.String(), { description: 'What no public output contains' }),
  downloads: Type.Array(Type.String({ description: 'A download path' })),
});

export const Snapshot = Type.Object({
  file: Type.String(),
  format: Type.String(),
  date: Type.String({ format: 'date', description: 'The day (Asia/Jakarta) the snapshot was taken' }),
  bytes: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  url: Type.String(),
  sha256_url: Type.String({ description: 'The checksum in sha256sum format' }),
});

export const SnapshotList = Type.Object({ snapshots: Type.Array(Snapshot) });
